import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../cli/run-cli';
import { createAppServices } from '../../../main/app-services';
import { createKeytarKeyStore } from '../../../main/keys/keytar-key-store';
import { silentLogger } from '../../../main/log/logger';
import type { ChannelName } from '../../../shared/ipc/contract';
import { decide } from '../support/maskinporten-sandbox';

const ORG = '974761076';

/** The CLI uses the app's own keychain service (a throwaway keyring under with-keyring.sh): remove our entries too. */
async function removeDataDir(dataDir: string): Promise<void> {
  const store = createKeytarKeyStore();
  const state = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as { activeProfileId: string };
  for (const account of await store.list())
    if (account.startsWith(`${state.activeProfileId}:`)) await store.delete(account);
  await rm(dataDir, { recursive: true, force: true });
}

// `innsender keys` and `innsender token` against the real keychain and the emulator, sharing the app's data folder.
describe('innsender keys and innsender token', () => {
  let dataDir: string;
  const cli = (...argv: string[]) => runCliCaptured(dataDir, ['--lang', 'en', ...argv], process.env);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-cli-setup-'));
  });
  afterAll(() => removeDataDir(dataDir));

  it('lists, generates and exports keys for the active profile', async () => {
    expect((await cli('profiles', 'add', ORG, 'Fjellstue AS', '--env', 'sandbox')).code).toBe(0);
    expect((await cli('keys')).out).toContain('No Maskinporten key yet');
    const generated = await cli('keys', 'generate');
    expect(generated.code).toBe(0);
    const kid = /Generated (\S+)\./.exec(generated.out)?.[1];
    expect(kid).toBeTruthy();
    const listed = await cli('keys', 'list');
    expect(listed.out).toMatch(new RegExp(`^${kid}  pending +generated `, 'm'));
    expect(listed.out).toContain('not registered yet');
    // Dates as a person reads them (shared/format), not ISO: "made 7 December 2026 (0 days)".
    expect(listed.out).toMatch(/made \d{1,2} [A-Z][a-z]+ \d{4} \(\d+ days\)/);
    expect(listed.out).not.toMatch(/made \d{4}-\d{2}-\d{2}/);

    // The kid Samarbeidsportalen lists for a key pasted as PEM (a UUID of its own), then back to the key's own.
    const portalKid = '3f2c9a1e-7b4d-4c55-9d0e-2a6f1b8c4e71';
    expect((await cli('keys', 'portal-kid', kid ?? '', portalKid)).out).toContain(`the portal's kid ${portalKid}`);
    expect((await cli('keys', 'list')).out).toContain(`portal kid ${portalKid} (the grant names it)`);
    const invalid = await cli('keys', 'portal-kid', kid ?? '', 'not a kid');
    expect(invalid).toMatchObject({ code: 2, err: expect.stringContaining('KEY_PORTAL_KID_INVALID') });
    expect((await cli('keys', 'portal-kid', kid ?? '')).out).toContain("the key's own kid");
    expect((await cli('keys', 'list')).out).not.toContain('portal kid');

    const printed = await cli('keys', 'export-jwk');
    expect(JSON.parse(printed.out)).toEqual({
      keys: [expect.objectContaining({ kid, kty: 'RSA', alg: 'RS256', use: 'sig' })],
    });
    expect(printed.out).not.toMatch(/"d"|PRIVATE/);
    const file = join(dataDir, 'jwks.json');
    expect((await cli('keys', 'export-jwk', '--out', file)).out).toContain(`Wrote 1 public key(s) to ${file}`);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(JSON.parse(printed.out));
  });

  it('explains what is missing before the setup is done', async () => {
    const result = await cli('token');
    expect(result.code).toBe(3);
    expect(result.err).toContain('SETUP_CLIENT_MISSING');
  });

  it('prints the systembruker token’s claims after the wizard’s steps, and the token only when asked', async () => {
    // The wizard's steps, through the same channels the UI uses, on the same data folder.
    const app = createAppServices({
      dataDir,
      host: 'node',
      version: '0.0.0-test',
      log: silentLogger,
      desktop: {
        openExternal: async () => undefined,
        pickFiles: async () => [],
        saveFile: async () => null,
        writeClipboard: async () => undefined,
        notify: () => undefined,
      },
    });
    const ok = async (channel: ChannelName, payload?: unknown) => {
      const result = await app.dispatch(channel, payload);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
      return result.value;
    };
    try {
      await ok('maskinporten.registerSandboxClient');
      await ok('systemuser.registerSystem', { services: ['a-melding'] });
      await ok('systemuser.createRequest', { ownerOrgNumber: ORG });
      const opened: string[] = [];
      app.options.desktop.openExternal = async (url) => void opened.push(url);
      await ok('systemuser.openApproval');
      expect(await decide(opened[0] ?? '', 'approve')).toContain('Accepted');
    } finally {
      await app.dispose();
    }

    const checked = await cli('token', '--check');
    expect(checked.code).toBe(0);
    expect(checked.out).toContain('Token received from Maskinporten.');
    expect(checked.out).toContain('skatteetaten:innrapporteringamelding');
    expect(checked.out).toMatch(new RegExp(`System user: [0-9a-f-]{36} \\(org ${ORG}, system ${ORG}_innsender\\)`));
    expect(checked.out).not.toContain('eyJ');

    const json = await cli('--json', 'token');
    const parsed = JSON.parse(json.out) as { ok: boolean; value: Record<string, unknown> };
    expect(parsed).toMatchObject({ ok: true, value: { claims: { systemUser: { orgNumber: ORG } } } });
    expect(json.out).not.toContain('eyJ');

    const plain = await cli('token', '--plain');
    expect(plain.code).toBe(0);
    expect(plain.out).toContain('altinn:authentication/systemregister.write');
    expect(plain.out).not.toContain('System user:');

    const withToken = await cli('token', '--print-token');
    expect(withToken.out.trimEnd().split('\n').at(-1)).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);

    const refused = await cli('token', '--scope', 'skatteetaten:innrapporteringboligselskap');
    expect(refused.code).toBe(3);
    expect(refused.out).toMatch(/MASKINPORTEN_\w+/);
  });
});

// A registered key on a clock a year ahead: `innsender keys` said "expires 7 December 2027 (-3 days)" for a key
// Maskinporten refuses (MP-121); it now says it as Oppsett's key table does, in the CLI's language.
describe('innsender keys on a clock a year after the key was registered', () => {
  let dataDir: string;
  const registered = new Date('2026-12-07T09:00:00.000Z');
  const dayAfter = (days: number) => () => new Date(registered.getTime() + days * 86_400_000);
  const cli = (now: () => Date, ...argv: string[]) => runCliCaptured(dataDir, argv, process.env, now);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-cli-keys-'));
    const at = dayAfter(0);
    expect((await cli(at, 'profiles', 'add', ORG, 'Fjellstue AS', '--env', 'sandbox')).code).toBe(0);
    expect((await cli(at, 'keys', 'generate')).code).toBe(0);
    // The sandbox client takes the key: it is registered on this day, so Maskinporten takes it for a year.
    expect((await cli(at, 'setup', 'client')).code).toBe(0);
  });
  afterAll(() => removeDataDir(dataDir));

  it('says the key has gone out, and when, in bokmål and in English: no negative days', async () => {
    const nb = await cli(dayAfter(368), 'keys');
    expect(nb.code).toBe(0);
    expect(nb.out).toMatch(
      /^\S+ {2}registrert +generert +laget 7\. desember 2026 \(368 dager\) {2}Gikk ut 7\. desember 2027$/m,
    );
    expect(nb.out).toContain('! Nøkkelen ');
    expect(nb.out).toContain('gikk ut 7. desember 2027; Maskinporten avviser den (MP-121).');
    expect(nb.out).toMatch(/^Maskinporten-nøkler for Fjellstue AS \(974 761 076, sandbox\):$/m);
    const en = await cli(dayAfter(368), '--lang', 'en', 'keys');
    expect(en.out).toMatch(
      /^\S+ {2}active +generated +made 7 December 2026 \(368 days\) {2}Expired on 7 December 2027$/m,
    );
    for (const out of [nb.out, en.out]) expect(out).not.toMatch(/-\d+ (dag|day)/);
  });

  it('counts the last day as the app does: "om 1 dag", then "i dag"', async () => {
    expect((await cli(dayAfter(364), 'keys')).out).toContain('utløper 7. desember 2027 (om 1 dag)');
    expect((await cli(dayAfter(365), 'keys')).out).toContain('utløper 7. desember 2027 (i dag)');
    expect((await cli(dayAfter(365), '--lang', 'en', 'keys')).out).toContain('expires 7 December 2027 (today)');
  });
});
