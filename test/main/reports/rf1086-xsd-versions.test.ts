import { describe, expect, it } from 'vitest';
import { checkReportFiles } from '../../../main/reports/check-report-files';
import { validateAgainstXsd } from '../../../main/reports/xsd-validate';
import { CheckResultSchema, type CheckResult } from '../../../shared/reports/check-result';
import { knownRf1086Versions, XSD_VERSIONS, type XsdUsed } from '../../../shared/reports/xsd-versions';
import { fixturePath, fixtureText, tempFiles } from '../../shared/reports/fixtures';

const options = { environment: 'test' as const, today: '2026-01-25' };
const writeTemp = tempFiles('innsender-xsd-versions-');
const codes = (r: CheckResult | undefined) => r?.findings.map((f) => [f.code, f.file?.split('/').pop()]);

// A form that declares each shipped RF-1086 version. rf1086-underskjema-example-12232.xml is
// rf1086-underskjema-example.xml with only what version 12232 requires changed: spesifikasjonsnummer="12232", and
// the share class as a code of the 12232 XSD's KodelisteAksjeklasse ("01", as in Skatteetaten's own example) instead
// of free text (Skatteetaten/api-dokumentasjon, static/download/aksjonaerregisteroppgaveUnderskjema.xsd at commit
// 1311d1d400791d095c0531d1d1081ce6c93d4dea; see assets/schemas/PROVENANCE.md).
const FORM_DECLARING: Record<Extract<XsdUsed, `rf1086_${string}`>, string> = {
  rf1086_hovedskjema_12144: 'rf1086-hovedskjema-example.xml',
  rf1086_underskjema_12146: 'rf1086-underskjema-example.xml',
  rf1086_underskjema_12232: 'rf1086-underskjema-example-12232.xml',
};
// The main form for a 12232 return names its class by the same code as its shareholder forms.
const mainFormWithClassCode = () =>
  writeTemp('hovedskjema-01.xml', fixtureText('rf1086-hovedskjema-example.xml').replace('>Ordinære aksjer<', '>01<'));

describe('RF-1086 XSD versions, chosen by the form’s spesifikasjonsnummer', () => {
  it('has a form for every shipped RF-1086 version, and each passes its own XSD', async () => {
    const shipped = Object.keys(XSD_VERSIONS).filter((id) => id.startsWith('rf1086_'));
    expect(Object.keys(FORM_DECLARING).sort()).toEqual(shipped.sort());
    for (const [xsd, fixture] of Object.entries(FORM_DECLARING) as [XsdUsed, string][]) {
      const text = fixtureText(fixture);
      const declared = XSD_VERSIONS[xsd];
      expect('rf1086' in declared && text).toContain(
        `spesifikasjonsnummer="${'rf1086' in declared && declared.rf1086.spesifikasjonsnummer}"`,
      );
      const found = await validateAgainstXsd([{ key: fixture, xml: text }], xsd);
      expect([xsd, found.get(fixture)]).toEqual([xsd, []]);
    }
  });

  it('still accepts the forms of the older versions and says which XSDs it used', async () => {
    const [result] = await checkReportFiles(
      [fixturePath('rf1086-hovedskjema-example.xml'), fixturePath('rf1086-underskjema-example.xml')],
      options,
    );
    expect(result).toMatchObject({ kind: 'rf1086', valid: true, findings: [] });
    expect(result?.kind === 'rf1086' && result.xsd).toEqual(['rf1086_hovedskjema_12144', 'rf1086_underskjema_12146']);
    expect(CheckResultSchema.parse(result)).toEqual(result);
  });

  it('checks a 12232 shareholder form against the 12232 XSD and accepts the return', async () => {
    const [result] = await checkReportFiles(
      [mainFormWithClassCode(), fixturePath('rf1086-underskjema-example-12232.xml')],
      options,
    );
    expect(codes(result)).toEqual([]);
    expect(result).toMatchObject({ kind: 'rf1086', valid: true });
    expect(result?.kind === 'rf1086' && result.xsd).toEqual(['rf1086_hovedskjema_12144', 'rf1086_underskjema_12232']);
  });

  it('holds a form declaring 12232 to the 12232 XSD, not the older one (free-text share class refused)', async () => {
    const declared12232 = fixtureText('rf1086-underskjema-example.xml').replace(
      'spesifikasjonsnummer="12146"',
      'spesifikasjonsnummer="12232"',
    );
    const [result] = await checkReportFiles(
      [fixturePath('rf1086-hovedskjema-example.xml'), writeTemp('u-12232-free-text.xml', declared12232)],
      options,
    );
    const xsd = result?.findings.filter((f) => f.code === 'XSD_INVALID') ?? [];
    expect(xsd).toHaveLength(1);
    expect(xsd[0]).toMatchObject({ line: 6, file: expect.stringContaining('u-12232-free-text.xml') });
    expect(xsd[0]?.message.en).toContain("'Ordinære aksjer' is not an element of the set");
  });

  it('picks the version the same way for a file it only reads after the parse (declared ISO-8859-1)', async () => {
    const latin1 = Buffer.from(
      fixtureText('rf1086-underskjema-example-12232.xml').replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'),
      'latin1',
    );
    const path = writeTemp('u-latin1.xml', latin1);
    const [both] = await checkReportFiles([mainFormWithClassCode(), path], options);
    expect(codes(both)).toEqual([]);
    expect(both?.kind === 'rf1086' && both.xsd).toContain('rf1086_underskjema_12232');
  });

  it.each([
    [
      'underskjema',
      'rf1086-underskjema-example.xml',
      'spesifikasjonsnummer="12146"',
      '923',
      knownRf1086Versions('underskjema'),
    ],
    [
      'hovedskjema',
      'rf1086-hovedskjema-example.xml',
      'spesifikasjonsnummer="12144"',
      '890',
      knownRf1086Versions('hovedskjema'),
    ],
  ])(
    'refuses a %s with a spesifikasjonsnummer no shipped XSD has, naming the known versions, and checks the rest',
    async (form, fixture, declared, skjemanummer, known) => {
      const unknown = writeTemp(
        `${form}-99999.xml`,
        fixtureText(fixture).replace(declared, 'spesifikasjonsnummer="99999"'),
      );
      const other = form === 'underskjema' ? 'rf1086-hovedskjema-example.xml' : 'rf1086-underskjema-example.xml';
      const [result] = await checkReportFiles([fixturePath(other), unknown], options);
      expect(result).toMatchObject({ kind: 'rf1086', valid: false });
      expect(codes(result)).toEqual([['RF1086_XSD_VERSION_UNKNOWN', `${form}-99999.xml`]]);
      const finding = result?.findings[0];
      expect(finding).toMatchObject({ severity: 'error', line: 2, path: 'Skjema/@spesifikasjonsnummer' });
      expect(finding?.message.nb).toContain(`spesifikasjonsnummer 99999`);
      expect(finding?.message.nb).toContain(`Kjente versjoner for skjemanummer ${skjemanummer}: ${known.join(', ')}`);
      expect(finding?.message.nb).toContain('oppdater Innsender');
      expect(finding?.message.en).toContain(`Known versions for skjemanummer ${skjemanummer}: ${known.join(', ')}`);
      expect(finding?.message.en).toContain('update Innsender');
      // The other form was still checked against its own XSD; none was used for the unknown one.
      expect(result?.kind === 'rf1086' && result.xsd).toEqual([
        form === 'underskjema' ? 'rf1086_hovedskjema_12144' : 'rf1086_underskjema_12146',
      ]);
    },
  );

  it('checks a form without a spesifikasjonsnummer against the newest version, whose XSD requires it', async () => {
    const without = writeTemp(
      'u-none.xml',
      fixtureText('rf1086-underskjema-example-12232.xml').replace(' spesifikasjonsnummer="12232"', ''),
    );
    const [result] = await checkReportFiles([mainFormWithClassCode(), without], options);
    expect(codes(result)).toEqual([['XSD_INVALID', 'u-none.xml']]);
    expect(result?.findings[0]?.message.en).toContain("attribute 'spesifikasjonsnummer' is required");
    expect(result?.kind === 'rf1086' && result.xsd).toContain('rf1086_underskjema_12232');
  });
});
