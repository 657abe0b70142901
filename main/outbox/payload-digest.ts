import { createHash } from 'node:crypto';
import type { SubmissionPayload } from './submission';

/** The sha256 the audit log and the record carry: of the exact bytes that are sent. */
export function payloadDigest(payload: SubmissionPayload): { sha256: string; bytes: number } {
  const hash = createHash('sha256');
  let bytes = 0;
  const parts =
    payload.service === 'aksjonaerregisteroppgave' ? [payload.hovedskjema, ...payload.underskjemaer] : [payload.body];
  for (const part of parts) {
    const buffer = Buffer.from(part, 'utf8');
    bytes += buffer.byteLength;
    // Each part's length first, so ["ab","c"] and ["a","bc"] differ.
    hash.update(`${buffer.byteLength}:`).update(buffer);
  }
  return { sha256: hash.digest('hex'), bytes };
}
