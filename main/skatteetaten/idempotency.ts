import { createHash } from 'node:crypto';

/**
 * Where the idempotency key travels. Skatteetaten's pages do not say (skatteetaten-apis.md §0.3, UNCONFIRMED):
 * one third-party client sends the header `idempotencyKey`, another the query parameter; the spec recommends the
 * header until the OpenAPI file is checked. This is the one place to change it.
 */
export const IDEMPOTENCY_KEY_TRANSPORT: 'header' | 'query' = 'header';
export const IDEMPOTENCY_KEY_NAME = 'idempotencyKey';

/** Puts the key where IDEMPOTENCY_KEY_TRANSPORT says, on a request about to be sent. */
export function withIdempotencyKey(
  url: URL,
  headers: Record<string, string>,
  key: string,
  transport: 'header' | 'query' = IDEMPOTENCY_KEY_TRANSPORT,
): void {
  if (transport === 'header') headers[IDEMPOTENCY_KEY_NAME] = key;
  else url.searchParams.set(IDEMPOTENCY_KEY_NAME, key);
}

/**
 * A UUID derived from a submission's own key and the name of one step (`1086U-3`), so a multi-step submission
 * has a distinct, stable key per logical call without persisting each one: a retry of that step after a crash
 * sends the same key again, and Skatteetaten answers it as a replay.
 */
export function stepIdempotencyKey(submissionKey: string, step: string): string {
  const hex = createHash('sha256').update(`${submissionKey}\u0000${step}`).digest('hex');
  // Shaped as an RFC 9562 version 8 (custom) UUID with the RFC 4122 variant.
  const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
