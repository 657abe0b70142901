import { readFile } from 'node:fs/promises';
import { EndpointsSchema, type Endpoints } from '../../shared/domain/endpoints';
import { AppError } from '../../shared/domain/app-error';

const MAX_BYTES = 64 * 1024;

/** Reads a `custom` environment: every URL from a JSON file the user names, checked field by field. */
export async function loadCustomEndpoints(file: string): Promise<Endpoints> {
  let raw: string;
  try {
    const buffer = await readFile(file);
    if (buffer.byteLength > MAX_BYTES) {
      throw new AppError('CUSTOM_ENV_TOO_LARGE', {
        nb: `Miljøfilen ${file} er større enn 64 KiB; er det riktig fil?`,
        en: `The environment file ${file} is larger than 64 KiB; is it the right file?`,
      });
    }
    raw = buffer.toString('utf8');
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('CUSTOM_ENV_UNREADABLE', {
      nb: `Kunne ikke lese miljøfilen ${file}: ${(error as Error).message}`,
      en: `Could not read the environment file ${file}: ${(error as Error).message}`,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new AppError('CUSTOM_ENV_NOT_JSON', {
      nb: `Miljøfilen ${file} er ikke gyldig JSON: ${(error as Error).message}`,
      en: `The environment file ${file} is not valid JSON: ${(error as Error).message}`,
    });
  }
  const parsed = EndpointsSchema.safeParse(json);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new AppError(
      'CUSTOM_ENV_INVALID',
      {
        nb: `Miljøfilen ${file} mangler eller har feil i ${details.length} felt. Se detaljene.`,
        en: `The environment file ${file} has ${details.length} missing or invalid field(s). See the details.`,
      },
      details,
    );
  }
  return parsed.data;
}
