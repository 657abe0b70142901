import type Database from 'better-sqlite3';
import {
  PayloadSchema,
  reportedPeriod,
  SubmissionSchema,
  targetOrg,
  type Submission,
  type SubmissionPayload,
} from '../../../shared/outbox/submission';
import type { SubmissionRepository } from '../store';

/** A submission's row: the record, and beside it the columns the queries read (one place, for every insert). */
export const INSERT_SUBMISSION = `INSERT INTO submissions
  (id, profile_id, client_org, service, scheme, period, state, created_at, updated_at, record)
  VALUES (@id, @profileId, @clientOrg, @service, @scheme, @period, @state, @createdAt, @updatedAt, @record)`;

export function submissionRow(profileId: string, submission: Submission) {
  const { scheme, period } = reportedPeriod(submission.target);
  return {
    id: submission.id,
    profileId,
    clientOrg: targetOrg(submission.target),
    service: submission.target.service,
    scheme,
    period,
    state: submission.state.kind,
    createdAt: submission.createdAt,
    updatedAt: submission.updatedAt,
    record: JSON.stringify(submission),
  };
}

/**
 * One profile's outbox in the database. Each call is its own transaction, committed (and, with
 * `synchronous=FULL`, fsync'd to the WAL) before the promise resolves: the outbox's "on disk before acted on".
 */
export function sqliteSubmissions(db: Database.Database, profileId: string, now: () => Date): SubmissionRepository {
  const upsert = db.prepare(
    `${INSERT_SUBMISSION}
     ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at, record = excluded.record
     WHERE submissions.profile_id = excluded.profile_id`,
  );
  const insertPayload = db.prepare('INSERT OR REPLACE INTO payloads (id, profile_id, payload) VALUES (?, ?, ?)');
  const selectPayload = db.prepare<[string, string], { payload: string }>(
    'SELECT payload FROM payloads WHERE id = ? AND profile_id = ?',
  );
  const selectAll = db.prepare<[string], { id: string; record: string }>(
    'SELECT id, record FROM submissions WHERE profile_id = ?',
  );
  const setAside = db.prepare(
    'INSERT INTO submissions_set_aside (id, profile_id, record, set_aside_at) VALUES (?, ?, ?, ?)',
  );
  const remove = db.prepare('DELETE FROM submissions WHERE id = ? AND profile_id = ?');
  const sweepPayloads = db.prepare(
    `DELETE FROM payloads WHERE profile_id = ?
       AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.id = payloads.id)`,
  );
  const selectNewestFirst = db.prepare<[string], { record: string }>(
    'SELECT record FROM submissions WHERE profile_id = ? ORDER BY created_at DESC',
  );
  const selectHistory = db.prepare<[string, string, string, number], { record: string }>(
    `SELECT record FROM submissions WHERE profile_id = ? AND client_org = ? AND created_at < ?
     ORDER BY created_at DESC LIMIT ?`,
  );

  const loadAll = db.transaction(() => {
    const submissions: Submission[] = [];
    const corrupt: string[] = [];
    for (const row of selectAll.all(profileId)) {
      const parsed = SubmissionSchema.safeParse(safeJson(row.record));
      if (parsed.success) {
        submissions.push(parsed.data);
      } else {
        // Kept in a table of its own and reported, never dropped silently (as the file store's `.corrupt`).
        setAside.run(row.id, profileId, row.record, now().toISOString());
        remove.run(row.id, profileId);
        corrupt.push(row.id);
      }
    }
    // A payload with no record is an enqueue cut short between its two writes: nothing was sent for it.
    sweepPayloads.run(profileId);
    return { submissions, corrupt };
  });

  return {
    async writePayload(id, payload) {
      insertPayload.run(id, profileId, JSON.stringify(payload));
    },

    async readPayload(id) {
      const row = selectPayload.get(id, profileId);
      if (!row) throw new Error(`no payload for submission ${id}`);
      return PayloadSchema.parse(JSON.parse(row.payload)) as SubmissionPayload;
    },

    async write(submission) {
      const result = upsert.run(submissionRow(profileId, submission));
      if (result.changes !== 1) throw new Error(`submission ${submission.id} belongs to another profile`);
    },

    async load() {
      return loadAll();
    },

    async list() {
      return selectNewestFirst.all(profileId).flatMap((row) => {
        const parsed = SubmissionSchema.safeParse(safeJson(row.record));
        return parsed.success ? [parsed.data] : [];
      });
    },

    async history(clientOrg, page = {}) {
      const rows = selectHistory.all(profileId, clientOrg, page.before ?? '\uffff', page.limit ?? 100);
      return rows.map((row) => SubmissionSchema.parse(JSON.parse(row.record)));
    },
  };
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}
