import { basename } from 'node:path';
import { EndpointsSchema, type Endpoints } from '../../shared/domain/endpoints';
import { AppError } from '../../shared/domain/app-error';
import { describeFileReadFailure, readRegularFile } from '../disk/read-regular-file';

const MAX_BYTES = 64 * 1024;

/**
 * Reads a `custom` environment: every URL from a JSON file the user picked, checked field by field. The file is
 * read again at every start, so a bad one (a FIFO, `/dev/zero`, a huge file) must fail fast with a message and
 * never crash or hang; no message quotes the file's content (it may be anything picked by mistake).
 */
export async function loadCustomEndpoints(file: string): Promise<Endpoints> {
  const name = basename(file);
  const read = await readRegularFile(file, MAX_BYTES);
  if (!read.ok) {
    throw new AppError(
      read.failure.reason === 'too-large' ? 'CUSTOM_ENV_TOO_LARGE' : 'CUSTOM_ENV_UNREADABLE',
      describeFileReadFailure(read.failure, { nb: `miljøfilen ${name}`, en: `the environment file ${name}` }),
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(read.bytes.toString('utf8'));
  } catch {
    // V8's SyntaxError quotes the text around the fault; only the fact is passed on.
    throw new AppError('CUSTOM_ENV_NOT_JSON', {
      nb: `Miljøfilen ${name} er ikke gyldig JSON.`,
      en: `The environment file ${name} is not valid JSON.`,
    });
  }
  const parsed = EndpointsSchema.safeParse(json);
  if (!parsed.success) {
    // Field paths and zod's own messages only: none of them repeats the value that was refused.
    const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new AppError(
      'CUSTOM_ENV_INVALID',
      {
        nb: `Miljøfilen ${name} mangler eller har feil i ${details.length} felt. Se detaljene.`,
        en: `The environment file ${name} has ${details.length} missing or invalid field(s). See the details.`,
      },
      details,
    );
  }
  return parsed.data;
}
