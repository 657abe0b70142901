import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../main/app-services';
import { createKeytarKeyStore } from '../../../main/keys/keytar-key-store';
import type { ChannelName } from '../../../shared/ipc/contract';
import type { FirmClientsView } from '../../../shared/domain/firm';
import type { SetupOverview } from '../../../shared/domain/setup';
import type { IpcResult } from '../../../shared/ipc/result';
import type { Submission } from '../../../shared/outbox/submission';
import { decide } from '../support/maskinporten-sandbox';
import { administerClient } from '../support/client-admin';
import { aMeldingBody, fixtureText } from '../support/report-fixtures';
import { AMELDING_ORG, skatteetatenState } from '../support/skatteetaten-sandbox';
import { dispatchOk, testAppServices, waitUntil } from '../support/test-app-services';
import { runningClock } from '../support/running-clock';

const FIRM = { orgNumber: '974761076', displayName: 'Regnskap AS' };
const CLIENTS = [
  { orgNumber: AMELDING_ORG, name: 'Fjellstue AS' },
  { orgNumber: '311000004', name: 'Kløver AS' },
  { orgNumber: '312000008', name: 'Vestvind AS' },
];

/** The fixture's a-melding, for another opplysningspliktig. */
function aMeldingFor(org: string, meldingsId: string): string {
  const leveranse = (JSON.parse(fixtureText('amelding-example.json')) as { leveranse: { opplysningspliktig: object } })
    .leveranse;
  return aMeldingBody(meldingsId, { opplysningspliktig: { ...leveranse.opplysningspliktig, norskIdentifikator: org } });
}

// An accounting firm's whole setup through the app's channels, against the emulator and a real keychain: client
// packages, the agent systembruker approved by the hovedadministrator, three clients attached by the
// klientadministrator, a send for one, and a refused send once a delegation is removed.
describe('an accounting firm with an agent systembruker and its clients', () => {
  const keyStore = createKeytarKeyStore({ service: `no.innsender.test.${randomUUID()}` });
  let dataDir: string;
  let services: AppServices;
  let opened: string[];
  let clientAdminUrl = '';
  /** The app's and the emulator's clock, moved ahead to let the firm's key pass Maskinporten's year. */
  const clock = runningClock('2026-12-07T09:00:00.000Z');

  const call = async (channel: ChannelName, payload?: unknown) =>
    (await services.dispatch(channel, payload)) as IpcResult<unknown>;
  const ok = <T = SetupOverview>(channel: ChannelName, payload?: unknown): Promise<T> =>
    dispatchOk(services)<T>(channel, payload);
  const saveDraft = async (name: string, content: string) => {
    const path = join(dataDir, name);
    await writeFile(path, content);
    const [check] = await services.reports.checkPaths([path]);
    return { draft: await call('reports.saveDraft', { checkId: check?.checkId }), check };
  };

  /** Each client's a-melding saved as a draft and queued, in order: the ids of the submissions. */
  const submitBatch = async (name: string, batch: readonly { org: string; meldingsId: string }[]) => {
    const ids: string[] = [];
    for (const { org, meldingsId } of batch) {
      const { draft } = await saveDraft(`${name}-${org}.json`, aMeldingFor(org, meldingsId));
      const draftId = (draft as { value: { id: string } }).value.id;
      ids.push((await ok<Submission>('outbox.submit', { draftId })).id);
    }
    return ids;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-firm-'));
    ({ services, opened } = testAppServices(dataDir, {
      keyStore,
      setupPollIntervalMs: 50,
      now: clock.now,
    }));
    await ok('profiles.create', { ...FIRM, environment: 'sandbox', kind: 'firm' });
  });
  afterAll(async () => {
    await services?.dispose();
    for (const account of await keyStore.list()) await keyStore.delete(account);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('registers with client packages and refuses a package that does not exist, naming the firm', async () => {
    await ok('keys.generate');
    await ok('maskinporten.registerSandboxClient');
    const unknown = await call('systemuser.registerSystem', {
      services: ['a-melding'],
      accessPackages: ['lonn-og-alt'],
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'SETUP_ACCESS_PACKAGE_UNKNOWN' } });
    expect(JSON.stringify(unknown)).toContain('Regnskap AS (974 761 076)');
    const own = await call('systemuser.registerSystem', { services: ['a-melding'], accessPackages: ['a-ordning'] });
    expect(own).toMatchObject({ ok: false, error: { code: 'SETUP_ACCESS_PACKAGE_WRONG_USE' } });
    const registered = await ok('systemuser.registerSystem', { services: ['a-melding'] });
    expect(registered.kind).toBe('firm');
    expect(registered.system).toMatchObject({
      systemId: '974761076_innsender_klienter',
      grant: 'access-packages',
      accessPackages: ['regnskapsforer-lonn'],
    });
  });

  it('has the agent systembruker approved by the hovedadministrator on the emulated Altinn page', async () => {
    const requested = await ok('systemuser.createRequest', { ownerOrgNumber: FIRM.orgNumber });
    expect(requested.request).toMatchObject({ kind: 'agent', status: 'New', ownerOrgNumber: FIRM.orgNumber });
    await ok('systemuser.openApproval');
    const confirmUrl = opened.at(-1) ?? '';
    expect(confirmUrl).toContain('/accessmanagement/ui/systemuser/agentrequest?id=');
    const page = await (await fetch(confirmUrl)).text();
    expect(page).toContain('hovedadministrator');
    expect(page).toContain('regnskapsforer-lonn');
    await decide(confirmUrl, 'approve');
    const approved = await waitUntil(
      () => ok('systemuser.refreshStatus'),
      (o) => o.request?.status === 'Accepted' && !!o.request.systemUserId,
      'the agent approval',
      { attempts: 200, everyMs: 25 },
    );
    // The token names the firm as the systembruker's org.
    const tested = await ok('maskinporten.testConnection');
    expect(tested.lastTest?.systemUserOrg).toBe(FIRM.orgNumber);
    expect(tested.lastTest?.systemUserIds).toEqual([approved.request?.systemUserId]);
  });

  it('adds clients, refusing a wrong check digit by name, and shows them delegated once attached in Altinn', async () => {
    const bad = await call('firm.addClient', { orgNumber: '974761077', name: 'Feilsiffer AS' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'FIRM_CLIENT_ORG_INVALID' } });
    expect(JSON.stringify(bad)).toContain('Feilsiffer AS (974 761 077)');
    for (const client of CLIENTS) await ok('firm.addClient', client);
    let view = await ok<FirmClientsView>('firm.clients');
    expect(view.clients.map((c) => [c.orgNumber, c.delegation.state, c.services])).toEqual(
      CLIENTS.map((c) => [c.orgNumber, 'not-delegated', ['a-melding']]),
    );
    expect(view.delegationApi).toBe(true);
    clientAdminUrl = view.clientAdminUrl ?? '';
    expect(clientAdminUrl).toContain(`/agentdelegation/${view.agentSystemUserId}`);
    await ok('firm.openClientAdmin');
    expect(opened.at(-1)).toBe(clientAdminUrl);

    const invalid = await administerClient(clientAdminUrl, 'add', { orgNumber: '974761077', name: 'Feil' });
    expect(invalid.status).toBe(400);
    for (const client of CLIENTS) expect((await administerClient(clientAdminUrl, 'add', client)).status).toBe(200);
    view = await ok<FirmClientsView>('firm.syncDelegations');
    expect(view.clients.map((c) => c.delegation.state)).toEqual(['delegated', 'delegated', 'delegated']);
    expect(view.clients[0]?.delegation.altinnClientId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends an a-melding for a delegated client through the firm’s systembruker', async () => {
    const { draft } = await saveDraft('fjellstue.json', aMeldingBody(randomUUID()));
    expect(draft.ok).toBe(true);
    const draftId = (draft as { value: { id: string } }).value.id;
    const queued = await ok<Submission>('outbox.submit', { draftId });
    const done = await waitUntil(
      () => ok<Submission>('outbox.get', { id: queued.id }),
      (s) => s.state.kind === 'received' || s.state.kind === 'rejected' || s.state.kind === 'failed',
      'the receipt',
      { attempts: 400, everyMs: 25 },
    );
    expect(done.state.kind).toBe('received');
  });

  // A batch queued while every client was delegated; the klientadministrator removes one before it is sent (here:
  // while Skatteetaten answers 503). Skatteetaten then refuses that client with 403 AMLD_005/AMLD_1015
  // (skatteetaten-apis.md §1.7): the outbox said "Systembrukeren har ikke tilgang til denne tjenesten for denne
  // virksomheten. Sjekk rettighetene i Altinn", naming neither the client nor the firm, and Klienter kept it delegated.
  it('a client whose delegation is withdrawn mid-batch waits for the user, named, while the other client is sent once', async () => {
    const host = services.sandbox.running();
    if (!host) throw new Error('the sandbox is not running');
    host.faults.add({
      kind: 'status',
      status: 503,
      method: 'POST',
      pathPrefix: '/skatteetaten/innrapporteringamelding/',
    });
    const batch = [
      { org: AMELDING_ORG, meldingsId: randomUUID() },
      { org: '311000004', meldingsId: randomUUID() },
    ];
    const ids = await submitBatch('batch', batch);
    const waiting = (id: string) =>
      waitUntil(
        () => ok<Submission>('outbox.get', { id }),
        (s) => s.state.kind === 'failed',
        'a failed attempt',
        { attempts: 400, everyMs: 25 },
      );
    for (const id of ids) await waiting(id);
    expect((await administerClient(clientAdminUrl, 'remove', { orgNumber: '311000004' })).page).toContain('er fjernet');
    host.faults.clear();
    for (const id of ids) await ok('outbox.retry', { id });
    const settled = (id: string) =>
      waitUntil(
        () => ok<Submission>('outbox.get', { id }),
        (s) =>
          s.state.kind === 'received' ||
          s.state.kind === 'rejected' ||
          (s.state.kind === 'failed' && s.state.reason !== 'transient'),
        'the batch settled',
        { attempts: 400, everyMs: 25 },
      );
    const [sent, withdrawn] = [await settled(ids[0] ?? ''), await settled(ids[1] ?? '')];
    expect(sent.state.kind).toBe('received');
    expect(withdrawn.state).toMatchObject({ kind: 'failed', reason: 'needs-action', retryAt: null });
    // The refusal before queuing's code, so Utboks heads it with the missing delegation; Skatteetaten's code and
    // words first in the details, for support.
    const refused = (withdrawn.state as { error: { code: string; details?: string[]; korrelasjonsid?: string } }).error;
    expect(refused.code).toBe('FIRM_CLIENT_DELEGATION_REMOVED');
    expect(refused.details?.[0]).toMatch(/^AMLD_005 /);
    expect(refused.details?.[1]).toMatch(/^AMLD_1015 /);
    const message = (withdrawn.state as { error: { message: { nb: string; en: string } } }).error.message;
    expect(message.nb).toContain(
      'Kløver AS (311 000 004) er ikke lenger lagt til på systembrukeren til Regnskap AS (974 761 076) i Altinn',
    );
    expect(message.nb).toContain('Be klientadministrator legge klienten til igjen');
    expect(message.nb).toContain('«Prøv igjen nå»');
    expect(message.en).toContain('Kløver AS (311 000 004) is no longer attached');
    // Klienter and the overview say so without waiting for the next "Sjekk i Altinn".
    const view = await ok<FirmClientsView>('firm.clients');
    expect(view.clients.find((c) => c.orgNumber === '311000004')?.delegation.state).toBe('removed');
    // Nothing sent twice, nothing received for the withdrawn client.
    const state = await skatteetatenState(host);
    expect(state.skatteetaten?.receiptsByMeldingsId[`${AMELDING_ORG}/${batch[0]?.meldingsId}`]).toBe(1);
    expect(state.skatteetaten?.receiptsByMeldingsId[`311000004/${batch[1]?.meldingsId}`] ?? 0).toBe(0);
  });

  // The firm logs in once for every client: when its key passes Maskinporten's year (MP-121), every client's report
  // waits for the user. Once the key is uploaded again (the sandbox client's JWKS, as in Samarbeidsportalen) and a
  // test connection works, they are sent, each once; before, each waited for its own "Prøv igjen nå".
  it('the agent key expiring stops every client’s send; renewed and tested, they are all sent, once', async () => {
    clock.moveAhead(366 * 86_400_000);
    const batch = [
      { org: AMELDING_ORG, meldingsId: randomUUID() },
      { org: '312000008', meldingsId: randomUUID() },
    ];
    const ids = await submitBatch('login', batch);
    for (const id of ids) {
      const waiting = await waitUntil(
        () => ok<Submission>('outbox.get', { id }),
        (s) => s.state.kind === 'failed' || s.state.kind === 'received',
        'the refused login',
        { attempts: 400, everyMs: 25 },
      );
      expect(waiting.state).toMatchObject({ reason: 'needs-action', error: { code: 'MASKINPORTEN_KEY_EXPIRED' } });
    }

    await ok('maskinporten.registerSandboxClient');
    await ok('maskinporten.testConnection');
    for (const id of ids) {
      const sent = await waitUntil(
        () => ok<Submission>('outbox.get', { id }),
        (s) => s.state.kind === 'received' || s.state.kind === 'rejected',
        'the receipts',
        { attempts: 400, everyMs: 25 },
      );
      expect(sent.state.kind).toBe('received');
    }
    const host = services.sandbox.running();
    if (!host) throw new Error('the sandbox is not running');
    const state = await skatteetatenState(host);
    for (const { org, meldingsId } of batch)
      expect(state.skatteetaten?.receiptsByMeldingsId[`${org}/${meldingsId}`]).toBe(1);
  });

  it('refuses a report for an org that is not a client, and a send for a client whose delegation was removed', async () => {
    const { check } = await saveDraft('stranger.json', aMeldingFor('313000001', randomUUID()));
    expect(check?.result.findings.map((f) => f.code)).toContain('AMELDING_OPPLYSNINGSPLIKTIG_NOT_CLIENT');

    const { draft } = await saveDraft('vestvind.json', aMeldingFor('312000008', randomUUID()));
    const draftId = (draft as { value: { id: string } }).value.id;
    expect((await administerClient(clientAdminUrl, 'remove', { orgNumber: '312000008' })).page).toContain('er fjernet');
    const before = (await ok<{ submissions: Submission[] }>('outbox.list')).submissions.length;
    const refused = await call('outbox.submit', { draftId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FIRM_CLIENT_DELEGATION_REMOVED' } });
    // Each company as the app names it everywhere (formatCompany): the org number grouped as the register writes it.
    expect(JSON.stringify(refused)).toContain('Vestvind AS (312 000 008)');
    expect(JSON.stringify(refused)).toContain('Regnskap AS (974 761 076)');
    // Nothing was queued, and what was already sent is still there.
    expect((await ok<{ submissions: Submission[] }>('outbox.list')).submissions.length).toBe(before);
    const view = await ok<FirmClientsView>('firm.clients');
    expect(view.clients.find((c) => c.orgNumber === '312000008')?.delegation.state).toBe('removed');
  });

  it('Skatteetaten refuses a client that is not delegated with its own error, even when Innsender is bypassed', async () => {
    const host = services.sandbox.running();
    if (!host) throw new Error('the sandbox is not running');
    const context = await services.setup.tokenContext();
    const token = await context.tokens.tokenForScopes({ scopes: context.scopes, systemUser: context.systemUser });
    const response = await fetch(
      `${host.baseUrl}/skatteetaten/innrapporteringamelding/v1/innsending/2026-01/312000008`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token.value}`,
          'content-type': 'application/json',
          accept: 'application/json',
          idempotencyKey: randomUUID(),
        },
        body: aMeldingFor('312000008', randomUUID()),
      },
    );
    expect(response.status).toBe(403);
    const body = (await response.json()) as { kode: string; spesifisering: { kode: string }[] };
    expect(body.kode).toBe('AMLD_005');
    expect(body.spesifisering[0]?.kode).toBe('AMLD_1015');
  });

  it('refuses a send for a client added in Innsender but never attached in Altinn, naming it, and queues nothing', async () => {
    await ok('firm.addClient', { orgNumber: '313000001', name: 'Nordlys AS' });
    const { draft } = await saveDraft('nordlys.json', aMeldingFor('313000001', randomUUID()));
    const draftId = (draft as { value: { id: string } }).value.id;
    const before = (await ok<{ submissions: Submission[] }>('outbox.list')).submissions.length;
    const refused = await call('outbox.submit', { draftId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FIRM_CLIENT_NOT_DELEGATED' } });
    expect(JSON.stringify(refused)).toContain('Nordlys AS (313 000 001)');
    expect((await ok<{ submissions: Submission[] }>('outbox.list')).submissions.length).toBe(before);
  });

  // A firm typed Solbær AS with another company's number whose check digit is also valid (315 000 025): Klienter said
  // "Ikke lagt til", and nothing showed the client Altinn did have on the systembruker (315 000 017), so the firm
  // could not see its mistake. Altinn's list is read as ClientInfo (Altinn/altinn-authentication
  // src/Authentication/Model/ClientInfo.cs @ ad4f6f36: clientOrganizationNumber, clientOrganizationName).
  it('keeps the clients Altinn has that the list lacks, adds one with the name Altinn gave, and lists a removed one again', async () => {
    const [real, typed] = ['315000017', '315000025'];
    expect((await administerClient(clientAdminUrl, 'add', { orgNumber: real, name: 'Solbær AS' })).status).toBe(200);
    await ok('firm.addClient', { orgNumber: typed, name: 'Solbær AS' });
    let view = await ok<FirmClientsView>('firm.syncDelegations');
    expect(view.clients.find((c) => c.orgNumber === typed)?.delegation.state).toBe('not-delegated');
    // Only Altinn's clients missing from the list: not the listed ones, not those removed in Altinn (312 000 008).
    expect(view.altinnOnly).toEqual([{ orgNumber: real, name: 'Solbær AS', altinnClientId: expect.any(String) }]);
    // Kept with the firm's profile: read back without asking Altinn again.
    expect((await ok<FirmClientsView>('firm.clients')).altinnOnly.map((c) => c.orgNumber)).toEqual([real]);

    // The add path Klienter's "Legg til" takes: an empty name takes Altinn's.
    view = await ok<FirmClientsView>('firm.addClient', { orgNumber: real, name: '' });
    expect(view.clients.find((c) => c.orgNumber === real)).toMatchObject({
      name: 'Solbær AS',
      delegation: { state: 'delegated' },
    });
    expect(view.altinnOnly).toEqual([]);
    view = await ok<FirmClientsView>('firm.removeClient', { orgNumber: typed });
    expect(view.clients.map((c) => c.orgNumber)).not.toContain(typed);
    expect(view.altinnOnly).toEqual([]);

    // Removed from Innsender while Altinn still has it: offered again at once, and after the next read.
    view = await ok<FirmClientsView>('firm.removeClient', { orgNumber: real });
    expect(view.altinnOnly.map((c) => [c.orgNumber, c.name])).toEqual([[real, 'Solbær AS']]);
    view = await ok<FirmClientsView>('firm.syncDelegations');
    expect(view.altinnOnly.map((c) => [c.orgNumber, c.name])).toEqual([[real, 'Solbær AS']]);

    // A number Altinn does not have, typed without a name, is refused in words rather than by the store.
    const nameless = await call('firm.addClient', { orgNumber: '315000033', name: ' ' });
    expect(nameless).toMatchObject({ ok: false, error: { code: 'FIRM_CLIENT_NAME_MISSING' } });
    expect(JSON.stringify(nameless)).toContain('315 000 033');
  });
});
