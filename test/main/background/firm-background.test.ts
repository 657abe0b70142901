import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../main/app-services';
import { createKeytarKeyStore } from '../../../main/keys/keytar-key-store';
import { emulatorModules } from '../../../main/sandbox/modules';
import type { EmulatorHost } from '../../../main/sandbox/host';
import type { LoggedRequest } from '../../../main/sandbox/request-log';
import type { FirmClientsView } from '../../../shared/domain/firm';
import type { SetupOverview } from '../../../shared/domain/setup';
import type { ChannelName } from '../../../shared/ipc/contract';
import type { FeedbackList, FeedbackStatus } from '../../../shared/feedback/feedback-overview';
import { formatCompany } from '../../../shared/format';
import type { Submission } from '../../../shared/outbox/submission';
import { administerClient } from '../support/client-admin';
import { seedAMeldingFeedback } from '../support/feedback-seed';
import { decide } from '../support/maskinporten-sandbox';
import { aMeldingBody, fixtureText } from '../support/report-fixtures';
import { dispatchOk, testAppServices, waitUntil, type Notified } from '../support/test-app-services';

const FIRM = { orgNumber: '974761076', displayName: 'Regnskap AS' };
const OTHER = { orgNumber: '312000008', displayName: 'Vestvind AS' };
/** Dialogporten's documented party limit (dialogporten-events.md §1.3), served by the emulator's limits endpoint. */
const PARTY_LIMIT = 20;
const SEARCH = '/dialogporten/api/v1/enduser/dialogs';
const TOKEN = '/maskinporten/token';

/** Nine-digit org numbers with a valid mod-11 check digit (Brønnøysundregistrene's weights 3 2 7 6 5 4 3 2). */
function orgNumbers(count: number, prefix = 3150000): string[] {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const found: string[] = [];
  for (let n = prefix * 10; found.length < count; n++) {
    const digits = String(n).padStart(8, '0').split('').map(Number);
    const rest = 11 - (digits.reduce((sum, d, i) => sum + d * weights[i]!, 0) % 11);
    if (rest === 10) continue;
    found.push(`${digits.join('')}${rest === 11 ? 0 : rest}`);
  }
  return found;
}

const CLIENTS = orgNumbers(50).map((orgNumber, i) => ({
  orgNumber,
  name: `Klient ${String(i + 1).padStart(2, '0')} AS`,
}));
const SENDING = CLIENTS.slice(0, 10);

function aMeldingFor(org: string): string {
  const leveranse = (JSON.parse(fixtureText('amelding-example.json')) as { leveranse: { opplysningspliktig: object } })
    .leveranse;
  return aMeldingBody(randomUUID(), {
    opplysningspliktig: { ...leveranse.opplysningspliktig, norskIdentifikator: org },
  });
}

const partiesOf = (r: LoggedRequest) => new URLSearchParams(r.query).getAll('party');

// Issue 14: 50 clients of a firm, served in the background while another profile is shown. Against the emulator
// and a real keychain; requests are counted at the emulator's request log.
describe('a firm’s 50 clients, served in the background', () => {
  const keyStore = createKeytarKeyStore({ service: `no.innsender.test.${randomUUID()}` });
  let dataDir: string;
  let services: AppServices;
  let opened: string[];
  let notified: Notified[];
  let host: EmulatorHost;
  let firmId = '';
  const ok = <T = SetupOverview>(channel: ChannelName, payload?: unknown) => dispatchOk(services)<T>(channel, payload);
  const since = (mark: number) => host.requests.list().slice(mark);
  const fault = async (body: object) => {
    const response = await fetch(`${host.baseUrl}/__admin/faults`, {
      method: 'POST',
      headers: { 'x-innsender-admin': host.adminToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBeLessThan(300);
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-background-'));
    ({ services, opened, notified } = testAppServices(dataDir, {
      keyStore,
      setupPollIntervalMs: 50,
      feedbackPolling: true,
      outboxAutoStart: true,
      outboxNotifications: true,
      outboxRetry: { baseDelayMs: 500 },
      // Look often while nudged by a receipt, then rest: the idle pass below is the only one in its window.
      feedbackIntervals: { baseMs: 600_000, maxMs: 600_000, nudgedMs: 150, nudgeWindowMs: 4_000 },
      modules: () =>
        emulatorModules({
          skatteetaten: { feedbackDelayMs: 0 },
          dialogporten: { searchLimits: { maxPartyFilterValues: PARTY_LIMIT } },
        }),
    }));
    firmId = (await ok<{ id: string }>('profiles.create', { ...FIRM, environment: 'sandbox', kind: 'firm' })).id;
    await ok('keys.generate');
    await ok('maskinporten.registerSandboxClient');
    await ok('systemuser.registerSystem', { services: ['a-melding'] });
    await ok('systemuser.createRequest', { ownerOrgNumber: FIRM.orgNumber });
    await ok('systemuser.openApproval');
    await decide(opened.at(-1) ?? '', 'approve');
    await waitUntil(
      () => ok('systemuser.refreshStatus'),
      (o) => o.request?.status === 'Accepted' && !!o.request.systemUserId,
      'the agent approval',
      { attempts: 200, everyMs: 25 },
    );
    for (const client of CLIENTS) await ok('firm.addClient', client);
    const view = await ok<FirmClientsView>('firm.clients');
    for (const client of CLIENTS) await administerClient(view.clientAdminUrl ?? '', 'add', client);
    const synced = await ok<FirmClientsView>('firm.syncDelegations');
    expect(synced.clients.filter((c) => c.delegation.state === 'delegated')).toHaveLength(50);
    host = services.sandbox.running() as EmulatorHost;
    // Skatteetaten's feedback for the 40 clients that send nothing now: what Dialogporten holds for them already.
    for (const client of CLIENTS.slice(10)) seedAMeldingFeedback(host, { org: client.orgNumber });
  }, 120_000);

  afterAll(async () => {
    await services?.dispose();
    for (const account of await keyStore.list()) await keyStore.delete(account);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('sends 10 clients’ submissions and fetches all 50 clients’ feedback while another profile is shown', async () => {
    // Skatteetaten answers the first client 429 (Retry-After 2 s) and the second 503 once: they wait, the rest do not.
    const innsending = (org: string) => `/skatteetaten/innrapporteringamelding/v1/innsending/2026-01/${org}`;
    await fault({ kind: 'rate-limit', retryAfterSeconds: 2, pathPrefix: innsending(SENDING[0]!.orgNumber), times: 1 });
    await fault({ kind: 'status', status: 503, pathPrefix: innsending(SENDING[1]!.orgNumber), times: 1 });
    const queued: Submission[] = [];
    for (const client of SENDING) {
      const path = join(dataDir, `${client.orgNumber}.json`);
      await writeFile(path, aMeldingFor(client.orgNumber));
      const [check] = await services.reports.checkPaths([path]);
      const draft = await ok<{ id: string }>('reports.saveDraft', { checkId: check?.checkId });
      queued.push(await ok<Submission>('outbox.submit', { draftId: draft.id }));
    }
    // The window now shows another organisation; nothing of the firm's is switched to again until the end.
    const other = await ok<{ id: string }>('profiles.create', { ...OTHER, environment: 'sandbox' });
    await ok('profiles.activate', { id: other.id });
    const mark = host.requests.list().length;

    const sent = await waitUntil(
      () => services.outbox.listFor(firmId),
      (all) => queued.every((q) => all.find((s) => s.id === q.id)?.state.kind === 'received'),
      'the 10 receipts',
      { attempts: 600, everyMs: 50 },
    );
    expect(sent.filter((s) => s.state.kind === 'received')).toHaveLength(10);
    const receivedAt = (org: string) => {
      const found = sent.find((s) => s.target.service === 'a-melding' && s.target.opplysningspliktig === org);
      return { at: Date.parse(found?.updatedAt ?? ''), attempts: found?.attempts ?? 0 };
    };
    const limited = receivedAt(SENDING[0]!.orgNumber);
    expect(limited.attempts).toBeGreaterThanOrEqual(2);
    expect(receivedAt(SENDING[1]!.orgNumber).attempts).toBeGreaterThanOrEqual(2);
    // The eight clients without a fault were received before the rate-limited one's Retry-After had passed.
    for (const c of SENDING.slice(2)) expect(receivedAt(c.orgNumber).at).toBeLessThan(limited.at);
    // Each sent client's feedback is announced, naming the client and its org number.
    await waitUntil(
      async () => notified,
      (n) => SENDING.every((c) => n.some((x) => x.body.includes(formatCompany(c.name, c.orgNumber)))),
      'a notification naming each of the 10 clients',
      { attempts: 600, everyMs: 50 },
    );
    expect(services.profiles.active()?.id).toBe(other.id);

    // Every search named at most the limit, and together they named all 50 clients.
    const searches = since(mark).filter((r) => r.path === SEARCH);
    expect(searches.every((r) => r.status === 200 && partiesOf(r).length <= PARTY_LIMIT)).toBe(true);
    const searched = new Set(searches.flatMap(partiesOf));
    for (const c of CLIENTS) expect(searched).toContain(`urn:altinn:organization:identifier-no:${c.orgNumber}`);
    // One token per scope for the firm's agent systembruker, not one per client (altinn-auth.md §5.4).
    const tokens = since(mark).filter((r) => r.path === TOKEN);
    expect(tokens.length).toBeLessThanOrEqual(2);

    // An idle pass: ceil(51 parties / 20) = 3 searches, no token request (the token is cached for its lifetime).
    await waitUntil(
      async () => services.background.status('feedback', firmId),
      // Resting: its next pass is set more than a minute after its last, both on the app's own clock.
      (s) => s?.state === 'waiting' && Date.parse(s.nextRunAt ?? '') - Date.parse(s.lastRunAt ?? '') > 60_000,
      'the firm’s feedback to rest',
      { attempts: 200, everyMs: 50 },
    );
    const idleMark = host.requests.list().length;
    await services.background.runNow('feedback', firmId);
    const idle = since(idleMark);
    expect(idle.filter((r) => r.path === SEARCH)).toHaveLength(Math.ceil((CLIENTS.length + 1) / PARTY_LIMIT));
    expect(idle.filter((r) => r.path === TOKEN)).toHaveLength(0);
    // Nothing else: every client's feedback document was fetched with the firm's token, none is asked for again.
    expect(idle.map((r) => r.path)).toEqual(Array.from({ length: 3 }, () => SEARCH));

    // Back on the firm: its Tilbakemeldinger lists feedback for all 50 clients, fetched while it was not shown.
    await ok('profiles.activate', { id: firmId });
    const list = await ok<FeedbackList>('feedback.list');
    const orgs = new Set(list.items.map((i) => i.orgNumber));
    for (const c of CLIENTS) expect(orgs).toContain(c.orgNumber);
    // Each client's document was fetched and read (the firm's agent token reaches its delegated clients' documents).
    const pending = list.items.filter((i) => i.outcome === 'document-pending' || i.outcome === 'unknown');
    expect(pending).toEqual([]);
  }, 120_000);

  it('keeps each profile’s token cache across a switch: switching back asks Maskinporten for nothing', async () => {
    await ok('profiles.activate', { id: firmId });
    await ok('feedback.syncNow');
    const others = services.profiles.state().profiles.filter((p) => p.id !== firmId);
    await ok('profiles.activate', { id: others[0]!.id });
    const mark = host.requests.list().length;
    await ok('profiles.activate', { id: firmId });
    await ok('feedback.syncNow');
    expect(since(mark).filter((r) => r.path === TOKEN)).toHaveLength(0);
    expect(since(mark).filter((r) => r.path === SEARCH).length).toBeGreaterThan(0);
  });

  // Dialogporten down while the firm's sync searches its 50 clients in three batches: the pass fails as a whole,
  // says so in words, and the watermark stays where it was (main/dialogporten/feedback-sync.ts), so once it is back
  // the feedback of a client in the first batch and one in the last arrives, each announced once.
  it('Dialogporten down during the sync of 50 clients: it says so, loses nothing and announces each client once when back', async () => {
    await ok('profiles.activate', { id: firmId });
    const [early, late] = [CLIENTS[5]!, CLIENTS[45]!];
    const mark = notified.length;
    for (const c of [early, late]) seedAMeldingFeedback(host, { org: c.orgNumber });
    await fault({ kind: 'status', status: 503, pathPrefix: '/dialogporten/' });
    const down = await ok<FeedbackStatus>('feedback.syncNow');
    expect(down).toMatchObject({ state: 'ready', poller: { lastError: { code: 'DIALOGPORTEN_UNAVAILABLE' } } });
    const said = (down as Extract<FeedbackStatus, { state: 'ready' }>).poller.lastError?.message;
    expect(said?.nb).toContain('Dialogporten er midlertidig utilgjengelig.');
    expect(notified.slice(mark)).toEqual([]);

    host.faults.clear();
    const back = await ok<FeedbackStatus>('feedback.syncNow');
    expect(back).toMatchObject({ state: 'ready', poller: { lastError: null } });
    // Announced once each document is read, after the pass.
    const announced = (
      await waitUntil(
        async () => notified.slice(mark),
        (n) => n.length >= 2,
        'the two clients’ feedback announced',
        { attempts: 200, everyMs: 25 },
      )
    ).map((n) => n.body);
    for (const c of [early, late])
      expect(announced.filter((b) => b.includes(formatCompany(c.name, c.orgNumber)))).toHaveLength(1);
    expect(announced).toHaveLength(2);
    await ok('feedback.syncNow');
    expect(notified.slice(mark)).toHaveLength(2);
  });
});
