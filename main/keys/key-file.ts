import { basename } from 'node:path';
import { AppError } from '../../shared/domain/app-error';
import { describeFileReadFailure, readRegularFile } from '../disk/read-regular-file';

/** A PEM, JWK or PKCS#12 file is a few KiB; anything past this is the wrong file. */
export const MAX_KEY_FILE_BYTES = 256 * 1024;

/** A key, certificate or .p12 file the user picked, through the one file reader (a regular file, ≤ 256 KiB). */
export async function readKeyFile(file: string): Promise<Buffer> {
  const read = await readRegularFile(file, MAX_KEY_FILE_BYTES);
  if (read.ok) return read.bytes;
  throw new AppError(
    read.failure.reason === 'too-large' ? 'KEY_FILE_TOO_LARGE' : 'KEY_FILE_UNREADABLE',
    describeFileReadFailure(read.failure, basename(file)),
  );
}
