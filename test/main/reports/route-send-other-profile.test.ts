import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../main/app-services';
import { createKeytarKeyStore } from '../../../main/keys/keytar-key-store';
import type { ChannelName } from '../../../shared/ipc/contract';
import { IPC_ERROR } from '../../../shared/ipc/result';
import type { Submission } from '../../../shared/outbox/submission';
import type { RoutedReports } from '../../../shared/reports/report-routing';
import { approveSandboxSystemUser } from '../support/sandbox-profile';
import { aMeldingBody } from '../support/report-fixtures';
import { AMELDING_ORG, RF1086_ORG } from '../support/skatteetaten-sandbox';
import { dispatchOk, testAppServices, waitUntil } from '../support/test-app-services';
import { tredjepartBody } from '../support/tredjepart-fixtures';

// A business with two companies (issue 14): files dropped while Kløver AS is shown are routed to Eksempel AS, set up
// with an approved systembruker, and sent from the group without switching: into Eksempel AS's outbox, which the
// background runs, to the emulator's receipt. Real emulator, real keychain (scripts/with-keyring.sh), real folder.
describe('sending a routed file for a set-up profile that is not the one shown', () => {
  const keyStore = createKeytarKeyStore({ service: `no.innsender.test.${randomUUID()}` });
  let dataDir: string;
  let services: AppServices;
  let eksempel: { id: string };
  let kløver: { id: string };
  let routed: RoutedReports;
  const changed: { profileId: string; submission: Submission }[] = [];

  const ok = <T>(channel: ChannelName, payload?: unknown) => dispatchOk(services)<T>(channel, payload);
  const failure = async (channel: ChannelName, payload: unknown) => {
    const result = await services.dispatch(channel, payload);
    if (result.ok) throw new Error(`${channel} should have failed`);
    return result.error;
  };
  const received = (profileId: string, id: string) =>
    waitUntil(
      () => services.outbox.listFor(profileId),
      (list) => list.find((s) => s.id === id)?.state.kind === 'received',
      `${id} to be received`,
      { attempts: 400, everyMs: 25 },
    );
  const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-route-send-'));
    const app = testAppServices(dataDir, { keyStore, setupPollIntervalMs: 50 });
    services = app.services;
    services.events.subscribe((event, payload) => {
      if (event === 'outbox.changed') changed.push(payload as (typeof changed)[number]);
    });
    eksempel = await ok('profiles.create', {
      orgNumber: AMELDING_ORG,
      displayName: 'Eksempel AS',
      environment: 'sandbox',
    });
    await approveSandboxSystemUser(services, () => app.opened, ['a-melding', 'tredjepart-boligsameie']);
    kløver = await ok('profiles.create', { orgNumber: RF1086_ORG, displayName: 'Kløver AS', environment: 'sandbox' });
    await ok('profiles.activate', { id: kløver.id });
    // The boligsameie example (Skatteetaten/api-dokumentasjon docs/api/innrapportering-boligsameie.md @ 11f2ca86)
    // with Eksempel AS as its oppgavegiver.
    const sameie = tredjepartBody('boligsameie', (m) => {
      m.leveranse.oppgavegiver.organisasjonsnummer = AMELDING_ORG;
    });
    routed = await ok<RoutedReports>('reports.route', {
      files: [
        { name: 'januar.json', contentBase64: base64(aMeldingBody('rutet-1')) },
        { name: 'sameie.json', contentBase64: base64(sameie) },
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await services?.dispose();
    for (const account of await keyStore.list()) await keyStore.delete(account);
    await rm(dataDir, { recursive: true, force: true });
  });

  it("queues the a-melding in that profile's outbox, which sends it, and the same send again is the same submission", async () => {
    const [group] = routed.groups;
    expect(group?.target).toMatchObject({ orgNumber: AMELDING_ORG, profileId: eksempel.id, active: false });
    const { saved } = await ok<{ saved: { draftId: string }[] }>('reports.saveRouted', {
      checkIds: group!.checks.map((c) => c.checkId),
    });
    const draftId = saved[0]!.draftId;

    const queued = await ok<Submission>('outbox.submit', { draftId, profileId: eksempel.id });
    expect(queued.target).toMatchObject({ service: 'a-melding', opplysningspliktig: AMELDING_ORG });
    await received(eksempel.id, queued.id);
    // Its progress reaches the window as that profile's, while Kløver AS stays shown with an empty outbox.
    expect(changed.filter((c) => c.submission.id === queued.id).every((c) => c.profileId === eksempel.id)).toBe(true);
    expect(changed.some((c) => c.submission.id === queued.id && c.submission.state.kind === 'received')).toBe(true);
    expect((await ok<{ submissions: Submission[] }>('outbox.list')).submissions).toEqual([]);

    const again = await ok<Submission>('outbox.submit', { draftId, profileId: eksempel.id });
    expect(again.id).toBe(queued.id);
    expect((await services.outbox.listFor(eksempel.id)).filter((s) => s.target.service === 'a-melding')).toHaveLength(
      1,
    );
  }, 60_000);

  it("sends the tredjepart melding through that profile's outbox too", async () => {
    const check = routed.groups[0]!.tredjepart[0]!.check!;
    expect(check.result).toMatchObject({ scheme: 'boligsameie', valid: true });
    const draft = await ok<{ id: string }>('tredjepart.saveDraft', { checkId: check.checkId });
    const queued = await ok<Submission>('tredjepart.submit', { id: draft.id, profileId: eksempel.id });
    expect(queued.target).toMatchObject({ service: 'tredjepart', scheme: 'boligsameie', oppgavegiver: AMELDING_ORG });
    await received(eksempel.id, queued.id);
  }, 60_000);

  it('refuses a profile that is not set up, one that does not exist, and an id that is no id', async () => {
    const draftId = randomUUID().replace(/-/g, '');
    // Kløver AS has no systembruker yet: told what to finish, nothing queued.
    expect(await failure('outbox.submit', { draftId, profileId: kløver.id })).toMatchObject({
      code: 'OUTBOX_NOT_READY',
    });
    expect(await failure('outbox.submit', { draftId, profileId: randomUUID() })).toMatchObject({
      code: 'OUTBOX_PROFILE_UNKNOWN',
    });
    expect(await failure('tredjepart.submit', { id: draftId, profileId: randomUUID() })).toMatchObject({
      code: 'OUTBOX_PROFILE_UNKNOWN',
    });
    expect(await failure('outbox.submit', { draftId, profileId: '../other' })).toMatchObject({
      code: IPC_ERROR.invalidInput,
    });
  });
});
