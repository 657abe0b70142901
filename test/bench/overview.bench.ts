import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { bench, describe } from 'vitest';
import { clientOverviewRows, type OverviewSubject } from '../../main/firm/client-overview';
import type { Submission, SubmissionState } from '../../shared/outbox/submission';
import type { DraftOverview } from '../../shared/reports/report-views';
import { startHarness, type Harness } from '../e2e/harness/harness';
import { firmWithClients, type FirmWithClients } from '../main/support/firm-with-clients';
import { clientName, validOrgNumbers } from '../main/support/org-numbers';
import { removeProfileKeys } from '../main/support/sandbox-profile';
import { dispatchOk, testAppServices } from '../main/support/test-app-services';
import type { AppServices } from '../../main/app-services';
import { openSqliteStore } from '../../main/store/sqlite/sqlite-store';
import type { ClientOverview } from '../../shared/domain/client-overview';
import { outboxByOrgFromRecords } from '../main/support/outbox-by-org';
import { AFTER_HISTORY, FIRM as HISTORY_FIRM, firmDataDir, writeStoredHistory } from './history-data';

/**
 * The firm's home at 500 clients (issue 14; goals: under 100 ms each). Two parts:
 * - the overview's computation in main over a realistic history: 500 clients × 12 a-meldinger × 5 years = 30,000
 *   submissions, 6,000 feedback items, 200 drafts (in memory), and `firm.overview` through dispatch over 30,000
 *   submissions in the store (counted per client by the store's indexed queries);
 * - the page in real Chromium against the real services with 500 clients made through the firm service and 30,000
 *   submissions in their store: opening the overview, a search that narrows 500 to 1 and back, opening a client and back, and a profile switch there and
 *   back. Each is timed from the action to the painted result, inside the page.
 */

const PROFILE = '0b6f3a52-5b0e-4c59-9b7e-0f3f5e0c9a01';
const TODAY = '2026-12-07';
const CLIENTS = 500;
const YEARS = 5;

function firmHistory() {
  const orgs = validOrgNumbers(CLIENTS);
  const subjects: OverviewSubject[] = orgs.map((orgNumber, i) => ({
    orgNumber,
    name: clientName(i),
    profileId: PROFILE,
    setupReady: true,
    delegation: i % 25 === 24 ? 'not-delegated' : 'delegated',
    services: ['a-melding'],
    since: '2021-01-01',
    wholeProfile: false,
  }));
  const at = '2026-12-01T09:00:00.000Z';
  const received: SubmissionState = { kind: 'received', at, receipt: { dialogId: 'd', forsendelseId: 'f' } };
  const rejected: SubmissionState = {
    kind: 'rejected',
    at,
    error: { code: 'AMLD_010', message: { nb: 'Avvist', en: 'Rejected' } },
  };
  const submissions: Submission[] = [];
  /** Unread feedback per client as the store counts it (`summaryByClient`), from 6,000 feedback items. */
  const unread = new Map<string, number>();
  let n = 0;
  for (const [c, org] of orgs.entries()) {
    for (let y = 0; y < YEARS; y++) {
      for (let m = 1; m <= 12; m++) {
        n++;
        const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
        const kalendermaaned = `${2022 + y}-${String(m).padStart(2, '0')}`;
        submissions.push({
          id,
          idempotencyKey: id,
          payloadSha256: 'a'.repeat(64),
          payloadBytes: 4000,
          label: `a-melding ${kalendermaaned}`,
          target: { service: 'a-melding', kalendermaaned, opplysningspliktig: org, meldingsId: id },
          createdAt: at,
          updatedAt: at,
          attempts: 1,
          checkpoint: {},
          state: (n + c) % 97 === 0 ? rejected : received,
        });
        if (m % 5 === 0 && (n + c) % 13 === 0) unread.set(org, (unread.get(org) ?? 0) + 1);
      }
    }
  }
  const drafts = orgs
    .slice(0, 200)
    .map((org, i) => ({ organisationNumber: org, errorCount: i % 3 }) as unknown as DraftOverview);
  return { subjects, submissions, unread, drafts };
}

describe('the overview computed in main: 500 clients, 30,000 submissions, 6,000 feedback items', () => {
  const { subjects, submissions, unread, drafts } = firmHistory();
  // What the store's two queries answer (summaryByClient, receivedPeriods), worked out once from the records.
  const outbox = outboxByOrgFromRecords(submissions);
  bench('clientOverviewRows (the outbox and unread feedback counted per client, as the store answers them)', () => {
    clientOverviewRows({
      subjects,
      dataProfileId: PROFILE,
      outbox,
      drafts,
      unreadByOrg: unread,
      today: TODAY,
      warnDays: 7,
    });
  });
});

describe('firm.overview through dispatch at 30,000 stored submissions (500 clients × 60)', () => {
  // The firm's history as history.bench.ts writes it (the earlier JSON layout, imported into the database when the
  // app's services open the data dir), for a firm profile made through the channels.
  let services: AppServices | undefined;
  let ready: Promise<AppServices> | null = null;
  const start = async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'innsender-bench-overview-30k-'));
    await firmDataDir(dataDir);
    services = testAppServices(dataDir, { now: AFTER_HISTORY }).services;
    const overview = await dispatchOk(services)<ClientOverview>('firm.overview');
    if (overview.rows.length !== HISTORY_FIRM.clients) throw new Error(`${overview.rows.length} rows`);
    return services;
  };
  const setup = { setup: async () => void (await (ready ??= start())) };
  bench(
    'of which: the store’s counts and received periods per client (two indexed queries)',
    async () => {
      const { store, profiles } = services as AppServices;
      const id = profiles.active()?.id as string;
      await Promise.all([store.summaryByClient(id), store.receivedPeriods(id)]);
    },
    setup,
  );
  bench(
    'firm.overview (store queries + one pass + deadlines), 500 clients, 30,000 submissions',
    async () => {
      const result = await (services as AppServices).dispatch('firm.overview', undefined);
      if (!result.ok) throw new Error(result.error.code);
    },
    {
      ...setup,
      teardown: async (_task, mode) => {
        if (mode === 'run') await services?.dispose();
      },
    },
  );
});

describe('the overview page at 500 clients and 30,000 stored submissions in real Chromium', () => {
  let h: Harness;
  let dataDir: string;
  let firm: FirmWithClients;
  let otherProfileId = '';

  /** Each action's in-page times (ms), printed when the benches end: the figures the README records. */
  const figures = new Map<string, number[]>();
  /** Runs `act` in the page and records the milliseconds until `done` holds, measured after the next paint. */
  const timed = async (label: string, act: string, done: string): Promise<void> => {
    const ms = await h.page.evaluate(
      async ({ act, done }) => {
        const doneNow = new Function(`return (${done})`) as () => boolean;
        const t0 = performance.now();
        new Function(act)();
        await new Promise<void>((resolve) => {
          const check = () => (doneNow() ? resolve() : requestAnimationFrame(check));
          check();
        });
        await new Promise((r) => requestAnimationFrame(r));
        return performance.now() - t0;
      },
      { act, done },
    );
    figures.set(label, [...(figures.get(label) ?? []), ms]);
  };
  const report = () => {
    const rows = [...figures].map(([label, times]) => {
      const sorted = [...times].sort((a, b) => a - b);
      const at = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN).toFixed(1);
      return `${label.padEnd(58)} median ${at(0.5).padStart(6)} ms   max ${at(1).padStart(6)} ms   (${times.length} runs)`;
    });
    console.log(`\nIn-page times, action to painted result (goal: under 100 ms):\n${rows.join('\n')}\n`);
  };
  const countIs = (text: string) =>
    `document.querySelector('[data-testid="overview-count"]')?.textContent === ${JSON.stringify(text)}`;
  const type = (text: string) =>
    `const input = document.querySelector('[data-testid="overview-search"]');
     Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, ${JSON.stringify(text)});
     input.dispatchEvent(new Event('input', { bubbles: true }));`;

  // Vitest's bench mode runs no beforeAll/afterAll hooks: the harness is made once, by the first bench's setup, and
  // closed by the last bench's teardown.
  let ready: Promise<void> | null = null;
  const start = async () => {
    if (!existsSync(join('out', 'renderer', 'index.html'))) {
      await build({ configFile: 'vite.renderer.config.ts', logLevel: 'warn' });
    }
    dataDir = mkdtempSync(join(tmpdir(), 'innsender-bench-overview-'));
    // The app's clock just after the stored history, as in the in-process cases: no reading of today's date.
    h = await startHarness({ dataDir, now: AFTER_HISTORY });
    firm = await firmWithClients(h.services, () => h.desktop.openedExternally, {
      count: CLIENTS,
      notAttachedEvery: 25,
    });
    // The firm's history in its store (60 a-meldinger per client up to last month: 30,000), written beside the
    // running app through a second connection without an fsync per record (setup only).
    const historyStore = openSqliteStore(dataDir, { synchronous: 'NORMAL' });
    const now = AFTER_HISTORY();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    await writeStoredHistory(
      historyStore.submissions(firm.profileId),
      firm.clients.map((c) => c.orgNumber),
      lastMonth.toISOString().slice(0, 7),
    );
    await historyStore.close();
    otherProfileId = (
      await dispatchOk(h.services)<{ id: string }>('profiles.create', {
        orgNumber: '313000001',
        displayName: 'Nordlys AS',
        environment: 'sandbox',
      })
    ).id;
    await dispatchOk(h.services)('profiles.activate', { id: firm.profileId });
    await h.page.evaluate(() => history.replaceState(null, '', `${location.pathname}#/overview`));
    await h.page.reload();
    await h.page.getByTestId('overview-count').waitFor();
  };
  const setup = { setup: () => (ready ??= start()) };
  const close = async () => {
    await h?.close();
    await removeProfileKeys(firm?.profileId);
    await removeProfileKeys(otherProfileId);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  bench(
    'firm.overview through dispatch (500 clients: clients, setup, outbox, drafts, feedback)',
    async () => {
      const result = await h.services.dispatch('firm.overview', undefined);
      if (!result.ok) throw new Error(result.error.code);
    },
    setup,
  );

  bench(
    'open the overview from another page (cached list, render 500 → visible rows)',
    async () => {
      await h.page.evaluate(() => (location.hash = '#/deadlines'));
      await h.page.getByRole('heading', { level: 1, name: 'Frister' }).waitFor();
      await timed(
        'open the overview (500 clients, from the cache)',
        `location.hash = '#/overview'`,
        countIs('Viser 500 av 500 klienter'),
      );
    },
    setup,
  );

  bench(
    'search 500 → 1 and back to 500',
    async () => {
      await timed('search: 500 → 1 (org number with spaces)', type('311 000 004'), countIs('Viser 1 av 500 klienter'));
      await timed('search cleared: 1 → 500', type(''), countIs('Viser 500 av 500 klienter'));
    },
    setup,
  );

  bench(
    'open a client and back to the overview',
    async () => {
      await timed(
        'open a client (its page drawn)',
        `document.querySelector('[data-testid="overview-scroll"] [data-index="3"] a').click()`,
        `!!document.querySelector('[data-testid="client-page"]')`,
      );
      await timed(
        'back to the overview',
        `document.querySelector('[data-testid="overview-back"]').click()`,
        countIs('Viser 500 av 500 klienter'),
      );
    },
    setup,
  );

  bench(
    'switch profile and back to the firm (its overview from the cache)',
    async () => {
      await timed(
        'switch to another profile (its overview drawn)',
        `window.innsender.profiles.activate({ id: ${JSON.stringify(otherProfileId)} })`,
        `document.querySelector('[data-testid="overview-count"]')?.textContent?.startsWith('Viser 2 av 2')`,
      );
      await timed(
        'switch back to the firm (500 clients drawn)',
        `window.innsender.profiles.activate({ id: ${JSON.stringify(firm.profileId)} })`,
        countIs('Viser 500 av 500 klienter'),
      );
    },
    {
      ...setup,
      teardown: async (_task, mode) => {
        if (mode !== 'run') return;
        report();
        await close();
      },
    },
  );
});
