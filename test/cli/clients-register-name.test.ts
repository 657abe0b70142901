import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from './run-cli';

// `innsender clients add <orgnr>` without a name takes the client's from the sandbox's Enhetsregisteret. Runs in a
// private keychain (with-keyring.sh).
describe('innsender clients add without a name', () => {
  let dataDir: string;
  const cli = (...args: string[]) => runCliCaptured(dataDir, args);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-cli-clients-'));
    expect((await cli('profiles', 'add', '974761076', 'Regnskap AS', '--firm')).code).toBe(0);
    // A client is added once the firm's system is registered with its services in Altinn (setup steps 1–3; the
    // keys in with-keyring.sh's private keychain).
    expect((await cli('keys', 'generate')).code).toBe(0);
    expect((await cli('setup', 'client')).code).toBe(0);
    expect((await cli('setup', 'system', 'a-melding')).code).toBe(0);
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it('adds the client under the register’s name and says where the name is from, in English with --lang en', async () => {
    const added = await cli('--lang', 'en', 'clients', 'add', '312000008');
    expect(added.code).toBe(0);
    expect(added.err).toMatch(
      /^From Enhetsregisteret \(fetched \d{1,2} \p{L}+ \d{4}\): Syntetisk selskap 312000008 AS, AS/u,
    );
    expect((await cli('clients')).out).toMatch(/^312 000 008 .*Syntetisk selskap 312000008 AS/m);
  });

  it('refuses a number that is not valid before asking the register, with exit code 2', async () => {
    const bad = await cli('clients', 'add', '974761077');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^REGISTER_ORG_INVALID: «974761077» er ikke et gyldig organisasjonsnummer/);
  });
});
