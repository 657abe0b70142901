import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../main/app-services';
import { createKeytarKeyStore } from '../../../main/keys/keytar-key-store';
import type { ChannelName } from '../../../shared/ipc/contract';
import type { SetupOverview } from '../../../shared/domain/setup';
import type { IpcResult } from '../../../shared/ipc/result';
import { serviceById } from '../../../shared/domain/services-catalogue';
import { profileDir } from '../../../main/setup/setup-state';
import { decide } from '../support/maskinporten-sandbox';
import { approveSandboxSystemUser } from '../support/sandbox-profile';
import { dispatchOk, testAppServices, type Notified } from '../support/test-app-services';

// The whole change of services through the setup channels, against the app's own emulator and a real keychain.
describe('adding and removing services on an approved systembruker', () => {
  const keyStore = createKeytarKeyStore({ service: `no.innsender.test.${randomUUID()}` });
  let dataDir: string;
  let services: AppServices;
  let opened: string[];
  let notes: Notified[];
  let profileId = '';

  const call = async (channel: ChannelName, payload?: unknown) =>
    (await services.dispatch(channel, payload)) as IpcResult<unknown>;
  const ok = <T = SetupOverview>(channel: ChannelName, payload?: unknown): Promise<T> =>
    dispatchOk(services)<T>(channel, payload);
  const until = async (check: () => Promise<boolean>, what: string) => {
    for (let i = 0; i < 200; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const scopesOfTest = async () => (await ok('maskinporten.testConnection')).lastTest?.scopes ?? [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-change-'));
    ({ services, opened, notified: notes } = testAppServices(dataDir, { keyStore, setupPollIntervalMs: 50 }));
    profileId = (
      await ok<{ id: string }>('profiles.create', {
        orgNumber: '974761076',
        displayName: 'Fjellstue AS',
        environment: 'sandbox',
      })
    ).id;
    await approveSandboxSystemUser(services, () => opened, ['a-melding']);
    await until(async () => (await ok('setup.status')).request?.status === 'Accepted', 'the approval');
  });
  afterAll(async () => {
    await services?.dispose();
    for (const account of await keyStore.list()) await keyStore.delete(account);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a change before anything changes, and before the systembruker is approved elsewhere', async () => {
    const same = await call('systemuser.changeServices', { services: ['a-melding'] });
    expect(same).toMatchObject({ ok: false, error: { code: 'SETUP_NO_CHANGE' } });
    expect(await call('systemuser.changeServices', { services: [] })).toMatchObject({
      ok: false,
      error: { code: 'IPC_INVALID_INPUT' },
    });
    expect(await call('systemuser.openChangeApproval')).toMatchObject({
      ok: false,
      error: { code: 'SETUP_CHANGE_MISSING' },
    });
  });

  it('adds a service: the owner approves the change, and the token then carries its scope', async () => {
    expect(await scopesOfTest()).toEqual([serviceById('a-melding').scope]);
    let overview = await ok('systemuser.changeServices', { services: ['a-melding', 'aksjonaerregisteroppgave'] });
    expect(overview.changeRequest).toMatchObject({
      status: 'New',
      added: ['aksjonaerregisteroppgave'],
      removed: [],
      watching: true,
    });
    // A second change while one waits is refused rather than stacked.
    expect(await call('systemuser.changeServices', { services: ['aksjonaerregisteroppgave'] })).toMatchObject({
      ok: false,
      error: { code: 'SETUP_CHANGE_PENDING' },
    });
    await ok('systemuser.openChangeApproval');
    const confirmUrl = opened.at(-1) ?? '';
    expect(confirmUrl).toContain('/accessmanagement/ui/systemuser/changerequest?id=');
    expect(await decide(confirmUrl, 'approve')).toContain('data-status="Accepted"');
    await until(async () => (await ok('setup.status')).changeRequest?.status === 'Accepted', 'the change approval');
    overview = await ok('setup.status');
    expect(overview.services).toEqual(['a-melding', 'aksjonaerregisteroppgave']);
    expect(overview.system?.services).toEqual(['a-melding', 'aksjonaerregisteroppgave']);
    expect(notes.at(-1)?.body).toContain('Endringen av tjenester for Fjellstue AS er godkjent');
    expect((await scopesOfTest()).sort()).toEqual(
      [serviceById('a-melding').scope, serviceById('aksjonaerregisteroppgave').scope].sort(),
    );
    // Kept in setup.json: the wizard resumes with it after a restart.
    const saved = JSON.parse(await readFile(join(profileDir(dataDir, profileId), 'setup.json'), 'utf8'));
    expect(saved.changeRequest).toMatchObject({ status: 'Accepted', to: ['a-melding', 'aksjonaerregisteroppgave'] });
  });

  it('keeps the services as they were when the owner rejects a removal', async () => {
    await ok('systemuser.changeServices', { services: ['aksjonaerregisteroppgave'] });
    await ok('systemuser.openChangeApproval');
    await decide(opened.at(-1) ?? '', 'reject');
    await until(async () => (await ok('setup.status')).changeRequest?.status === 'Rejected', 'the rejection');
    const overview = await ok('setup.status');
    expect(overview.changeRequest).toMatchObject({ removed: ['a-melding'] });
    expect(overview.system?.services).toEqual(['a-melding', 'aksjonaerregisteroppgave']);
    expect(notes.at(-1)?.body).toContain('Tjenestene er som før');
  });

  it('removes a service once approved, and then withdraws a pending change', async () => {
    await ok('systemuser.changeServices', { services: ['aksjonaerregisteroppgave'] });
    await ok('systemuser.openChangeApproval');
    await decide(opened.at(-1) ?? '', 'approve');
    await until(async () => (await ok('setup.status')).changeRequest?.status === 'Accepted', 'the removal');
    expect(await scopesOfTest()).toEqual([serviceById('aksjonaerregisteroppgave').scope]);

    await ok('systemuser.changeServices', { services: ['aksjonaerregisteroppgave', 'a-melding'] });
    const cleared = await ok('systemuser.discardChange');
    expect(cleared.changeRequest).toBeNull();
    expect(cleared.system?.services).toEqual(['aksjonaerregisteroppgave']);
  });
});
