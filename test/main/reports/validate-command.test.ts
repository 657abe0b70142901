import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runValidate } from '../../../main/reports/validate-command';
import { CheckResultSchema } from '../../../shared/reports/check-result';
import { fixturePath, fixtureText } from '../../shared/reports/fixtures';

const base = { environment: 'test' as const, json: false, lang: 'en' as const, check: { today: '2026-01-25' } };

describe('runValidate', () => {
  it('exits 0 for a valid report and prints the summary', async () => {
    const { exitCode, stdout } = await runValidate([fixturePath('amelding-example-v2_2.xml')], base);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('No errors found.');
    expect(stdout).toContain('Period: 2026-01 (deadline 2026-02-05)');
    expect(stdout).toContain('Income recipients: 1');
    expect(stdout).toContain("Employer's contribution: 5640 kr");
  });

  it('names the XSD versions it checked an RF-1086 return against', async () => {
    const files = [fixturePath('rf1086-hovedskjema-example.xml'), fixturePath('rf1086-underskjema-example.xml')];
    const { stdout } = await runValidate(files, base);
    expect(stdout).toContain('Checked against the XSD: RF-1086 hovedskjema 12144, RF-1086 underskjema 12146');
    expect((await runValidate(files, { ...base, lang: 'nb' })).stdout).toContain(
      'Kontrollert mot XSD: RF-1086 hovedskjema 12144, RF-1086 underskjema 12146',
    );
  });

  it('exits 1 with findings grouped, in Norwegian', async () => {
    const { exitCode, stdout } = await runValidate([fixturePath('amelding-example-v2_2.xml')], {
      ...base,
      lang: 'nb',
      profileOrg: '974761076',
    });
    expect(exitCode).toBe(1);
    expect(stdout).toContain('Feil (1):');
    expect(stdout).toContain('[AMELDING_OPPLYSNINGSPLIKTIG_NOT_PROFILE]');
    expect(stdout).toContain('Rapporten har feil og kan ikke sendes.');
  });

  it('exits 2 for unreadable input, even next to a valid file', async () => {
    const { exitCode } = await runValidate([fixturePath('amelding-example-v2_2.xml'), fixturePath('xxe.xml')], base);
    expect(exitCode).toBe(2);
    expect((await runValidate([], base)).exitCode).toBe(2);
  });

  it('prints the check results as JSON with --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innsender-validate-'));
    const path = join(dir, 'a.json');
    writeFileSync(path, fixtureText('amelding-example.json'));
    const { exitCode, stdout } = await runValidate(
      [path, fixturePath('rf1086-hovedskjema-example.xml'), fixturePath('rf1086-underskjema-example.xml')],
      {
        ...base,
        json: true,
      },
    );
    expect(exitCode).toBe(0);
    const results = JSON.parse(stdout).map((r: unknown) => CheckResultSchema.parse(r));
    expect(results.map((r: { kind: string }) => r.kind)).toEqual(['amelding', 'rf1086']);
  });
});
