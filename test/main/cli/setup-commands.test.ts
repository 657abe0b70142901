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

// `innsender keys` and `innsender token` against the real keychain and the emulator, sharing the app's data folder.
describe('innsender keys and innsender token', () => {
  let dataDir: string;
  const cli = (...argv: string[]) => runCliCaptured(dataDir, ['--lang', 'en', ...argv], process.env);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-cli-setup-'));
  });
  afterAll(async () => {
    // The CLI uses the app's own keychain service (a throwaway keyring under with-keyring.sh); remove our entries.
    const store = createKeytarKeyStore();
    const state = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as { activeProfileId: string };
    for (const account of await store.list())
      if (account.startsWith(`${state.activeProfileId}:`)) await store.delete(account);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lists, generates and exports keys for the active profile', async () => {
    expect((await cli('profiles', 'add', ORG, 'Fjellstue AS', '--env', 'sandbox')).code).toBe(0);
    expect((await cli('keys')).out).toContain('No Maskinporten key yet');
    const generated = await cli('keys', 'generate');
    expect(generated.code).toBe(0);
    const kid = /Generated (\S+)\./.exec(generated.out)?.[1];
    expect(kid).toBeTruthy();
    const listed = await cli('keys', 'list');
    expect(listed.out).toContain(`${kid}  pending  generated`);
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
