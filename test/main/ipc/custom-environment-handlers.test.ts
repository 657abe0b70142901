import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { realEndpoints } from '../../../main/environments/table';
import type { AppServices } from '../../../main/app-services';
import type { FileFilter } from '../../../main/desktop-port';
import { fifoHasReader, makeFifo } from '../support/special-files';
import { dispatchOk, testAppServices } from '../support/test-app-services';

const NOW = new Date('2026-11-23T09:00:00.000Z');
const ORG = '974761076';

/** TT02's real addresses, with Dialogporten moved to `dialogHost` (a host outside the services' domains). */
function customFile(dialogHost?: string): string {
  const content = JSON.parse(JSON.stringify(realEndpoints('test'))) as { dialogporten: { base: string } };
  if (dialogHost) content.dialogporten.base = `https://${dialogHost}/dialogporten`;
  return JSON.stringify(content);
}

let services: AppServices | undefined;
afterEach(async () => {
  await services?.dispose();
  services = undefined;
});

/** The app with a desktop whose open dialog answers with the files queued in `picks` (and records its options). */
async function app() {
  const dir = await mkdtemp(join(tmpdir(), 'innsender-custom-env-'));
  const picks: string[] = [];
  const dialogs: { title: string; filters: FileFilter[] }[] = [];
  const made = testAppServices(join(dir, 'data'), { now: () => NOW });
  services = made.services;
  services.options.desktop.pickFiles = async (options) => {
    dialogs.push(options);
    const next = picks.shift();
    return next ? [next] : [];
  };
  const write = async (name: string, content: string) => {
    const file = join(dir, name);
    await writeFile(file, content);
    return file;
  };
  const ok = dispatchOk(services);
  /** A custom profile on TT02's addresses, its file picked in the dialog; gives the file's path. */
  const customProfile = async () => {
    const file = await write('env.json', customFile());
    picks.push(file);
    const pick = await ok<{ pickId: string }>('environment.pickCustomFile');
    await ok('profiles.create', {
      orgNumber: ORG,
      displayName: 'A',
      environment: 'custom',
      customEnvironmentPick: pick.pickId,
    });
    return file;
  };
  return { services, ok, picks, dialogs, write, dir, customProfile };
}

describe('a custom environment file, picked in main', () => {
  it("is chosen through the desktop port's file dialog; the page gets a pick id and sends no path", async () => {
    const { services, ok, picks, dialogs, write } = await app();
    picks.push(await write('tt02.json', customFile()));
    const pick = await ok<{ cancelled: false; pickId: string; fileName: string; nonStandardHosts: string[] }>(
      'environment.pickCustomFile',
    );
    expect(dialogs).toEqual([
      { title: 'Velg miljøfilen (JSON)', filters: [{ name: 'JSON', extensions: ['json'] }], multiple: false },
    ]);
    expect(pick).toMatchObject({ cancelled: false, fileName: 'tt02.json', nonStandardHosts: [] });

    // A path from the page is not part of the contract: it is dropped, and a custom profile without a pick refused.
    const withPath = await services.dispatch('profiles.create', {
      orgNumber: ORG,
      displayName: 'Fjellstue AS',
      environment: 'custom',
      customEnvironmentFile: '/etc/passwd',
    });
    expect(withPath).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_INPUT' } });

    const profile = await ok<{ customEnvironmentFile: string }>('profiles.create', {
      orgNumber: ORG,
      displayName: 'Fjellstue AS',
      environment: 'custom',
      customEnvironmentPick: pick.pickId,
    });
    expect(profile.customEnvironmentFile).toMatch(/tt02\.json$/);
    expect(await ok('environment.describe')).toMatchObject({ status: 'ready', environment: 'custom' });
  });

  it('answers a cancelled dialog, and refuses an unknown pick id', async () => {
    const { services, ok } = await app();
    expect(await ok('environment.pickCustomFile')).toEqual({ cancelled: true });
    const unknown = await services.dispatch('profiles.create', {
      orgNumber: ORG,
      displayName: 'X',
      environment: 'custom',
      customEnvironmentPick: '0b6f3b8e-3a49-4a8e-9b2f-1f6e2f7d1c11',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'CUSTOM_ENV_PICK_UNKNOWN' } });
  });

  it('needs an explicit, recorded confirmation for a host outside the known domains', async () => {
    const { services, ok, picks, write } = await app();
    picks.push(await write('proxy.json', customFile('dp.proxy.example')));
    const pick = await ok<{ pickId: string; nonStandardHosts: string[] }>('environment.pickCustomFile');
    expect(pick.nonStandardHosts).toEqual(['dp.proxy.example']);

    const unconfirmed = await services.dispatch('profiles.create', {
      orgNumber: ORG,
      displayName: 'Fjellstue AS',
      environment: 'custom',
      customEnvironmentPick: pick.pickId,
    });
    expect(unconfirmed).toMatchObject({
      ok: false,
      error: { code: 'CUSTOM_ENV_HOSTS_UNCONFIRMED', details: ['dp.proxy.example'] },
    });
    expect(services.profiles.state().profiles).toEqual([]);

    const profile = await ok<{ customHostsConfirmed: unknown }>('profiles.create', {
      orgNumber: ORG,
      displayName: 'Fjellstue AS',
      environment: 'custom',
      customEnvironmentPick: pick.pickId,
      confirmHosts: ['dp.proxy.example'],
    });
    expect(profile.customHostsConfirmed).toEqual({ hosts: ['dp.proxy.example'], confirmedAt: NOW.toISOString() });
    expect(await ok('environment.describe')).toMatchObject({ status: 'ready' });
  });

  it('stops every call when the file later names a new host, until the user confirms it', async () => {
    const { ok, customProfile } = await app();
    const file = await customProfile();

    await writeFile(file, customFile('evil.example'));
    expect(await ok('environment.describe')).toMatchObject({
      status: 'unconfirmed-hosts',
      hosts: ['evil.example'],
      message: { en: expect.stringContaining('evil.example') },
    });
    await expect(ok('environment.confirmHosts', { hosts: ['other.example'] })).rejects.toThrow(
      /CUSTOM_ENV_HOSTS_UNCONFIRMED/,
    );
    expect(await ok('environment.confirmHosts', { hosts: ['evil.example'] })).toMatchObject({ status: 'ready' });
  });

  it('refuses a bad file at the dialog with the field named and none of its content', async () => {
    const { services, picks, write } = await app();
    const content = JSON.parse(customFile()) as { maskinporten: { tokenEndpoint: string } };
    content.maskinporten.tokenEndpoint = 'http://token.example/secret-token';
    picks.push(await write('http.json', JSON.stringify(content)));
    const refused = await services.dispatch('environment.pickCustomFile', undefined);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CUSTOM_ENV_INVALID' } });
    expect(JSON.stringify(refused)).toContain('maskinporten.tokenEndpoint');
    expect(JSON.stringify(refused)).not.toContain('secret-token');

    picks.push(await write('garbage.json', 'PRIVATE KEY 12345 {'));
    const garbage = await services.dispatch('environment.pickCustomFile', undefined);
    expect(garbage).toMatchObject({ ok: false, error: { code: 'CUSTOM_ENV_NOT_JSON' } });
    expect(JSON.stringify(garbage)).not.toMatch(/PRIVATE|12345/);
  });

  it('survives a start-up whose custom file has become a FIFO: a clear notice, no reader waiting on it, and the profile kept', async () => {
    const { customProfile, dir } = await app();
    const file = await customProfile();
    await services!.dispose();

    await rm(file);
    makeFifo(file);
    // The app as Electron starts it: the outbox, the pollers and the deadline warnings all running.
    const restarted = testAppServices(join(dir, 'data'), {
      now: () => NOW,
      outboxAutoStart: true,
      feedbackPolling: true,
      deadlineWarnings: true,
    });
    services = restarted.services;
    // Opened for reading without a writer, the FIFO would hold the start-up: describe would never answer (the test
    // fails on its timeout) or a background task would still be waiting on it here.
    const described = await dispatchOk(services)<{ status: string; message: { nb: string; en: string } }>(
      'environment.describe',
    );
    expect(fifoHasReader(file), 'a reader waits on the FIFO').toBe(false);
    expect(described).toMatchObject({
      status: 'invalid',
      message: { en: expect.stringMatching(/named pipe \(FIFO\)/) },
    });
    expect(services.profiles.state().profiles).toHaveLength(1);
  });
});
