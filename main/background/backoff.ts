import { isAppError } from '../../shared/domain/app-error';

export interface BackoffPolicy {
  /** The wait after the first failure; each further failure doubles it, up to `maxMs`. */
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 15 * 60_000 };

/**
 * The wait before trying a unit again after its `failures`-th failure in a row: exponential, with "equal jitter"
 * (half the step fixed, half random) so 500 clients failing at once do not come back at once, and never sooner
 * than the server's Retry-After. The jitter shape is the one AWS's Architecture Blog calls "Equal Jitter"
 * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/); `random` is injected for tests.
 */
export function backoffDelay(
  failures: number,
  policy: BackoffPolicy,
  random: () => number,
  retryAfterMs?: number | null,
): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  const jittered = step / 2 + random() * (step / 2);
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}

/**
 * What a failure says about waiting: the server's Retry-After when it gave one (Dialogporten's and Skatteetaten's
 * errors carry it as `retryAfterMs`, read from the header as seconds or an HTTP date), else nothing.
 */
export function retryAfterOf(error: unknown): number | null {
  if (error && typeof error === 'object' && 'retryAfterMs' in error) {
    const ms = (error as { retryAfterMs?: unknown }).retryAfterMs;
    if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 0) return ms;
  }
  return null;
}

/** A short, secret-free description of a failure for the log and the status: its code, or its class. */
export function failureCode(error: unknown): string {
  if (isAppError(error)) return error.code;
  return error instanceof Error ? error.name : 'UNKNOWN';
}
