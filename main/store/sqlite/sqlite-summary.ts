import type Database from 'better-sqlite3';
import type { ClientSummary } from '../store';

/**
 * What needs attention, per client of one profile, in one statement: the submissions grouped by client and state
 * (the `submissions_by_state` index covers it), the unread feedback by the client of its dialog, and every
 * registered client (a client with nothing yet still gets its line of zeros). The unread part starts from the few
 * unread marks (CROSS JOIN fixes SQLite's join order): left to itself, the planner walked every transmission of the
 * profile, 30,000 at a firm's scale: 29 ms for the whole statement, 7–16 ms now.
 */
export const SUMMARY_SQL = `
  WITH per_org AS (
    SELECT client_org,
           SUM(state = 'queued') AS queued,
           SUM(state = 'sending') AS sending,
           SUM(state = 'failed') AS failed,
           SUM(state = 'rejected') AS rejected,
           SUM(state = 'received') AS received,
           0 AS unread,
           0 AS unread_dialogs,
           MAX(updated_at) AS last_activity_at
      FROM submissions WHERE profile_id = @profileId GROUP BY client_org
    UNION ALL
    SELECT d.client_org, 0, 0, 0, 0, 0, COUNT(*), COUNT(DISTINCT d.dialog_id), NULL
      FROM feedback_unread u
     CROSS JOIN feedback_transmissions t ON t.profile_id = u.profile_id AND t.transmission_id = u.transmission_id
     CROSS JOIN feedback_dialogs d ON d.profile_id = t.profile_id AND d.dialog_id = t.dialog_id
     WHERE u.profile_id = @profileId AND d.client_org IS NOT NULL
     GROUP BY d.client_org
    UNION ALL
    SELECT org, 0, 0, 0, 0, 0, 0, 0, NULL FROM clients WHERE profile_id = @profileId
  )
  SELECT client_org, SUM(queued) AS queued, SUM(sending) AS sending, SUM(failed) AS failed,
         SUM(rejected) AS rejected, SUM(received) AS received, SUM(unread) AS unread,
         SUM(unread_dialogs) AS unread_dialogs, MAX(last_activity_at) AS last_activity_at
    FROM per_org GROUP BY client_org ORDER BY client_org`;

interface SummaryRow {
  client_org: string;
  queued: number;
  sending: number;
  failed: number;
  rejected: number;
  received: number;
  unread: number;
  unread_dialogs: number;
  last_activity_at: string | null;
}

export function sqliteSummaryByClient(db: Database.Database): (profileId: string) => ClientSummary[] {
  const statement = db.prepare<[{ profileId: string }], SummaryRow>(SUMMARY_SQL);
  return (profileId) =>
    statement.all({ profileId }).map((row) => ({
      clientOrg: row.client_org,
      queued: row.queued,
      sending: row.sending,
      failed: row.failed,
      rejected: row.rejected,
      received: row.received,
      unreadFeedback: row.unread,
      unreadDialogs: row.unread_dialogs,
      lastActivityAt: row.last_activity_at,
    }));
}
