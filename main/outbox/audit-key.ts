import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/domain/app-error';
import { text } from '../../shared/domain/localized';
import type { KeyStore } from '../keys/key-store';

/**
 * A profile's audit key as the keychain keeps it: the HMAC key, and the seq of the first entry written with it.
 * `pending` is set between creating the key and writing that first entry, so a crash in between (the log one
 * entry short of `since`) is told apart from a log cut back after it was anchored.
 */
export interface AuditAnchor {
  key: Buffer;
  since: number;
  pending: boolean;
}

/** Where the audit log's HMAC key lives: outside the data folder, so editing the folder cannot forge a MAC. */
export interface AuditKeyring {
  /** The profile's anchor, or null when no key was ever made (a log from before anchoring, or a new profile). */
  read(): Promise<AuditAnchor | null>;
  /** Makes and keeps a new random key (pending) for the entries from `since` on. */
  create(since: number): Promise<AuditAnchor>;
  /** The first entry with the key is on disk: the log may never again end before `since`. */
  confirm(anchor: AuditAnchor): Promise<void>;
}

interface StoredAnchor {
  v: 1;
  key: string;
  since: number;
  pending?: true;
}

/**
 * The audit key in the OS keychain through the app's KeyStore (keytar), one account per profile beside its
 * Maskinporten keys (`<profileId>:audit-log`), so removing a profile's keys removes this one too.
 */
export function keychainAuditKeyring(store: KeyStore, profileId: string): AuditKeyring {
  const account = `${profileId}:audit-log`;
  const save = (anchor: AuditAnchor) => {
    const stored: StoredAnchor = {
      v: 1,
      key: anchor.key.toString('base64'),
      since: anchor.since,
      ...(anchor.pending ? { pending: true as const } : {}),
    };
    return store.set(account, JSON.stringify(stored));
  };
  return {
    async read() {
      const secret = await store.get(account);
      if (!secret) return null;
      const stored = parseStored(secret);
      return { key: Buffer.from(stored.key, 'base64'), since: stored.since, pending: stored.pending === true };
    },
    async create(since) {
      const anchor = { key: randomBytes(32), since, pending: true };
      await save(anchor);
      return anchor;
    },
    async confirm(anchor) {
      await save({ ...anchor, pending: false });
      anchor.pending = false;
    },
  };
}

/** Only Innsender writes this entry; one it cannot read is reported, never replaced (that would hide the old key). */
function parseStored(secret: string): StoredAnchor {
  try {
    const stored = JSON.parse(secret) as StoredAnchor;
    if (stored.v === 1 && typeof stored.key === 'string' && Number.isInteger(stored.since)) return stored;
  } catch {
    // Reported below.
  }
  throw new AppError(
    'AUDIT_KEY_UNREADABLE',
    text(
      'Revisjonsnøkkelen i nøkkelringen kan ikke leses, så revisjonsloggen kan verken kontrolleres eller skrives. ' +
        'Kontakt brukerstøtte; ikke slett oppføringen.',
      'The audit key in the keychain cannot be read, so the audit log can be neither checked nor written. Contact ' +
        'support; do not delete the entry.',
    ),
  );
}
