import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { AuditDamage } from './audit-findings';

export type AuditEvent =
  | 'queued'
  | 'attempt'
  | 'resumed'
  | 'received'
  | 'rejected'
  | 'failed'
  | 'retry'
  | 'cancelled'
  | 'log-recovered'
  | 'log-repaired'
  | 'log-damaged';

/** What the caller records; the log adds seq, time, the chain and the MAC. */
export interface AuditRecord {
  event: AuditEvent;
  submissionId?: string;
  service?: string;
  label?: string;
  idempotencyKey?: string;
  payloadSha256?: string;
  attempt?: number;
  /** The ids the service returned: dialogId, forsendelseId, meldingsId, hovedskjemaId … */
  ids?: Record<string, string>;
  error?: { code: string; status?: number; korrelasjonsid?: string };
  /** What the log found wrong when it was opened (`log-damaged`): kept in the log for good, and reported by verify. */
  damage?: AuditDamage;
  note?: string;
}

export interface AuditEntry extends AuditRecord {
  seq: number;
  at: string;
  /** sha256 of the previous entry (64 zeros for the first). */
  prevHash: string;
  /** sha256 of this entry without `hash` and `mac`, canonical JSON (keys sorted). */
  hash: string;
  /** HMAC-SHA256 of `hash` with the profile's audit key (from the OS keychain); absent in entries written before it. */
  mac?: string;
}

/** `audit.jsonl.head`: where the log ended when it was last written, and (once anchored) its MAC. */
export interface AuditHead {
  seq: number;
  hash: string;
  mac?: string;
}

export const GENESIS = '0'.repeat(64);

export function entryHash(body: Omit<AuditEntry, 'hash' | 'mac'>): string {
  return createHash('sha256').update(canonical(body)).digest('hex');
}

// HMAC-SHA256 (RFC 2104, https://www.rfc-editor.org/rfc/rfc2104), domain-separated, so an entry's MAC can never pass
// as a head's, or the other way round.
export function entryMac(key: Buffer, hash: string): string {
  return createHmac('sha256', key).update(`innsender-audit-entry:${hash}`).digest('hex');
}

export function headMac(key: Buffer, head: Omit<AuditHead, 'mac'>): string {
  return createHmac('sha256', key).update(`innsender-audit-head:${head.seq}:${head.hash}`).digest('hex');
}

/** Compares two hex MACs in constant time (a timing difference would tell an attacker how much of a guess is right). */
export function macMatches(expected: string, actual: string | undefined): boolean {
  if (typeof actual !== 'string' || actual.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(actual));
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
