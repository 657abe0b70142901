import { describe, expect, it } from 'vitest';
import { validateAgainstXsd } from '../../../main/reports/xsd-validate';
import { fixtureText } from '../../shared/reports/fixtures';

describe('validateAgainstXsd', () => {
  it('accepts the spec examples against the official XSDs and the v2_3 file against the project extension', async () => {
    const [a, b, c, d] = await Promise.all([
      validateAgainstXsd([{ key: 'a', xml: fixtureText('amelding-example-v2_2.xml') }], 'amelding_v2_2'),
      validateAgainstXsd([{ key: 'a', xml: fixtureText('amelding-example-v2_3.xml') }], 'amelding_v2_3'),
      validateAgainstXsd([{ key: 'a', xml: fixtureText('rf1086-hovedskjema-example.xml') }], 'rf1086_hovedskjema'),
      validateAgainstXsd([{ key: 'a', xml: fixtureText('rf1086-underskjema-example.xml') }], 'rf1086_underskjema'),
    ]);
    for (const result of [a, b, c, d]) expect(result.get('a')).toEqual([]);
  });

  it('rejects v2_3 additions that are misplaced or mistyped in the extension', async () => {
    const xml = fixtureText('amelding-example-v2_3.xml').replace(
      '<permitteringsprosent>50</permitteringsprosent>',
      '<permitteringsprosent>halv</permitteringsprosent>',
    );
    const result = await validateAgainstXsd([{ key: 'a', xml }], 'amelding_v2_3');
    expect(result.get('a')?.[0]).toMatchObject({ code: 'XSD_INVALID', severity: 'error', line: 40 });
  });

  it('validates several documents in one run and keeps their findings apart', async () => {
    const bad = fixtureText('rf1086-underskjema-example.xml').replace(' orid="1153"', '');
    const result = await validateAgainstXsd(
      [
        { key: 'good', xml: fixtureText('rf1086-underskjema-example.xml') },
        { key: 'bad', xml: bad },
      ],
      'rf1086_underskjema',
    );
    expect(result.get('good')).toEqual([]);
    expect(result.get('bad')?.[0]?.message.en).toContain("attribute 'orid' is required");
  });

  it('reads a file declared ISO-8859-1 once decoded to text', async () => {
    const xml = fixtureText('amelding-example-v2_2.xml')
      .replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
      .replace('EksempelLoenn', 'Lønn');
    const result = await validateAgainstXsd([{ key: 'a', xml }], 'amelding_v2_2');
    expect(result.get('a')).toEqual([]);
  });
});
