import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../main/app-services';
import { createKeytarKeyStore } from '../../../main/keys/keytar-key-store';
import { emulatorModules } from '../../../main/sandbox/modules';
import type { ClientOverview } from '../../../shared/domain/client-overview';
import type { FirmClientsView } from '../../../shared/domain/firm';
import type { FeedbackList } from '../../../shared/feedback/feedback-overview';
import type { SetupOverview } from '../../../shared/domain/setup';
import type { Submission } from '../../../shared/outbox/submission';
import type { ChannelName } from '../../../shared/ipc/contract';
import { decide } from '../support/maskinporten-sandbox';
import { administerClient } from '../support/client-admin';
import { aMeldingBody } from '../support/report-fixtures';
import { AMELDING_ORG } from '../support/skatteetaten-sandbox';
import { dispatchOk, testAppServices, waitUntil } from '../support/test-app-services';

const FIRM = { orgNumber: '974761076', displayName: 'Regnskap AS' };
const CLIENTS = [
  { orgNumber: AMELDING_ORG, name: 'Fjellstue AS' },
  { orgNumber: '311000004', name: 'Kløver AS' },
  { orgNumber: '312000008', name: 'Vestvind AS' },
];
/** Three days before January 2026's a-melding is due (5 February): the fixture's month. */
const NOW = new Date('2026-02-02T09:00:00Z');

// The firm's home through `dispatch`, against the emulator and a real keychain: the agent systembruker approved,
// three clients of which two are attached in Altinn, an a-melding received for one; then a standard profile's list.
describe('firm.overview', () => {
  const keyStore = createKeytarKeyStore({ service: `no.innsender.test.${randomUUID()}` });
  let dataDir: string;
  let services: AppServices;
  let opened: string[];
  const ok = <T = SetupOverview>(channel: ChannelName, payload?: unknown): Promise<T> =>
    dispatchOk(services)<T>(channel, payload);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-overview-'));
    ({ services, opened } = testAppServices(dataDir, {
      keyStore,
      setupPollIntervalMs: 50,
      now: () => NOW,
      // Skatteetaten's feedback on the receipt at once, so the overview's unread count can be compared with the list.
      modules: () => emulatorModules({ skatteetaten: { feedbackDelayMs: 0 } }),
    }));
    await ok('profiles.create', { ...FIRM, environment: 'sandbox', kind: 'firm' });
  });
  afterAll(async () => {
    await services?.dispose();
    for (const account of await keyStore.list()) await keyStore.delete(account);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a payload, as every channel does', async () => {
    const refused = await services.dispatch('firm.overview', { all: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_INPUT' } });
  });

  it('lists the firm’s clients with setup, delegation, what was sent and the next deadline', async () => {
    await ok('keys.generate');
    await ok('maskinporten.registerSandboxClient');
    await ok('systemuser.registerSystem', { services: ['a-melding'] });
    for (const client of CLIENTS) await ok('firm.addClient', client);
    // Before the agent systembruker is approved every client waits for the setup.
    let overview = await ok<ClientOverview>('firm.overview');
    expect(overview.scope).toBe('firm');
    expect(overview.today).toBe('2026-02-02');
    expect(overview.rows.map((r) => [r.name, r.setupReady, r.attention[0]])).toEqual(
      CLIENTS.map((c) => [c.name, false, 'setup-missing']),
    );

    await ok('systemuser.createRequest', { ownerOrgNumber: FIRM.orgNumber });
    await ok('systemuser.openApproval');
    await decide(opened.at(-1) ?? '', 'approve');
    await waitUntil(
      () => ok('systemuser.refreshStatus'),
      (o) => o.request?.status === 'Accepted',
      'the agent approval',
      { attempts: 200, everyMs: 25 },
    );
    const view = await ok<FirmClientsView>('firm.clients');
    for (const client of CLIENTS.slice(0, 2)) await administerClient(view.clientAdminUrl ?? '', 'add', client);
    await ok('firm.syncDelegations');

    // The first feedback sync only takes note of what is there; what comes after it is unread.
    await ok('feedback.syncNow');
    const path = join(dataDir, 'fjellstue.json');
    await writeFile(path, aMeldingBody(randomUUID()));
    const [check] = await services.reports.checkPaths([path]);
    const draft = await ok<{ id: string }>('reports.saveDraft', { checkId: check?.checkId });
    const queued = await ok<Submission>('outbox.submit', { draftId: draft.id });
    await waitUntil(
      () => ok<Submission>('outbox.get', { id: queued.id }),
      (s) => s.state.kind === 'received',
      'the receipt',
      { attempts: 400, everyMs: 25 },
    );

    overview = await ok<ClientOverview>('firm.overview');
    const [fjellstue, klover, vestvind] = overview.rows;
    expect(fjellstue).toMatchObject({
      orgNumber: AMELDING_ORG,
      setupReady: true,
      delegation: 'delegated',
      inFlight: 0,
      rejected: 0,
      // January was received: the next is February's, due Thursday 5 March 2026.
      nextDeadline: { id: 'a-melding:2026-02', dueDate: '2026-03-05', daysLeft: 31 },
      attention: [],
    });
    expect(klover).toMatchObject({
      delegation: 'delegated',
      nextDeadline: { id: 'a-melding:2026-01', daysLeft: 3, status: 'soon' },
      attention: ['deadline-soon'],
    });
    expect(vestvind?.delegation).toBe('not-delegated');
    expect(vestvind?.attention).toEqual(['delegation-missing', 'deadline-soon']);

    // The receipt's feedback, unread: the overview counts it from the store as the feedback list marks it.
    const list = await waitUntil(
      async () => (await ok('feedback.syncNow'), ok<FeedbackList>('feedback.list')),
      (l) => l.items.some((i) => i.unread),
      'the feedback',
      { attempts: 200, everyMs: 25 },
    );
    overview = await ok<ClientOverview>('firm.overview');
    expect(overview.rows[0]?.newFeedback).toBeGreaterThan(0);
    const unreadIn = (org: string) => list.items.filter((i) => i.unread && i.orgNumber === org).length;
    expect(new Map(overview.rows.map((r) => [r.orgNumber, r.newFeedback]))).toEqual(
      new Map(CLIENTS.map((c) => [c.orgNumber, unreadIn(c.orgNumber)])),
    );
    expect(overview.rows[0]?.attention).toEqual(['new-feedback']);
  });

  it('lists every profile for a standard profile, each with its outbox, and drafts for the open one', async () => {
    const own = await ok<{ id: string }>('profiles.create', {
      orgNumber: '311000004',
      displayName: 'Kløver AS',
      environment: 'sandbox',
    });
    await ok('profiles.activate', { id: own.id });
    const overview = await ok<ClientOverview>('firm.overview');
    expect(overview.scope).toBe('profiles');
    expect(
      overview.rows.map((r) => [r.name, r.profileId === own.id, r.rejected, r.draftsWithErrors, r.setupReady]),
    ).toEqual([
      ['Regnskap AS', false, 0, null, true],
      ['Kløver AS', true, 0, 0, false],
    ]);
    // The firm's January a-melding, read from its records in the store: its deadline is met.
    expect(overview.rows[0]?.nextDeadline?.id).toBe('a-melding:2026-02');
  });
});
