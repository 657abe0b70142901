import type Database from 'better-sqlite3';
import type { AuditIndexEntry, AuditIndexRepository } from '../store';

/** Where each of a profile's audit entries is, by seq and submission; the log file stays the record itself. */
export function sqliteAuditIndex(db: Database.Database, profileId: string): AuditIndexRepository {
  const selectLast = db.prepare<[string], { last: number | null }>(
    'SELECT MAX(seq) AS last FROM audit_index WHERE profile_id = ?',
  );
  const insert = db.prepare(
    'INSERT OR REPLACE INTO audit_index (profile_id, seq, event, at, submission_id) VALUES (?, ?, ?, ?, ?)',
  );
  const selectFor = db.prepare<[string, string], { seq: number; event: string; at: string; submission_id: string }>(
    'SELECT seq, event, at, submission_id FROM audit_index WHERE profile_id = ? AND submission_id = ? ORDER BY seq',
  );
  const clear = db.prepare('DELETE FROM audit_index WHERE profile_id = ?');
  const add = db.transaction((entries: readonly AuditIndexEntry[]) => {
    for (const e of entries) insert.run(profileId, e.seq, e.event, e.at, e.submissionId);
  });
  return {
    async lastSeq() {
      return selectLast.get(profileId)?.last ?? 0;
    },
    async add(entries) {
      add(entries);
    },
    async forSubmission(submissionId) {
      return selectFor
        .all(profileId, submissionId)
        .map((row) => ({ seq: row.seq, event: row.event, at: row.at, submissionId: row.submission_id }));
    },
    async clear() {
      clear.run(profileId);
    },
  };
}
