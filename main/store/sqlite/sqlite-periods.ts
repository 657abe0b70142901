import type Database from 'better-sqlite3';
import type { SubmissionService } from '../../../shared/outbox/submission';
import type { SchemeId } from '../../../shared/tredjepart/schemes';
import type { ClientPeriod } from '../store';

/**
 * Each client's received periods from `from` on, once each, read from a range of the `submissions_by_period` index
 * alone (migration step 3; the index's order makes the DISTINCT free): listing the outbox parsed and checked 30,000
 * records to find the same. Ordered by period, then client.
 */
export const RECEIVED_PERIODS_SQL = `
  SELECT DISTINCT period, client_org, service, scheme
    FROM submissions
   WHERE profile_id = @profileId AND state = 'received' AND period >= @from
   ORDER BY period, client_org, service, scheme`;

interface PeriodRow {
  client_org: string;
  service: SubmissionService;
  scheme: SchemeId | null;
  period: string;
}

export function sqliteReceivedPeriods(db: Database.Database): (profileId: string, from?: string) => ClientPeriod[] {
  const statement = db.prepare<[{ profileId: string; from: string }], PeriodRow>(RECEIVED_PERIODS_SQL);
  // '' sorts before every period: all of them.
  return (profileId, from = '') =>
    statement.all({ profileId, from }).map((row) => ({
      clientOrg: row.client_org,
      service: row.service,
      scheme: row.scheme,
      period: row.period,
    }));
}
