import { describe, expect, it } from 'vitest';
import { clientOverviewRows, type OverviewSources, type OverviewSubject } from '../../../main/firm/client-overview';
import type { Submission, SubmissionState } from '../../../shared/outbox/submission';
import type { DraftOverview } from '../../../shared/reports/report-views';
import { outboxByOrgFromRecords } from '../support/outbox-by-org';

const FIRM_PROFILE = '0b6f3a52-5b0e-4c59-9b7e-0f3f5e0c9a01';
const OTHER_PROFILE = '7d1c2b8e-1f3a-4c2d-8e9f-2a3b4c5d6e7f';
const AT = '2026-02-02T09:00:00.000Z';

const client = (orgNumber: string, name: string, change: Partial<OverviewSubject> = {}): OverviewSubject => ({
  orgNumber,
  name,
  profileId: FIRM_PROFILE,
  setupReady: true,
  delegation: 'delegated',
  services: ['a-melding'],
  since: '2025-06-01',
  wholeProfile: false,
  ...change,
});

let serial = 0;
function aMelding(org: string, kalendermaaned: string, state: SubmissionState): Submission {
  const id = `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`;
  return {
    id,
    idempotencyKey: id,
    payloadSha256: '0'.repeat(64),
    payloadBytes: 10,
    label: `a-melding ${kalendermaaned}`,
    target: { service: 'a-melding', kalendermaaned, opplysningspliktig: org, meldingsId: id },
    createdAt: AT,
    updatedAt: AT,
    attempts: 1,
    checkpoint: {},
    state,
  };
}
const received: SubmissionState = { kind: 'received', at: AT, receipt: { dialogId: 'd' } };
const rejected: SubmissionState = {
  kind: 'rejected',
  at: AT,
  error: { code: 'AMLD_005', message: { nb: 'Avvist', en: 'Rejected' } },
};
const queued: SubmissionState = { kind: 'queued', since: AT };
const failed: SubmissionState = {
  kind: 'failed',
  at: AT,
  error: { code: 'X', message: { nb: 'Feil', en: 'Error' } },
  reason: 'gave-up',
  attempt: 5,
  retryAt: null,
};

const draft = (org: string, errorCount: number, clientOrg?: string) =>
  ({ organisationNumber: org, errorCount, ...(clientOrg ? { clientOrg } : {}) }) as Pick<
    DraftOverview,
    'organisationNumber' | 'errorCount' | 'clientOrg'
  > as DraftOverview;
function sources(change: Partial<OverviewSources>): OverviewSources {
  return {
    subjects: [],
    dataProfileId: FIRM_PROFILE,
    outbox: { summaries: [], received: [] },
    drafts: [],
    unreadByOrg: new Map(),
    today: '2026-02-02',
    warnDays: 7,
    ...change,
  };
}

describe('the firm overview rows', () => {
  it('counts each client’s submissions, drafts and feedback by its org number, and says what needs attention', () => {
    const rows = clientOverviewRows(
      sources({
        subjects: [
          client('211785462', 'Fjellstue AS'),
          client('311000004', 'Kløver AS', { delegation: 'removed' }),
          client('312000008', 'Vestvind AS'),
        ],
        outbox: outboxByOrgFromRecords([
          aMelding('211785462', '2025-12', received),
          aMelding('211785462', '2026-01', received),
          aMelding('311000004', '2025-12', rejected),
          aMelding('311000004', '2026-01', queued),
          aMelding('312000008', '2025-12', received),
          aMelding('312000008', '2026-01', failed),
          // Not a client: counted nowhere.
          aMelding('313000001', '2026-01', rejected),
        ]),
        // A draft routed to Vestvind (its clientOrg) though the file names another org: Vestvind's.
        drafts: [
          draft('312000008', 2),
          draft('312000008', 0),
          draft('211785462', 0),
          draft('399999999', 1, '312000008'),
        ],
        // As the store counts unread feedback per client: Fjellstue has one, Kløver's is all read.
        unreadByOrg: new Map([['211785462', 1]]),
      }),
    );
    const [fjellstue, klover, vestvind] = rows;
    // January's a-melding received: the next deadline is February's month (due 5 March 2026, a Thursday).
    expect(fjellstue).toMatchObject({
      inFlight: 0,
      rejected: 0,
      draftsWithErrors: 0,
      newFeedback: 1,
      overdue: 0,
      nextDeadline: { id: 'a-melding:2026-02', dueDate: '2026-03-05', daysLeft: 31, status: 'upcoming' },
      attention: ['new-feedback'],
    });
    // December rejected: its deadline (5 January) passed unmet; January's is due in 3 days and only queued.
    expect(klover).toMatchObject({
      inFlight: 1,
      rejected: 1,
      overdue: 1,
      nextDeadline: { id: 'a-melding:2026-01', dueDate: '2026-02-05', daysLeft: 3, status: 'soon' },
      attention: ['delegation-missing', 'rejected', 'deadline-overdue', 'deadline-soon'],
    });
    expect(vestvind).toMatchObject({
      inFlight: 1,
      draftsWithErrors: 2,
      newFeedback: 0,
      attention: ['send-failed', 'draft-errors', 'deadline-soon'],
    });
  });

  it('does not call a deadline from before the client was added overdue, and waits for setup without feedback', () => {
    const [row] = clientOverviewRows(
      sources({
        subjects: [client('211785462', 'Fjellstue AS', { since: '2026-01-20', setupReady: false })],
        unreadByOrg: null,
      }),
    );
    expect(row).toMatchObject({ overdue: 0, newFeedback: null, inFlight: 0 });
    expect(row?.attention).toEqual(['setup-missing', 'deadline-soon']);
  });

  it('gives a standard profile list each profile’s totals, and no counts for profiles that are not open', () => {
    const own = client('211785462', 'Fjellstue AS', { wholeProfile: true, delegation: null });
    const other = client('311000004', 'Kløver AS', { wholeProfile: true, delegation: null, profileId: OTHER_PROFILE });
    const rows = clientOverviewRows(
      sources({
        subjects: [own, other],
        // A TT02 profile reports for its Tenor org: still this profile's.
        outbox: outboxByOrgFromRecords([aMelding('313000001', '2026-01', rejected)]),
        drafts: [draft('313000001', 1)],
        unreadByOrg: new Map([['313000001', 1]]),
      }),
    );
    expect(rows[0]).toMatchObject({ rejected: 1, draftsWithErrors: 1, newFeedback: 1, delegation: null });
    expect(rows[1]).toMatchObject({ rejected: null, draftsWithErrors: null, newFeedback: null, inFlight: null });
    expect(rows[1]?.overdue).toBe(0);
    expect(rows[1]?.nextDeadline?.id).toBe('a-melding:2026-01');
  });
});
