import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './run-cli';
import { CheckResultSchema } from '../../shared/reports/check-result';
import { fixturePath } from '../shared/reports/fixtures';

const FIXTURE_ORG = '211785462';

const cli = (dataDir: string, ...args: string[]) => runCliCaptured(dataDir, args);

const fresh = () => mkdtempSync(join(tmpdir(), 'innsender-cli-validate-'));

describe('innsender validate', () => {
  it('exits 0 for a valid a-melding under a test profile and prints the summary in the chosen language', async () => {
    const dir = fresh();
    await cli(dir, 'profiles', 'add', FIXTURE_ORG, 'Eksempel AS', '--env', 'test');
    const run = await cli(dir, '--lang', 'en', 'validate', fixturePath('amelding-example-v2_2.xml'));
    expect(run.code).toBe(0);
    expect(run.out).toContain('No errors found.');
    expect(run.out).toContain('Income recipients: 1');
    expect(run.out).toContain("Employer's contribution: 5,640 kr");
  });

  it("takes the organisation and environment from the active profile: another org's report has errors (exit 1)", async () => {
    const dir = fresh();
    await cli(dir, 'profiles', 'add', '974761076', 'Fjellstue AS', '--env', 'test');
    const run = await cli(dir, 'validate', fixturePath('amelding-example-v2_2.xml'));
    expect(run.code).toBe(1);
    expect(run.out).toContain('[AMELDING_OPPLYSNINGSPLIKTIG_NOT_PROFILE]');
    expect(run.out).toContain('Rapporten har feil og kan ikke sendes.');

    // --profile-org and --env override the profile.
    expect(
      (await cli(dir, 'validate', '--profile-org', FIXTURE_ORG, fixturePath('amelding-example-v2_2.xml'))).code,
    ).toBe(0);
    const production = await cli(
      dir,
      'validate',
      '--env',
      'production',
      '--profile-org',
      FIXTURE_ORG,
      fixturePath('amelding-example-v2_2.xml'),
    );
    expect(production.code).toBe(1);
    expect(production.out).toContain('_SYNTHETIC]');
  });

  it('uses the production rules when there is no profile and no --env', async () => {
    const run = await cli(fresh(), 'validate', fixturePath('amelding-example-v2_2.xml'));
    expect(run.code).toBe(1);
    expect(run.out).toContain('_SYNTHETIC]');
    expect(run.out).not.toContain('OPPLYSNINGSPLIKTIG_NOT_PROFILE');
  });

  it('prints every check result as JSON in the usual envelope with --json', async () => {
    const dir = fresh();
    const files = mkdtempSync(join(tmpdir(), 'innsender-cli-files-'));
    const json = join(files, 'januar.json');
    copyFileSync(fixturePath('amelding-example.json'), json);
    const run = await cli(
      dir,
      '--json',
      'validate',
      '--env',
      'test',
      '--profile-org',
      '314259521',
      json,
      fixturePath('rf1086-hovedskjema-example.xml'),
      fixturePath('rf1086-underskjema-example.xml'),
    );
    const parsed = JSON.parse(run.out) as { ok: true; value: unknown[] };
    expect(parsed.ok).toBe(true);
    const results = parsed.value.map((r) => CheckResultSchema.parse(r));
    expect(results.map((r) => r.kind)).toEqual(['amelding', 'rf1086']);
    // The a-melding is another organisation's; the RF-1086 is this one's.
    expect(results.map((r) => r.valid)).toEqual([false, true]);
    expect(run.code).toBe(1);
  });

  it('exits 2 for unreadable input, even next to a valid file', async () => {
    const dir = fresh();
    const files = mkdtempSync(join(tmpdir(), 'innsender-cli-files-'));
    const broken = join(files, 'broken.xml');
    writeFileSync(broken, readFileSync(fixturePath('amelding-example-v2_2.xml'), 'utf8').slice(0, 200));
    const run = await cli(dir, 'validate', '--env', 'test', fixturePath('amelding-example-v2_2.xml'), broken);
    expect(run.code).toBe(2);
    expect(run.out).toContain('XML_MALFORMED');
    expect((await cli(dir, 'validate', join(files, 'missing.xml'))).code).toBe(2);
  });

  it('exits 2 for bad usage: no file, an unknown environment, an invalid --profile-org', async () => {
    const dir = fresh();
    expect((await cli(dir, 'validate')).code).toBe(2);
    expect((await cli(dir, 'validate', '--env', 'moon', fixturePath('amelding-example-v2_2.xml'))).code).toBe(2);
    const bad = await cli(
      dir,
      '--json',
      'validate',
      '--profile-org',
      '123456789',
      fixturePath('amelding-example-v2_2.xml'),
    );
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out)).toMatchObject({ ok: false, error: { code: 'ORG_NUMBER_INVALID' } });
  });
});
