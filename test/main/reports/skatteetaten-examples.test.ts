import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkReportFiles } from '../../../main/reports/check-report-files';
import type { CheckResult } from '../../../shared/reports/check-result';

// Skatteetaten's own published examples; where each comes from and why each verdict is what it is:
// test/fixtures/skatteetaten-examples/PROVENANCE.md.
const dir = fileURLToPath(new URL('../../fixtures/skatteetaten-examples/', import.meta.url));
const options = { environment: 'test' as const, today: '2026-01-25' };
const errors = (r: CheckResult | undefined) =>
  r?.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.line ?? null, f.file?.split('/').pop()]);

describe("Skatteetaten's published examples", () => {
  it.each(['amelding-filopplasting-2026-02-17.json', 'amelding-filopplasting-2026-02-19.json'])(
    '%s: read as the service reads it (strings for numbers, only per-date withholding); refused only for deviation 173',
    async (name) => {
      const [result] = await checkReportFiles([dir + name], options);
      expect(result).toMatchObject({ kind: 'amelding', format: 'json', valid: false });
      expect(errors(result)).toEqual([['AMELDING_SUM_FORSKUDDSTREKK_PER_DATO', null, name]]);
      expect(result?.findings.map((f) => f.code)).not.toContain('AMELDING_SUM_FORSKUDDSTREKK');
      expect(result?.kind === 'amelding' && result.summary?.totals.forskuddstrekk).toBe(17022);
    },
  );

  it('the RF-1086 example of December 2024: the XSD accepts the dateTime followed by a line break; refused only for MTRA_004', async () => {
    const [result] = await checkReportFiles(
      [dir + 'rf1086-hovedskjema.xml', dir + 'rf1086-underskjema-12146.xml'],
      options,
    );
    expect(result).toMatchObject({ kind: 'rf1086', valid: false });
    expect(errors(result)).toEqual([
      ['RF1086_TRANSACTION_OUTSIDE_YEAR', 59, 'rf1086-hovedskjema.xml'],
      ['RF1086_TRANSACTION_OUTSIDE_YEAR', 34, 'rf1086-underskjema-12146.xml'],
    ]);
  });

  it('the newer RF-1086 shareholder form (spesifikasjonsnummer 12232) passes its own XSD; refused only for MTRA_004', async () => {
    const [result] = await checkReportFiles(
      [dir + 'rf1086-hovedskjema.xml', dir + 'rf1086-underskjema-12232.xml'],
      options,
    );
    expect(errors(result)).toEqual([
      ['RF1086_TRANSACTION_OUTSIDE_YEAR', 59, 'rf1086-hovedskjema.xml'],
      ['RF1086_TRANSACTION_OUTSIDE_YEAR', 34, 'rf1086-underskjema-12232.xml'],
    ]);
    expect(result?.kind === 'rf1086' && result.xsd).toEqual(['rf1086_hovedskjema_12144', 'rf1086_underskjema_12232']);
  });

  it('accepts the RF-1086 example once its founding is moved into the income year', async () => {
    const tmp = mkdtempSync(`${tmpdir()}/innsender-examples-`);
    const moved = (name: string) => {
      const path = `${tmp}/${name}`;
      writeFileSync(path, readFileSync(dir + name, 'utf8').replaceAll('2022-01-01T00:00:00', '2023-01-01T00:00:00'));
      return path;
    };
    const [result] = await checkReportFiles(
      [moved('rf1086-hovedskjema.xml'), moved('rf1086-underskjema-12146.xml')],
      options,
    );
    expect(errors(result)).toEqual([]);
    expect(result?.valid).toBe(true);
  });
});
