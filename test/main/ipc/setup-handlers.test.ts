import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../main/app-services';
import { createKeytarKeyStore } from '../../../main/keys/keytar-key-store';
import type { DesktopPort } from '../../../main/desktop-port';
import type { ChannelName, EventName } from '../../../shared/ipc/contract';
import type { SetupOverview } from '../../../shared/domain/setup';
import type { IpcResult } from '../../../shared/ipc/result';
import { decide } from '../support/maskinporten-sandbox';

const OWN_ORG = '974761076';
const OTHER_ORG = '314768949';
const fixture = (name: string) => readFile(new URL(`../../fixtures/keys/${name}`, import.meta.url), 'utf8');

/** The OS as the tests see it: every link, save, copy and notification recorded; the open dialog scripted. */
function recordingDesktop(dir: string) {
  const record = {
    opened: [] as string[],
    clipboard: [] as string[],
    saved: [] as { path: string; content: string }[],
    notifications: [] as string[],
    nextPicks: [] as string[][],
  };
  const desktop: DesktopPort = {
    openExternal: async (url) => void record.opened.push(url),
    pickFiles: async () => record.nextPicks.shift() ?? [],
    saveFile: async ({ defaultName, content }) => {
      const path = join(dir, defaultName);
      await writeFile(path, content);
      record.saved.push({ path, content: Buffer.from(content).toString('utf8') });
      return path;
    },
    writeClipboard: async (text) => void record.clipboard.push(text),
    notify: ({ body }) => void record.notifications.push(body),
  };
  return { desktop, record };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

// Against the real emulator (started by the app's own SandboxController) and the real Secret Service.
describe('the setup channels, from an empty profile to a systembruker token', () => {
  const keyStore = createKeytarKeyStore({ service: `no.innsender.test.${randomUUID()}` });
  let dataDir: string;
  let saveDir: string;
  let services: AppServices;
  let desktop: ReturnType<typeof recordingDesktop>;
  const answers: unknown[] = [];
  const events: { event: EventName; payload: unknown }[] = [];

  const start = () => {
    services = createAppServices({
      dataDir,
      host: 'node',
      version: '0.0.0-test',
      desktop: desktop.desktop,
      keyStore,
      setupPollIntervalMs: 50,
    });
    services.events.subscribe((event, payload) => events.push({ event, payload }));
  };
  const call = async (channel: ChannelName, payload?: unknown) => {
    const result = (await services.dispatch(channel, payload)) as IpcResult<unknown>;
    answers.push(result);
    return result;
  };
  const ok = async <T = SetupOverview>(channel: ChannelName, payload?: unknown): Promise<T> => {
    const result = await call(channel, payload);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message.en}`);
    return result.value as T;
  };
  const failure = async (channel: ChannelName, payload?: unknown) => {
    const result = await call(channel, payload);
    if (result.ok) throw new Error(`${channel} should have failed`);
    return result.error;
  };
  const until = async (check: () => boolean | Promise<boolean>, what: string) => {
    for (let i = 0; i < 200; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-setup-'));
    saveDir = await mkdtemp(join(tmpdir(), 'innsender-setup-saved-'));
    desktop = recordingDesktop(saveDir);
    start();
  });
  afterAll(async () => {
    await services?.dispose();
    for (const account of await keyStore.list()) await keyStore.delete(account);
    await rm(dataDir, { recursive: true, force: true });
    await rm(saveDir, { recursive: true, force: true });
  });

  it('walks the wizard: key, sandbox client, system, request, approval, test connection', async () => {
    await ok('profiles.create', { orgNumber: OWN_ORG, displayName: 'Fjellstue AS', environment: 'sandbox' });
    let overview = await ok('setup.status');
    expect(overview.steps).toEqual({
      key: 'ready',
      client: 'blocked',
      system: 'blocked',
      request: 'blocked',
      test: 'blocked',
    });
    expect(overview.services).toEqual(['a-melding', 'aksjonaerregisteroppgave']);
    expect(overview.selfServicePortalUrl).toBeNull();

    expect(await ok('keys.checkKeychain')).toEqual({ usable: true });
    overview = await ok('keys.generate');
    const [key] = overview.keys;
    expect(key).toMatchObject({ status: 'pending', origin: 'generated', ageDays: 0 });
    expect(key?.publicJwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: key?.kid });
    expect(overview.steps.client).toBe('ready');

    expect(await ok('keys.copyPublicJwk', { kid: key?.kid })).toEqual({ copied: true });
    expect(JSON.parse(desktop.record.clipboard[0] ?? '')).toEqual([key?.publicJwk]);
    const saved = await ok<{ path: string }>('keys.savePublicJwk', { kid: key?.kid });
    expect(JSON.parse(await readFile(saved.path, 'utf8'))).toEqual([key?.publicJwk]);

    expect((await failure('systemuser.registerSystem', { services: ['a-melding'] })).code).toBe('SETUP_CLIENT_MISSING');
    overview = await ok('maskinporten.registerSandboxClient');
    expect(overview.client).toMatchObject({ via: 'sandbox' });
    expect(overview.keys[0]).toMatchObject({ status: 'active', daysLeft: 364 });
    expect(overview.steps).toMatchObject({ key: 'done', client: 'done', system: 'ready' });

    expect((await failure('systemuser.createRequest', { ownerOrgNumber: OWN_ORG })).code).toBe('SETUP_SYSTEM_MISSING');
    expect((await failure('systemuser.registerSystem', { services: [] })).code).toBe('IPC_INVALID_INPUT');
    overview = await ok('systemuser.registerSystem', { services: ['a-melding'] });
    expect(overview.system).toMatchObject({
      systemId: `${OWN_ORG}_innsender`,
      services: ['a-melding'],
      upToDate: true,
    });
    expect(overview.scopes.services).toEqual(['skatteetaten:innrapporteringamelding']);
    // Registering again updates the same system.
    overview = await ok('systemuser.registerSystem', { services: ['a-melding'] });
    expect(overview.steps.request).toBe('ready');

    // Before the owner approves, Maskinporten has no systembruker to put in a token, and says so.
    expect((await failure('maskinporten.testConnection')).code).toBe('MASKINPORTEN_SYSTEMUSER_NOT_FOUND');

    overview = await ok('systemuser.createRequest', { ownerOrgNumber: '974 761 076' });
    expect(overview.request).toMatchObject({ status: 'New', ownerOrgNumber: OWN_ORG, externalRef: OWN_ORG });
    expect(overview.request?.watching).toBe(true);
    expect(overview.steps.request).toBe('waiting');

    expect(await ok('systemuser.openApproval')).toEqual({ opened: true });
    const confirmUrl = desktop.record.opened[0] ?? '';
    expect(
      confirmUrl.startsWith(
        `${services.sandbox.running()?.baseUrl}/altinn-am/accessmanagement/ui/systemuser/request?id=`,
      ),
    ).toBe(true);

    expect(await decide(confirmUrl, 'approve')).toContain('data-status="Accepted"');
    await until(
      () =>
        events.some((e) => e.event === 'systemuser.status' && (e.payload as { status: string }).status === 'Accepted'),
      'the Accepted event',
    );
    overview = await ok('setup.status');
    expect(overview.request).toMatchObject({ status: 'Accepted', watching: false });
    expect(overview.steps).toMatchObject({ request: 'done', test: 'ready' });
    expect(desktop.record.notifications.join('\n')).toContain('er godkjent');

    overview = await ok('maskinporten.testConnection');
    expect(overview.lastTest).toMatchObject({
      kid: key?.kid,
      scopes: ['skatteetaten:innrapporteringamelding'],
      systemUserOrg: OWN_ORG,
      systemId: `${OWN_ORG}_innsender`,
      clientId: overview.client?.clientId,
    });
    expect(overview.lastTest?.systemUserIds).toHaveLength(1);
    expect(Date.parse(overview.lastTest?.expiresAt ?? '')).toBeGreaterThan(Date.now());
    expect(overview.steps.test).toBe('done');
    expect((await ok<{ keys: unknown[] }>('keys.publicJwks')).keys).toEqual([key?.publicJwk]);
  });

  it('resumes after a restart: the state is on disk, the sandbox comes back on a new port, the token still works', async () => {
    const before = await ok('setup.status');
    await services.dispose();
    start();
    const after = await ok('setup.status');
    expect({ ...after, keys: after.keys.map((k) => k.kid) }).toEqual({
      ...before,
      keys: before.keys.map((k) => k.kid),
    });
    const tested = await ok('maskinporten.testConnection');
    expect(tested.lastTest?.systemUserOrg).toBe(OWN_ORG);
  });

  it('rotates the key: a second key joins the client, the first is retired only after, and the token still works', async () => {
    const first = (await ok('setup.status')).keys[0]?.kid;
    expect((await failure('keys.retire', { kid: first })).code).toBe('KEY_RETIRE_WITHOUT_SUCCESSOR');
    let overview = await ok('keys.generate');
    expect(overview.keys.map((k) => k.status)).toEqual(['active', 'pending']);
    expect(overview.steps.client).toBe('attention');
    overview = await ok('maskinporten.registerSandboxClient');
    expect(overview.keys.map((k) => k.status)).toEqual(['active', 'active']);
    overview = await ok('keys.retire', { kid: first });
    expect(overview.keys.map((k) => k.status)).toEqual(['retired', 'active']);
    expect(await keyStore.get(`${overview.profileId}:${first}`)).toBeNull();
    const second = overview.keys[1]?.kid;
    expect((await ok('maskinporten.testConnection')).lastTest?.kid).toBe(second);
    expect((await ok<{ keys: { kid: string }[] }>('keys.publicJwks')).keys.map((k) => k.kid)).toEqual([second]);
  });

  it('shows a rejection, refuses to re-ask until the old request is discarded, then asks again', async () => {
    const profile = await ok<{ id: string }>('profiles.create', {
      orgNumber: OTHER_ORG,
      displayName: 'Øvingsbedrift AS',
      environment: 'sandbox',
    });
    await ok('profiles.activate', { id: profile.id });
    await ok('keys.generate');
    await ok('maskinporten.registerSandboxClient');
    await ok('systemuser.registerSystem', { services: ['a-melding', 'aksjonaerregisteroppgave'] });
    let overview = await ok('systemuser.createRequest', { ownerOrgNumber: OTHER_ORG });
    await ok('systemuser.openApproval');
    expect(await decide(desktop.record.opened.at(-1) ?? '', 'reject')).toContain('data-status="Rejected"');
    await until(async () => (await ok('setup.status')).request?.status === 'Rejected', 'Rejected');
    overview = await ok('setup.status');
    expect(overview.steps.request).toBe('attention');
    expect(overview.steps.test).toBe('blocked');
    expect((await failure('systemuser.createRequest', { ownerOrgNumber: OTHER_ORG })).code).toBe('ALTINN_AUTH_00009');
    overview = await ok('systemuser.discardRequest');
    expect(overview.request).toBeNull();
    overview = await ok('systemuser.createRequest', { ownerOrgNumber: OTHER_ORG });
    expect(overview.request?.status).toBe('New');
    expect((await failure('maskinporten.testConnection')).code).toBe('MASKINPORTEN_SYSTEMUSER_NOT_FOUND');
  });

  it('imports keys as PEM, JWK, file and enterprise certificate, and refuses what it cannot use, saying why', async () => {
    const profile = await ok<{ id: string }>('profiles.create', {
      orgNumber: OWN_ORG,
      displayName: 'Fjellstue AS (test)',
      environment: 'test',
    });
    await ok('profiles.activate', { id: profile.id });
    const pair = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const pem = pair().export({ type: 'pkcs8', format: 'pem' }).toString();
    let overview = await ok('keys.importText', { kind: 'key', text: `\n${pem}\n` });
    expect(overview.keys.map((k) => k.origin)).toEqual(['imported']);
    const jwk = pair().export({ format: 'jwk' });
    overview = await ok('keys.importText', { kind: 'key', text: JSON.stringify({ keys: [jwk] }) });
    expect(overview.keys).toHaveLength(2);

    const { n, e } = jwk;
    expect((await failure('keys.importText', { kind: 'key', text: JSON.stringify({ kty: 'RSA', n, e }) })).code).toBe(
      'KEY_NOT_PRIVATE',
    );
    const encrypted = pair().export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'x' });
    expect((await failure('keys.importText', { kind: 'key', text: encrypted.toString() })).code).toBe('KEY_ENCRYPTED');
    expect((await failure('keys.importText', { kind: 'key', text: 'not a key' })).code).toBe('KEY_UNREADABLE');

    const keyFile = join(saveDir, 'existing.pem');
    await writeFile(keyFile, pair().export({ type: 'pkcs1', format: 'pem' }));
    desktop.record.nextPicks.push([keyFile], []);
    const picked = await ok<{ cancelled: boolean; overview: SetupOverview }>('keys.importFile', { kind: 'key' });
    expect(picked.cancelled).toBe(false);
    expect(picked.overview.keys).toHaveLength(3);
    expect((await ok<{ cancelled: boolean }>('keys.importFile', { kind: 'key' })).cancelled).toBe(true);

    const p12 = join(saveDir, 'virksomhet.p12');
    await writeFile(p12, Buffer.from([0x30, 0x82]));
    desktop.record.nextPicks.push([p12]);
    expect((await failure('keys.importFile', { kind: 'certificate' })).code).toBe('CERTIFICATE_PKCS12_NEEDS_PASSWORD');

    overview = await ok('keys.importText', {
      kind: 'certificate',
      chainPem: await fixture('enterprise-test-cert.pem'),
      keyPem: await fixture('enterprise-test-key.pem'),
    });
    const certificate = overview.keys.find((k) => k.origin === 'certificate');
    expect(certificate?.certificate).toMatchObject({ orgNumber: OWN_ORG });
    expect(
      (
        await failure('keys.importText', {
          kind: 'certificate',
          chainPem: await fixture('enterprise-test-cert.pem'),
          keyPem: pem,
        })
      ).code,
    ).toBe('CERTIFICATE_KEY_MISMATCH');
  });

  it('in test: the user pastes the client id from Samarbeidsportalen and sees exactly which scopes to ask for', async () => {
    let overview = await ok('setup.status');
    expect(overview.environment).toBe('test');
    expect(overview.selfServicePortalUrl).toBe('https://sjolvbetjening.test.samarbeid.digdir.no');
    expect(overview.scopes).toEqual({
      altinn: [
        'altinn:authentication/systemregister.write',
        'altinn:authentication/systemuser.request.read',
        'altinn:authentication/systemuser.request.write',
      ],
      services: ['skatteetaten:innrapporteringamelding', 'skatteetaten:innrapporteringaksjonaerregisteroppgave'],
      optional: ['digdir:dialogporten', 'altinn:events.subscribe'],
    });
    expect((await failure('maskinporten.registerSandboxClient')).code).toBe('SETUP_SANDBOX_ONLY');
    expect((await failure('maskinporten.setClientId', { clientId: 'a b' })).code).toBe('IPC_INVALID_INPUT');
    overview = await ok('maskinporten.setClientId', { clientId: ' 238259d7-f0ab-4bd5-b253-0f0159375096 ' });
    expect(overview.client).toMatchObject({ clientId: '238259d7-f0ab-4bd5-b253-0f0159375096', via: 'manual' });
    // Keys not yet confirmed uploaded keep the step open until the user says so.
    expect(overview.steps.client).toBe('attention');
    for (const key of overview.keys) overview = await ok('keys.markRegistered', { kid: key.kid });
    expect(overview.steps.client).toBe('done');
  });

  it('lets no private key or token out: not in any IPC answer, event, log line or file in the data folder', async () => {
    const secrets = await Promise.all((await keyStore.list()).map((account) => keyStore.get(account)));
    // Lines 8 and 12 of a PKCS#8 RSA-2048 PEM lie in d and p, the private part (earlier lines hold the public n).
    const bodies = secrets
      .flatMap((pem) => [(pem ?? '').split('\n')[8] ?? '', (pem ?? '').split('\n')[12] ?? ''])
      .filter((line) => line.length > 40);
    expect(bodies.length).toBeGreaterThan(3);
    const texts = [JSON.stringify(answers), JSON.stringify(events)];
    // A write still settling in the background renames its temp file away between the listing and the read: the
    // file it becomes is read on the second listing.
    const read = new Set<string>();
    for (let pass = 0; pass < 2; pass++) {
      for (const file of await filesUnder(dataDir)) {
        if (read.has(file)) continue;
        const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return null;
          throw error;
        });
        if (text === null) continue;
        read.add(file);
        texts.push(text);
      }
    }
    expect(texts.length).toBeGreaterThan(5);
    // Booleans, not the texts: a failure must not print what it found.
    for (const text of texts) {
      expect(/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text), 'a PEM private key').toBe(false);
      expect(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/.test(text), 'a JWT').toBe(false);
      expect(/"d"\s*:/.test(text), 'a private JWK member').toBe(false);
      expect(
        bodies.some((body) => text.includes(body)),
        'a line of a private key',
      ).toBe(false);
    }
  });
});

describe('the setup channels when the keychain does not answer', () => {
  it('say so plainly, with what to do, and never store the key elsewhere', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'innsender-setup-nokeychain-'));
    const refuse = () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'));
    const services = createAppServices({
      dataDir,
      host: 'node',
      version: '0.0.0-test',
      desktop: recordingDesktop(dataDir).desktop,
      keyStore: createKeytarKeyStore({
        keytar: { getPassword: refuse, setPassword: refuse, deletePassword: refuse, findCredentials: refuse },
      }),
    });
    try {
      await services.dispatch('profiles.create', {
        orgNumber: OWN_ORG,
        displayName: 'Fjellstue AS',
        environment: 'test',
      });
      for (const channel of ['keys.checkKeychain', 'keys.generate'] as const) {
        const result = await services.dispatch(channel, undefined);
        expect(result).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
        if (!result.ok) expect(result.error.details?.[0]).toContain('No D-Bus session bus');
      }
      const status = await services.dispatch('setup.status', undefined);
      expect(status).toMatchObject({ ok: true, value: { keys: [] } });
    } finally {
      await services.dispose();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('a systembruker request nobody answers', () => {
  it('times out after Altinn’s 180 days, and the wizard says so and lets the user ask again', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'innsender-setup-timeout-'));
    const keyStore = createKeytarKeyStore({ service: `no.innsender.test.${randomUUID()}` });
    let clock = new Date();
    const services = createAppServices({
      dataDir,
      host: 'node',
      version: '0.0.0-test',
      desktop: recordingDesktop(dataDir).desktop,
      keyStore,
      now: () => clock,
    });
    const ok = async (channel: ChannelName, payload?: unknown) => {
      const result = await services.dispatch(channel, payload);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
      return result.value as SetupOverview;
    };
    try {
      await ok('profiles.create', { orgNumber: OWN_ORG, displayName: 'Fjellstue AS', environment: 'sandbox' });
      await ok('keys.generate');
      await ok('maskinporten.registerSandboxClient');
      await ok('systemuser.registerSystem', { services: ['aksjonaerregisteroppgave'] });
      expect((await ok('systemuser.createRequest', { ownerOrgNumber: OWN_ORG })).request?.status).toBe('New');
      clock = new Date(clock.getTime() + 181 * 86_400_000);
      const overview = await ok('systemuser.refreshStatus');
      expect(overview.request).toMatchObject({ status: 'Timedout', watching: false });
      expect(overview.steps).toMatchObject({ request: 'attention', test: 'blocked' });
      expect((await ok('systemuser.discardRequest')).request).toBeNull();
      expect((await ok('systemuser.createRequest', { ownerOrgNumber: OWN_ORG })).request?.status).toBe('New');
    } finally {
      await services.dispose();
      for (const account of await keyStore.list()) await keyStore.delete(account);
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
