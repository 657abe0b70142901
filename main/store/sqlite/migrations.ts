import type Database from 'better-sqlite3';

/**
 * The schema, one step per version; `PRAGMA user_version` says which steps a file has had. A step is never edited
 * once released: a change is a new step, so every file in the field reaches the same schema by the same path.
 *
 * Each row carries `profile_id`, and the client's org number (`client_org`) where it has one, so a firm-wide
 * question (`summaryByClient`) is one indexed query. The records themselves are kept as the JSON their zod schema
 * reads (the outbox's records cross IPC as they are kept), the columns beside them are what queries need.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE submissions (
    id TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL,
    client_org TEXT NOT NULL,
    service TEXT NOT NULL,
    state TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    record TEXT NOT NULL
  );
  CREATE INDEX submissions_by_client ON submissions (profile_id, client_org, created_at);
  CREATE INDEX submissions_by_state ON submissions (profile_id, client_org, state, updated_at);

  CREATE TABLE payloads (
    id TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL,
    payload TEXT NOT NULL
  );
  CREATE INDEX payloads_by_profile ON payloads (profile_id);

  -- Records that did not read back: kept, never dropped, and reported once by load().
  CREATE TABLE submissions_set_aside (
    id TEXT NOT NULL,
    profile_id TEXT NOT NULL,
    record TEXT NOT NULL,
    set_aside_at TEXT NOT NULL
  );

  CREATE TABLE clients (
    profile_id TEXT NOT NULL,
    org TEXT NOT NULL,
    position INTEGER NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (profile_id, org)
  ) WITHOUT ROWID;
  CREATE TABLE client_registries (
    profile_id TEXT PRIMARY KEY,
    last_sync_error TEXT
  );

  CREATE TABLE feedback_sync (
    profile_id TEXT PRIMARY KEY,
    watermark TEXT,
    last_sync_at TEXT
  );
  CREATE TABLE feedback_dialogs (
    profile_id TEXT NOT NULL,
    dialog_id TEXT NOT NULL,
    client_org TEXT,
    record TEXT NOT NULL,
    PRIMARY KEY (profile_id, dialog_id)
  ) WITHOUT ROWID;
  CREATE TABLE feedback_transmissions (
    profile_id TEXT NOT NULL,
    transmission_id TEXT NOT NULL,
    dialog_id TEXT NOT NULL,
    PRIMARY KEY (profile_id, transmission_id)
  ) WITHOUT ROWID;
  CREATE TABLE feedback_unread (
    profile_id TEXT NOT NULL,
    transmission_id TEXT NOT NULL,
    PRIMARY KEY (profile_id, transmission_id)
  ) WITHOUT ROWID;

  CREATE TABLE audit_index (
    profile_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    event TEXT NOT NULL,
    at TEXT NOT NULL,
    submission_id TEXT,
    PRIMARY KEY (profile_id, seq)
  ) WITHOUT ROWID;
  CREATE INDEX audit_index_by_submission ON audit_index (profile_id, submission_id);

  -- The files of the layout before this database, imported once each (legacy-import.ts).
  CREATE TABLE legacy_imports (
    path TEXT PRIMARY KEY,
    imported_at TEXT NOT NULL
  );
  `,
  // The parties the feedback watermark covers (a JSON array): a firm's client added since is searched from the
  // start once (feedback-sync.ts). NULL in rows from before: every party counts as covered, as it did.
  `
  ALTER TABLE feedback_sync ADD COLUMN parties TEXT;
  `,
  // What each submission reports (shared/outbox/submission.ts, reportedPeriod): the tredjepart scheme and the period
  // (an a-melding's kalendermaaned, the others' inntektsaar), so the deadlines each client met are read from an index
  // (sqlite-periods.ts) instead of every record: the overview's 206 ms of 242 at 30,000 submissions. Rows from before
  // are filled from their records as reportedPeriod would fill them; a record that is not JSON keeps NULLs (json_extract
  // would stop the whole step on it) and is set aside by the next load, as before.
  `
  ALTER TABLE submissions ADD COLUMN scheme TEXT;
  ALTER TABLE submissions ADD COLUMN period TEXT;
  UPDATE submissions SET
    scheme = json_extract(record, '$.target.scheme'),
    period = CASE service WHEN 'a-melding' THEN json_extract(record, '$.target.kalendermaaned')
                          ELSE json_extract(record, '$.target.inntektsaar') END
   WHERE json_valid(record);
  CREATE INDEX submissions_by_period ON submissions (profile_id, state, period, client_org, service, scheme);
  `,
  // The clients Altinn lists on a firm's agent systembruker that its client list lacks (a JSON array of
  // AltinnOnlyClient, shared/domain/firm.ts), from the last good read: Klienter offers to add them. NULL until then.
  `
  ALTER TABLE client_registries ADD COLUMN altinn_only TEXT;
  `,
];

/** Brings the file to the newest schema, each step in its own transaction with its version. */
export function migrate(db: Database.Database): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > MIGRATIONS.length) {
    throw new NewerSchemaError(from, MIGRATIONS.length);
  }
  for (let version = from; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] as string);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return { from, to: MIGRATIONS.length };
}

/** A file written by a newer Innsender: opening it would risk writing rows the newer schema does not expect. */
export class NewerSchemaError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`schema version ${found} is newer than this build's ${known}`);
  }
}
