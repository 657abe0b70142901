import { describe, expect, it } from 'vitest';
import { planXsdRuns, validateAgainstXsd, XSD_RUN_LIMITS } from '../../../main/reports/xsd-validate';
import { fixtureText } from '../../shared/reports/fixtures';

describe('validateAgainstXsd', () => {
  it('accepts the spec examples against the official XSDs and the v2_3 file against the project extension', async () => {
    const [a, b, c, d] = await Promise.all([
      validateAgainstXsd([{ key: 'a', xml: fixtureText('amelding-example-v2_2.xml') }], 'amelding_v2_2'),
      validateAgainstXsd([{ key: 'a', xml: fixtureText('amelding-example-v2_3.xml') }], 'amelding_v2_3'),
      validateAgainstXsd(
        [{ key: 'a', xml: fixtureText('rf1086-hovedskjema-example.xml') }],
        'rf1086_hovedskjema_12144',
      ),
      validateAgainstXsd(
        [{ key: 'a', xml: fixtureText('rf1086-underskjema-example.xml') }],
        'rf1086_underskjema_12146',
      ),
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
      'rf1086_underskjema_12146',
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

  it('plans small documents into tree batches within the wasm stack budget, and a large one alone, streaming', () => {
    const small = Array.from({ length: 5_000 }, (_, i) => ({ key: `u${i}`, xml: '<a/>' }));
    const large = { key: 'big', xml: 'x'.repeat(XSD_RUN_LIMITS.streamFromBytes) };
    const runs = planXsdRuns([...small.slice(0, 2), large, ...small.slice(2)]);
    expect(runs.map((r) => [r.documents.length, r.stream])).toEqual([
      [1, true],
      [expect.any(Number), false],
      [expect.any(Number), false],
      [expect.any(Number), false],
    ]);
    expect(runs[0]!.documents[0]!.key).toBe('big');
    expect(runs.slice(1).reduce((n, r) => n + r.documents.length, 0)).toBe(5_000);
    // Names are base 36 (0–z, 10–zz, 100–…) plus a NUL and a 4-byte pointer each, within the budget.
    const argvBytes = (count: number) =>
      Array.from({ length: count }, (_, i) => i.toString(36).length + 5).reduce((a, b) => a + b, 0);
    for (const run of runs.slice(1)) expect(argvBytes(run.documents.length)).toBeLessThanOrEqual(12 * 1024);
    expect(planXsdRuns(small, { ...XSD_RUN_LIMITS, batchBytes: 400 }).map((r) => r.documents.length)).toEqual(
      Array.from({ length: 50 }, () => 100),
    );
  });

  it('validates 5,000 shareholder forms correctly and finds the one broken form by its key and line', async () => {
    // One run of 5,000 (or --stream per document past ~2,250) broke xmllint-wasm: "memory access out of bounds".
    const good = fixtureText('rf1086-underskjema-example.xml');
    const bad = good.replace(' orid="1153"', '');
    const documents = Array.from({ length: 5_000 }, (_, i) => ({ key: `u${i}.xml`, xml: i === 4_321 ? bad : good }));
    const result = await validateAgainstXsd(documents, 'rf1086_underskjema_12146');
    expect(result.size).toBe(5_000);
    const withFindings = [...result].filter(([, findings]) => findings.length > 0);
    expect(withFindings.map(([key, findings]) => [key, findings.map((f) => [f.code, f.line])])).toEqual([
      ['u4321.xml', [['XSD_INVALID', 11]]],
    ]);
  }, 60_000);
});
