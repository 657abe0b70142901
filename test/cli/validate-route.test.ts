import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './run-cli';
import { fixturePath, fixtureText } from '../shared/reports/fixtures';
import type { RoutedReports } from '../../shared/reports/report-routing';

const NOW = () => new Date('2026-01-25T12:00:00Z');
const cli = (dataDir: string, ...args: string[]) => runCliCaptured(dataDir, args, {}, NOW);

/**
 * Two businesses set up here (the a-melding fixture's 211785462 and the RF-1086 fixtures' 314259521), and a folder
 * with their reports, a tredjepart file (the boligsameie fixture, oppgavegiver 974761076), an a-melding for an
 * organisation with no profile, and a file that is not UTF-8.
 */
async function setUp() {
  const dataDir = mkdtempSync(join(tmpdir(), 'innsender-cli-route-'));
  await cli(dataDir, 'profiles', 'add', '314259521', 'Kløver AS', '--env', 'test');
  await cli(dataDir, 'profiles', 'add', '211785462', 'Fjellstue AS', '--env', 'test');
  const folder = mkdtempSync(join(tmpdir(), 'innsender-cli-route-files-'));
  copyFileSync(fixturePath('amelding-example-v2_2.xml'), join(folder, 'fjellstue.xml'));
  copyFileSync(fixturePath('rf1086-hovedskjema-example.xml'), join(folder, 'klover-hoved.xml'));
  copyFileSync(fixturePath('rf1086-underskjema-example.xml'), join(folder, 'klover-under.xml'));
  const tredjepart = readFileSync(new URL('../fixtures/tredjepart/boligsameie.json', import.meta.url));
  writeFileSync(join(folder, 'sameiet.json'), tredjepart);
  writeFileSync(
    join(folder, 'ukjent.xml'),
    fixtureText('amelding-example-v2_2.xml').replace(
      '<norskIdentifikator>211785462</norskIdentifikator>',
      '<norskIdentifikator>311000004</norskIdentifikator>',
    ),
  );
  writeFileSync(join(folder, 'odelagt.xml'), Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c]));
  return { dataDir, folder };
}

describe('innsender validate --route', () => {
  it('prints the routing table for a folder: per profile, then the unknown orgs, then the unreadable', async () => {
    const { dataDir, folder } = await setUp();
    const run = await cli(dataDir, '--lang', 'en', 'validate', folder, '--route');
    expect(run.code).toBe(2);
    const lines = run.out.trimEnd().split('\n');
    expect(lines).toEqual([
      '== Fjellstue AS (211 785 462), profile',
      `  ${join(folder, 'fjellstue.xml')}  a-melding  ready`,
      '== Kløver AS (314 259 521), profile',
      expect.stringMatching(/^ {2}.*klover-hoved\.xml, .*klover-under\.xml {2}RF-1086 {2}(ready|\d+ errors)/),
      '== No profile for: 974 761 076',
      `  ${join(folder, 'sameiet.json')}  third-party information`,
      '== No profile for: 311 000 004',
      `  ${join(folder, 'ukjent.xml')}  a-melding`,
      '== Could not be read',
      expect.stringMatching(/odelagt\.xml: .*UTF-8/),
    ]);
  });

  it('gives the same routing as JSON', async () => {
    const { dataDir, folder } = await setUp();
    const run = await cli(
      dataDir,
      '--json',
      'validate',
      join(folder, 'fjellstue.xml'),
      join(folder, 'ukjent.xml'),
      '--route',
    );
    expect(run.code).toBe(1);
    const { ok, value } = JSON.parse(run.out) as { ok: boolean; value: RoutedReports };
    expect(ok).toBe(true);
    expect(value.groups.map((g) => [g.target.name, g.target.orgNumber, g.checks.map((c) => c.result.valid)])).toEqual([
      ['Fjellstue AS', '211785462', [true]],
    ]);
    expect(value.unknown).toEqual([
      { orgNumber: '311000004', files: [{ name: join(folder, 'ukjent.xml'), kind: 'amelding' }] },
    ]);
    expect(value.unreadable).toEqual([]);
  });

  /**
   * A housing co-ownership's folder: its boligsameie melding with an owner's number a synthetic (Tenor) one,
   * 26829398612 from Skatteetaten's RF-1086 example (Skatteetaten/api-dokumentasjon), which only the test environment
   * accepts; and a melding whose fields fit every scheme (no sums, no amounts), which the user must choose for.
   */
  async function sameieFolder(environment: 'production' | 'test') {
    const dataDir = mkdtempSync(join(tmpdir(), 'innsender-cli-route-'));
    await cli(dataDir, 'profiles', 'add', '974761076', 'Sameiet', '--env', environment);
    const folder = mkdtempSync(join(tmpdir(), 'innsender-cli-route-files-'));
    const melding = readFileSync(new URL('../fixtures/tredjepart/boligsameie.json', import.meta.url), 'utf8');
    writeFileSync(join(folder, 'sameiet.json'), melding.replace('22089010067', '26829398612'));
    const bare = { leveranse: { oppgavegiver: { organisasjonsnummer: '974761076' }, inntektsaar: 2025, oppgave: [] } };
    writeFileSync(join(folder, 'uklar.json'), JSON.stringify(bare));
    return { dataDir, folder };
  }

  it("checks tredjepart files with their target's rules, as the Reports page does, and names those left to choose", async () => {
    const production = await sameieFolder('production');
    const run = await cli(production.dataDir, '--lang', 'en', 'validate', production.folder, '--route');
    expect(run.out.trimEnd().split('\n')).toEqual([
      '== Sameiet (974 761 076), profile',
      `  ${join(production.folder, 'sameiet.json')}  third-party information, Housing co-ownership (RF-1140)  1 errors`,
      `  ${join(production.folder, 'uklar.json')}  third-party information  fits several schemes (boligselskap, boligsameie, gavertilfrivillige, aksjesparekonto, finansprodukter, skattefrieutbetalinger, aandsverk): choose with --scheme`,
    ]);
    expect(run.code).toBe(1);

    // The finding is the one the same service gives `innsender tredjepart validate` for the same profile.
    const routed = JSON.parse((await cli(production.dataDir, '--json', 'validate', production.folder, '--route')).out)
      .value as RoutedReports;
    const single = JSON.parse(
      (
        await cli(
          production.dataDir,
          '--json',
          'tredjepart',
          'validate',
          'boligsameie',
          join(production.folder, 'sameiet.json'),
        )
      ).out,
    ).value as { findings: { code: string }[] };
    const [checked] = routed.groups[0]!.tredjepart;
    expect(checked?.check?.result.findings.map((f) => f.code)).toEqual(['TREDJEPART_OPPGAVEEIER_PERSON_ID_SYNTHETIC']);
    expect(checked?.check?.result.findings).toEqual(single.findings);

    // In the test environment the synthetic number is allowed: the target's environment decides.
    const test = await sameieFolder('test');
    const inTest = await cli(test.dataDir, '--lang', 'en', 'validate', join(test.folder, 'sameiet.json'), '--route');
    expect(inTest.out).toContain('Housing co-ownership (RF-1140)  ready');
    expect(inTest.code).toBe(0);
  });

  it('checks a tredjepart file that fits several schemes with the one --scheme chooses', async () => {
    const { dataDir, folder } = await sameieFolder('test');
    const run = await cli(
      dataDir,
      '--json',
      'validate',
      join(folder, 'uklar.json'),
      '--route',
      '--scheme',
      'boligselskap',
    );
    const [file] = (JSON.parse(run.out).value as RoutedReports).groups[0]!.tredjepart;
    expect(file?.check?.result.scheme).toBe('boligselskap');
    expect(file?.check?.result.valid).toBe(false);
    expect(run.code).toBe(1);

    const refused = await cli(dataDir, 'validate', folder, '--route', '--scheme', 'ukjent');
    expect(refused.code).toBe(2);
    const withoutRoute = await cli(dataDir, 'validate', join(folder, 'uklar.json'), '--scheme', 'boligselskap');
    expect(withoutRoute).toMatchObject({ code: 2, out: '' });
    expect(withoutRoute.err).toBe(
      'VALIDATE_SCHEME_WITHOUT_ROUTE: --scheme gjelder bare med --route: ordningen til tredjepartsfiler som fordeles.\n',
    );
  });
});
