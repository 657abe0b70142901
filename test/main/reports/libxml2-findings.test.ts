import { describe, expect, it } from 'vitest';
import { mendLibxml2Findings } from '../../../main/reports/libxml2-findings';
import { validateAgainstXsd } from '../../../main/reports/xsd-validate';
import { fixtureText } from '../../shared/reports/fixtures';
import { loadSchema } from '../../../main/reports/schema-files';

const TIDSPUNKT = /(<AksjeUtbytteTidspunkt-datadef-17667 orid="17667">)2025-06-15T12:00:00(<)/;

/** The project's main form example with the dividend time written as `value`, through libxml2 and the mending. */
async function check(value: string) {
  const xml = fixtureText('rf1086-hovedskjema-example.xml').replace(TIDSPUNKT, `$1${value}$2`);
  const raw = (await validateAgainstXsd([{ key: 'a', xml }], 'rf1086_hovedskjema_12144')).get('a')!;
  return { raw, mended: mendLibxml2Findings(raw, await loadSchema('rf1086_hovedskjema_12144')) };
}

describe('mendLibxml2Findings', () => {
  // XML Schema Part 2 §3.2.7: xs:dateTime has whiteSpace fixed to collapse. Skatteetaten's RF-1086 example
  // (Skatteetaten/api-dokumentasjon, docs/api/innrapportering-aksjonaerregisteroppgave.md) is written this way.
  it('drops the refusal of a dateTime followed by a line break and indentation, which libxml2 splits in two', async () => {
    const { raw, mended } = await check('2025-06-15T12:00:00\n            ');
    expect(raw.map((f) => f.line ?? null)).toEqual([47, null]);
    expect(mended).toEqual([]);
  });

  it('keeps a dateTime that is invalid once collapsed, as one finding with its line', async () => {
    const { mended } = await check('2025-13-15T12:00:00\n            ');
    expect(mended).toHaveLength(1);
    expect(mended[0]).toMatchObject({ code: 'XSD_INVALID', severity: 'error', line: 47 });
    expect(mended[0]!.message.en).toContain("'2025-13-15T12:00:00\n' is not a valid value of the atomic type");
    expect(mended[0]!.message.nb).toMatch(/^Følger ikke skjemaet \(XSD\) på linje 47: /);
  });

  it('leaves other findings alone, and a type with facets to libxml2', () => {
    const finding = (line: number | undefined, en: string) => ({
      code: 'XSD_INVALID',
      severity: 'error' as const,
      path: '',
      message: { nb: en, en },
      ...(line ? { line } : {}),
    });
    const other = finding(3, "Does not follow the schema (XSD) at line 3: Element 'A': This element is not expected.");
    const faceted = finding(
      4,
      "Does not follow the schema (XSD) at line 4: Element 'B': ' 2020-01-01 ' is not a valid value of the atomic type 'Dato'.",
    );
    const schema =
      '<xs:simpleType name="Dato"><xs:restriction base="xs:date"><xs:pattern value="20.*"/></xs:restriction></xs:simpleType>';
    expect(mendLibxml2Findings([other, faceted], schema)).toEqual([other, faceted]);
  });
});
