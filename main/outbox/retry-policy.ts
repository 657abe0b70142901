import { isAppError } from '../../shared/domain/app-error';
import { DialogportenError } from '../dialogporten/dialogporten-errors';
import { MaskinportenRateLimitedError } from '../maskinporten/token-errors';
import { SkatteetatenError, SkatteetatenUnreachableError } from '../skatteetaten/skatteetaten-errors';
import type { FailureReason, SubmissionError } from './submission';

export interface RetryPolicy {
  /** The first wait; each further attempt doubles it, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Passing faults (5xx, 429, a dropped connection) are tried this often before the user is asked. */
  maxAttempts: number;
  /** While offline the outbox keeps trying, never giving up, at most this far apart. */
  offlineMaxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 2_000,
  maxDelayMs: 5 * 60_000,
  maxAttempts: 8,
  offlineMaxDelayMs: 60_000,
};

/** What to do after a failed attempt. */
export type Verdict =
  | { outcome: 'rejected'; error: SubmissionError }
  | {
      outcome: 'retry';
      reason: Exclude<FailureReason, 'needs-action' | 'gave-up'>;
      error: SubmissionError;
      retryAfterMs?: number;
    }
  | { outcome: 'needs-action'; error: SubmissionError };

/**
 * Sorts a failure: Skatteetaten's 4xx on the request itself will not change and are not retried; 401/403 wait
 * for the user (a right in Altinn, a key); 5xx, 429 and 408 are retried, honouring Retry-After; no answer is
 * `offline` (nothing left the machine) or `transient` (it may have arrived — the retry's key makes that safe).
 */
export function classifyFailure(error: unknown): Verdict {
  const shape = errorShape(error);
  if (error instanceof SkatteetatenUnreachableError) {
    return { outcome: 'retry', reason: error.reason === 'offline' ? 'offline' : 'transient', error: shape };
  }
  if (error instanceof SkatteetatenError) {
    if (error.kind === 'transient') {
      return {
        outcome: 'retry',
        reason: error.status === 429 ? 'rate-limited' : 'transient',
        error: shape,
        ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
      };
    }
    return error.kind === 'needs-action'
      ? { outcome: 'needs-action', error: shape }
      : { outcome: 'rejected', error: shape };
  }
  if (error instanceof DialogportenError && error.transient) {
    // Dialogporten is asked after a 409 "key already used" (received-lookup.ts): its outage passes like
    // Skatteetaten's, and its own message says Innsender tries again, so the user is not asked to.
    return {
      outcome: 'retry',
      reason:
        error.failure === 'unreachable' ? 'offline' : error.failure === 'rate-limited' ? 'rate-limited' : 'transient',
      error: shape,
      ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
    };
  }
  if (isAppError(error)) {
    // Maskinporten: a network or server problem passes; anything else (key, client, system user) needs the user.
    if (/^MASKINPORTEN_(UNREACHABLE)$/.test(error.code)) return { outcome: 'retry', reason: 'offline', error: shape };
    if (/^MASKINPORTEN_(UNAVAILABLE|RATE_LIMITED|UNREADABLE_ANSWER)$/.test(error.code)) {
      const wait = error instanceof MaskinportenRateLimitedError ? error.retryAfterMs : undefined;
      return {
        outcome: 'retry',
        reason: 'transient',
        error: shape,
        ...(wait !== undefined ? { retryAfterMs: wait } : {}),
      };
    }
    return { outcome: 'needs-action', error: shape };
  }
  // A bug or an unexpected answer: do not loop on it; the user can retry once it is understood.
  return { outcome: 'needs-action', error: shape };
}

export function errorShape(error: unknown): SubmissionError {
  if (error instanceof SkatteetatenError) {
    return {
      code: error.code,
      message: error.localized,
      ...(error.details?.length ? { details: error.details } : {}),
      status: error.status,
      ...(error.korrelasjonsid ? { korrelasjonsid: error.korrelasjonsid } : {}),
    };
  }
  if (isAppError(error)) {
    return { code: error.code, message: error.localized, ...(error.details?.length ? { details: error.details } : {}) };
  }
  // A library's own words are English whatever the page's language: support reads them under technical details.
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    code: 'OUTBOX_UNEXPECTED',
    message: {
      nb: 'Innsender fikk en uventet feil under innsendingen. Velg «Prøv igjen nå»; gjentar det seg, send loggen til brukerstøtte.',
      en: 'Innsender had an unexpected error while submitting. Choose “Try again now”; if it happens again, send the log to support.',
    },
    details: [text.slice(0, 500)],
  };
}

/**
 * Exponential backoff with "equal jitter" (half fixed, half random), so many clients retrying after the same
 * outage spread out, and never sooner than the server's Retry-After.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  reason: FailureReason,
  random: () => number,
  retryAfterMs?: number,
): number {
  const cap = reason === 'offline' ? policy.offlineMaxDelayMs : policy.maxDelayMs;
  const exp = Math.min(cap, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exp / 2 + (random() * exp) / 2;
  return Math.max(Math.round(jittered), retryAfterMs ?? 0);
}
