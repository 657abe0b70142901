import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReportFiles } from '../../../main/reports/check-report-files';
import { CheckResultSchema } from '../../../shared/reports/check-result';
import { fixturePath, fixtureText } from '../../shared/reports/fixtures';

const options = { environment: 'test' as const, today: '2026-01-25' };
const tmp = mkdtempSync(join(tmpdir(), 'innsender-check-'));
function writeTemp(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

describe('checkReportFiles', () => {
  it('finds no errors or warnings in the spec examples (v2_2 XML, v2_3 XML, JSON)', async () => {
    const results = await checkReportFiles(
      [
        fixturePath('amelding-example-v2_2.xml'),
        fixturePath('amelding-example-v2_3.xml'),
        fixturePath('amelding-example.json'),
      ],
      options,
    );
    expect(results.map((r) => [r.kind, r.findings])).toEqual([
      ['amelding', []],
      ['amelding', []],
      ['amelding', []],
    ]);
    for (const r of results) expect(CheckResultSchema.parse(r)).toEqual(r);
    const [v22, v23, json] = results;
    expect(v22).toMatchObject({ version: 'v2_2', format: 'xml', xsd: 'amelding_v2_2', valid: true });
    expect(v23).toMatchObject({ version: 'v2_3', format: 'xml', xsd: 'amelding_v2_3', valid: true });
    expect(json).toMatchObject({ format: 'json', xsd: null, valid: true });
  });

  it('summarises the a-melding', async () => {
    const [result] = await checkReportFiles([fixturePath('amelding-example-v2_2.xml')], options);
    expect(result?.kind === 'amelding' && result.summary).toMatchObject({
      kalendermaaned: '2026-01',
      frist: '2026-02-05',
      opplysningspliktig: '211785462',
      inntektsmottakere: 1,
      virksomheter: [
        { organisasjonsnummer: '314768949', inntektsmottakere: 1, inntekt: '40000', forskuddstrekk: 12000 },
      ],
      totals: {
        inntekt: '40000',
        forskuddstrekk: 12000,
        arbeidsgiveravgift: 5640,
        arbeidsgiveravgiftPerSone: [{ sone: '1', grunnlag: '40000', arbeidsgiveravgift: 5640 }],
      },
    });
  });

  it('rejects the synthetic person number in production and another org than the profile', async () => {
    const [result] = await checkReportFiles([fixturePath('amelding-example-v2_2.xml')], {
      ...options,
      environment: 'production',
      profileOrg: '974761076',
    });
    expect(result?.valid).toBe(false);
    expect(result?.findings.map((f) => f.code).sort()).toEqual([
      'AMELDING_INNTEKTSMOTTAKER_PERSON_ID_SYNTHETIC',
      'AMELDING_OPPLYSNINGSPLIKTIG_NOT_PROFILE',
    ]);
    const synthetic = result?.findings.find((f) => f.code.endsWith('SYNTHETIC'));
    expect(synthetic).toMatchObject({ line: 19, file: fixturePath('amelding-example-v2_2.xml') });
  });

  it('maps XSD errors to findings with line and document path, and skips the rules on a broken structure', async () => {
    const broken = fixtureText('amelding-example-v2_2.xml').replace(
      '<sumForskuddstrekk>12000</sumForskuddstrekk>',
      '<sumForskuddstrekk>tolv</sumForskuddstrekk>',
    );
    const [result] = await checkReportFiles([writeTemp('broken.xml', broken)], options);
    expect(result?.valid).toBe(false);
    const xsd = result?.findings.find((f) => f.code === 'XSD_INVALID');
    expect(xsd).toMatchObject({ line: 13, path: 'leveranse/oppgave/betalingsinformasjon/sumForskuddstrekk' });
    expect(xsd?.message.en).toContain("Element 'sumForskuddstrekk'");
    expect(result?.findings.map((f) => f.code)).toContain('REPORT_RULES_SKIPPED');
    expect(result?.kind === 'amelding' && result.summary).toBeNull();
  });

  it('checks v2_3 additions against the project-owned extension, and rejects them under v2_2', async () => {
    const v23AsV22 = fixtureText('amelding-example-v2_3.xml').replace('a-meldingen:v2_3', 'a-meldingen:v2_2');
    const [result] = await checkReportFiles([writeTemp('v23-as-v22.xml', v23AsV22)], options);
    expect(result?.findings.filter((f) => f.code === 'XSD_INVALID').length).toBeGreaterThan(0);
  });

  it('reports files that are not reports as unreadable: XXE, billion laughs, broken UTF-8, unknown kind, missing', async () => {
    const results = await checkReportFiles(
      [
        fixturePath('xxe.xml'),
        fixturePath('billion-laughs.xml'),
        fixturePath('broken-utf8.xml'),
        writeTemp('other.xml', '<faktura/>'),
        join(tmp, 'missing.xml'),
      ],
      options,
    );
    expect(results.map((r) => [r.kind, r.findings[0]?.code])).toEqual([
      ['unreadable', 'XML_DOCTYPE_FORBIDDEN'],
      ['unreadable', 'XML_DOCTYPE_FORBIDDEN'],
      ['unreadable', 'REPORT_ENCODING_INVALID'],
      ['unreadable', 'REPORT_KIND_UNKNOWN'],
      ['unreadable', 'REPORT_FILE_NOT_FOUND'],
    ]);
    expect(results[2]?.findings[0]).toMatchObject({ line: 4, column: 23 });
  });

  it('refuses deeply nested XML and JSON as unreadable with a clear finding, XSD worker and all', async () => {
    const ns = 'urn:ske:fastsetting:innsamling:a-meldingen:v2_3';
    const results = await checkReportFiles(
      [
        writeTemp('deep.xml', `<melding xmlns="${ns}">${'<a>'.repeat(40_000)}${'</a>'.repeat(40_000)}</melding>`),
        writeTemp('deep.json', `{"leveranse":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`),
      ],
      options,
    );
    expect(results.map((r) => [r.kind, r.findings.map((f) => f.code)])).toEqual([
      ['unreadable', ['REPORT_NESTING_TOO_DEEP']],
      ['unreadable', ['REPORT_NESTING_TOO_DEEP']],
    ]);
  });

  it('checks an RF-1086 main form and shareholder forms selected together as one return', async () => {
    const second = fixtureText('rf1086-underskjema-example.xml')
      .replace('26829398612', '974761076')
      .replace(
        '<AksjonarFodselsnummer-datadef-1156 orid="1156">974761076</AksjonarFodselsnummer-datadef-1156>',
        '<AksjonarOrganisasjonsnummer-datadef-7597 orid="7597">974761076</AksjonarOrganisasjonsnummer-datadef-7597>',
      );
    const results = await checkReportFiles(
      [
        fixturePath('rf1086-hovedskjema-example.xml'),
        fixturePath('rf1086-underskjema-example.xml'),
        writeTemp('u2.xml', second),
      ],
      options,
    );
    expect(results).toHaveLength(1);
    const [result] = results;
    expect(result?.kind).toBe('rf1086');
    expect(result?.files).toHaveLength(3);
    // The second shareholder's 100 shares and 50 000 dividend make the sums disagree with the main form.
    expect(result?.findings.map((f) => f.code).sort()).toEqual([
      'RF1086_DIVIDEND_SUM_MISMATCH',
      'RF1086_SHARES_SUM_MISMATCH',
      'RF1086_SHARES_SUM_PREVIOUS_YEAR_MISMATCH',
    ]);
    expect(result?.findings.find((f) => f.code === 'RF1086_SHARES_SUM_MISMATCH')).toMatchObject({
      file: fixturePath('rf1086-hovedskjema-example.xml'),
      line: 31,
    });
  });

  it('finds nothing wrong in the RF-1086 examples', async () => {
    const [result] = await checkReportFiles(
      [fixturePath('rf1086-hovedskjema-example.xml'), fixturePath('rf1086-underskjema-example.xml')],
      options,
    );
    expect(result?.findings).toEqual([]);
    expect(result?.kind === 'rf1086' && result.summary).toMatchObject({
      selskap: { organisasjonsnummer: '314259521', navn: 'EKSEMPEL AS' },
      inntektsaar: '2025',
      aksjeklasser: [{ aksjeType: 'Ordinære aksjer', antallAksjer: 100, aksjonaerenesAksjer: 100, utbytte: '50000' }],
      totals: { aksjeklasser: 1, aksjonaerer: 1, underskjemaer: 1, utbytte: '50000' },
    });
  });
});
