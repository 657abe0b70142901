import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  clientOverviewRows,
  oldestPeriodShown,
  type OverviewSources,
  type OverviewSubject,
} from '../../../main/firm/client-overview';
import { openSqliteStore } from '../../../main/store/sqlite/sqlite-store';
import type { Store } from '../../../main/store/store';
import type { ServiceId } from '../../../shared/domain/services-catalogue';
import type { Submission, SubmissionState, SubmissionTarget } from '../../../shared/outbox/submission';
import { SCHEME_IDS, SCHEMES } from '../../../shared/tredjepart/schemes';
import { aMeldingSubmission, clientOrgNumbers } from '../store/store-fixtures';
import { outboxByOrgFromRecords } from '../support/outbox-by-org';

const PROFILE = 'firm';
// Two weeks after October's a-melding was due (5 November): within the overview's lookback, so it is met or overdue.
const TODAY = '2026-11-20';
const STATES: SubmissionState['kind'][] = [
  'received',
  'received',
  'received',
  'rejected',
  'queued',
  'failed',
  'sending',
  'cancelled',
];
const SERVICES: ServiceId[] = ['a-melding', 'aksjonaerregisteroppgave', ...SCHEME_IDS.map((s) => SCHEMES[s].serviceId)];

/** A deterministic stream of small numbers (a linear congruential generator), so a failure can be replayed. */
function numbers(seed: number) {
  let x = seed;
  return (below: number) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    // The high bits: an LCG's low bits repeat with a short period.
    return Math.floor(x / 2 ** 16) % below;
  };
}

/**
 * A history with every outbox service and state: a-meldinger over 15 months (some months sent twice, a rejection
 * then a receipt), aksjonærregisteroppgaver and tredjepart meldinger per year and scheme, skattekort orders (they
 * meet no deadline), and an org that is not a client.
 */
function generatedHistory(orgs: readonly string[]): Submission[] {
  const pick = numbers(14);
  const out: Submission[] = [];
  let n = 0;
  for (const org of orgs) {
    for (let i = 0; i < 40; i++) {
      const base = aMeldingSubmission(org, n++, STATES[pick(STATES.length)]);
      const year = String(2023 + pick(4));
      // The 15 months up to November 2026: the last ones are the deadlines the overview calls missed or met.
      const month = 2025 * 12 + 8 + pick(15);
      const kalendermaaned = `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
      const aMelding = { ...base.target, kalendermaaned } as SubmissionTarget;
      const kinds: SubmissionTarget[] = [
        aMelding,
        aMelding,
        { service: 'aksjonaerregisteroppgave', inntektsaar: year, oppgavegiver: org, underskjemaer: 1 },
        {
          service: 'tredjepart',
          scheme: SCHEME_IDS[pick(SCHEME_IDS.length)] as (typeof SCHEME_IDS)[number],
          inntektsaar: year,
          oppgavegiver: org,
          antallOppgaver: 3,
        },
        {
          service: 'skattekort-til-arbeidsgiver',
          inntektsaar: year,
          arbeidsgiver: org,
          bestillingstype: 'HENT_ALLE_OPPGITTE',
          arbeidstakere: 2,
        },
      ];
      out.push({ ...base, target: kinds[pick(kinds.length)] as SubmissionTarget });
    }
  }
  return out;
}

describe('the overview from the store’s queries', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'innsender-overview-store-'));
    // NORMAL: a thousand writes with an fsync each would be seconds, and durability is not what this test is about.
    store = openSqliteStore(dir, { synchronous: 'NORMAL', now: () => new Date(`${TODAY}T12:00:00.000Z`) });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same rows as the outbox listed and counted record by record, on a generated history', async () => {
    const orgs = clientOrgNumbers(31);
    const clients = orgs.slice(0, 30);
    const repo = store.submissions(PROFILE);
    for (const s of generatedHistory(orgs)) await repo.write(s);
    // States move on as the outbox moves them: the columns follow the record.
    const listed = await repo.list();
    for (const s of listed.slice(0, 50)) {
      await repo.write({ ...s, state: { kind: 'received', at: s.updatedAt, receipt: { dialogId: `d-${s.id}` } } });
    }

    const subject = (orgNumber: string, i: number): OverviewSubject => ({
      orgNumber,
      name: `Klient ${i}`,
      profileId: PROFILE,
      setupReady: true,
      delegation: 'delegated',
      services: SERVICES.slice(0, 1 + (i % SERVICES.length)),
      since: i % 3 === 0 ? '2025-06-01' : '2021-01-01',
      wholeProfile: false,
    });
    const subjects = [
      ...clients.map(subject),
      // A standard profile's row counts the whole profile.
      { ...subject(orgs[0] as string, 99), services: SERVICES, wholeProfile: true },
    ];
    const common: Omit<OverviewSources, 'outbox'> = {
      subjects,
      dataProfileId: PROFILE,
      drafts: [],
      unreadByOrg: new Map(),
      today: TODAY,
      warnDays: 14,
    };

    const fromRecords = clientOverviewRows({ ...common, outbox: outboxByOrgFromRecords(await repo.list()) });
    const [summaries, received] = await Promise.all([
      store.summaryByClient(PROFILE),
      // Only the years a deadline shown today can be for, as the service asks: the rows stay the same.
      store.receivedPeriods(PROFILE, oldestPeriodShown(TODAY)),
    ]);
    const fromStore = clientOverviewRows({ ...common, outbox: { summaries, received } });

    expect(fromStore).toEqual(fromRecords);
    // The history exercises what the comparison is for: met and missed deadlines, each kind of count.
    expect(fromStore.some((r) => r.overdue > 0)).toBe(true);
    expect(fromStore.some((r) => (r.rejected ?? 0) > 0 && (r.inFlight ?? 0) > 0)).toBe(true);
    // The cut-off left older years out (the history reaches back to 2023).
    expect(received.length).toBeLessThan(outboxByOrgFromRecords(await repo.list()).received.length);
    expect(new Set(received.map((p) => p.service))).toEqual(
      new Set(['a-melding', 'aksjonaerregisteroppgave', 'tredjepart', 'skattekort-til-arbeidsgiver']),
    );
    const metAll = fromStore.filter((r) => r.overdue === 0 && !r.attention.includes('deadline-overdue'));
    expect(metAll.length).toBeGreaterThan(0);
  });
});
