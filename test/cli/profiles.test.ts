import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCaptured } from './run-cli';
import { realEndpoints } from '../../main/environments/table';

const cli = (dataDir: string, ...args: string[]) => runCliCaptured(dataDir, args);

describe('innsender profiles', () => {
  it('adds, lists (text and JSON), switches and removes profiles in the shared data folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'innsender-cli-'));
    expect((await cli(dir, 'profiles')).out).toMatch(/No profiles yet/);

    const added = await cli(dir, 'profiles', 'add', '974 761 076', 'Fjellstue AS', '--env', 'test');
    expect(added.code).toBe(0);
    await cli(dir, 'profiles', 'add', '314768949', 'Øving AS');

    const listed = await cli(dir, '--json', 'profiles', 'list');
    const parsed = JSON.parse(listed.out) as {
      ok: true;
      value: { profiles: { orgNumber: string; id: string }[]; activeProfileId: string };
    };
    expect(parsed.value.profiles.map((p) => p.orgNumber)).toEqual(['974761076', '314768949']);
    expect(parsed.value.activeProfileId).toBe(parsed.value.profiles[0]!.id);

    expect((await cli(dir, 'profiles', 'use', '314768949')).code).toBe(0);
    expect((await cli(dir, 'profiles')).out).toMatch(/^\* 314768949/m);
    expect((await cli(dir, 'profiles', 'remove', '974761076')).code).toBe(0);
    expect((await cli(dir, 'profiles')).out).not.toMatch(/974761076/);
  });

  it('refuses a mistyped org number by saying so, in the CLI language, before anything is made (exit 2)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'innsender-cli-'));
    // 974 761 076 with its check digit changed: the bookkeeper's most likely typo.
    const typo = await cli(dir, 'profiles', 'add', '974761077', 'Fjellstue AS');
    expect(typo.code).toBe(2);
    expect(typo.err).toBe(
      'PROFILE_ORG_NUMBER_INVALID: Organisasjonsnummeret 974 761 077 er ikke gyldig. Sjekk at alle ni sifrene er riktige, som i Enhetsregisteret.\n',
    );
    const short = await cli(dir, '--lang', 'en', 'profiles', 'add', '97476107', 'Fjellstue AS');
    expect(short.code).toBe(2);
    expect(short.err).toBe(
      'PROFILE_ORG_NUMBER_INVALID: The organisation number 97476107 is not valid. Check that all nine digits are right, as in Enhetsregisteret.\n',
    );
    const reportsOrg = await cli(dir, 'profiles', 'add', '974761076', 'Fjellstue AS', '--reports-org', '31336700');
    expect(reportsOrg.code).toBe(2);
    expect(reportsOrg.err).toMatch(/^PROFILE_ORG_NUMBER_INVALID: Organisasjonsnummeret 31336700 er ikke gyldig/);
    expect((await cli(dir, 'profiles')).out).toMatch(/No profiles yet/);
  });

  it('takes the name from Enhetsregisteret (the sandbox’s register) when none is given, and says so with the date', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'innsender-cli-'));
    const added = await cli(dir, 'profiles', 'add', '211785462');
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/211785462 +sandbox +Syntetisk arbeidsgiver AS/);
    expect(added.err).toMatch(
      /^Fra Enhetsregisteret \(hentet \d{1,2}\. \p{L}+ \d{4}\): Syntetisk arbeidsgiver AS, AS, stiftet 1\. mars 2018\./u,
    );
  });

  it('refuses an invalid org number with a code a script can branch on, exit code 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'innsender-cli-'));
    const json = await cli(dir, '--json', '--lang', 'en', 'profiles', 'add', '123456789', 'X');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out)).toMatchObject({
      ok: false,
      error: { code: 'PROFILE_ORG_NUMBER_INVALID', message: { nb: expect.stringContaining('123 456 789') } },
    });
  });

  it('answers usage errors with exit code 2 and --version with 0', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'innsender-cli-'));
    expect((await cli(dir, 'no-such-command')).code).toBe(2);
    const version = await cli(dir, '--version');
    expect(version).toMatchObject({ code: 0, out: '1.2.3\n' });
  });

  it('adds a custom environment from a file named on the command line, with hosts outside the known domains confirmed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'innsender-cli-'));
    const file = join(dir, 'proxy.json');
    const content = JSON.parse(JSON.stringify(realEndpoints('test'))) as { dialogporten: { base: string } };
    content.dialogporten.base = 'https://dp.proxy.example/dialogporten';
    await writeFile(file, JSON.stringify(content));

    const args = ['profiles', 'add', '974761076', 'Fjellstue AS', '--env', 'custom', '--env-file', file];
    const refused = await cli(dir, '--lang', 'en', ...args);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/^CUSTOM_ENV_HOSTS_UNCONFIRMED: .*dp\.proxy\.example/);
    expect((await cli(dir, 'profiles')).out).toMatch(/No profiles yet/);

    const added = await cli(dir, ...args, '--confirm-host', 'dp.proxy.example');
    expect(added).toMatchObject({ code: 0, out: expect.stringMatching(/^Added 974761076 {2}custom/) });

    // The file later sends somewhere new: every call stops until that host is confirmed too.
    content.dialogporten.base = 'https://other.example/dialogporten';
    await writeFile(file, JSON.stringify(content));
    const confirmed = await cli(dir, 'profiles', 'confirm-hosts', 'other.example');
    expect(confirmed).toMatchObject({ code: 0, out: 'Confirmed: other.example\n' });
  });

  it('refuses an http address to another host in the custom file, naming the field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'innsender-cli-'));
    const file = join(dir, 'http.json');
    const content = JSON.parse(JSON.stringify(realEndpoints('test'))) as { maskinporten: { tokenEndpoint: string } };
    content.maskinporten.tokenEndpoint = 'http://test.maskinporten.no/token';
    await writeFile(file, JSON.stringify(content));
    const refused = await cli(dir, 'profiles', 'add', '974761076', 'X', '--env', 'custom', '--env-file', file);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/^CUSTOM_ENV_INVALID: /);
    expect(refused.err).toMatch(/maskinporten\.tokenEndpoint: must be an https address/);
  });
});
