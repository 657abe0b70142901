import { describe, expect, it } from 'vitest';
import { checkReportFiles } from '../../../main/reports/check-report-files';
import { startXsdValidation, XSD_RUN_LIMITS } from '../../../main/reports/xsd-validate';
import { loadSchema } from '../../../main/reports/schema-files';
import { fixtureText } from '../../shared/reports/fixtures';

// libxml2 validates a large document streaming first (less memory); its streaming reader puts "missing child" at the
// parent's end tag, so a document with errors is validated again with a tree and reports the start tag's line.
// Here every document counts as large, so the small examples take the streaming path.
const streamEverything = { ...XSD_RUN_LIMITS, streamFromBytes: 0 };
const withoutBeskrivelse = fixtureText('amelding-example-v2_2.xml').replace('<beskrivelse>fastloenn</beskrivelse>', '');

describe('XSD validation, streaming first', () => {
  it('reports a missing child at the start line of its parent, as a tree validation does', async () => {
    const schema = await loadSchema('amelding_v2_2');
    const result = await startXsdValidation([{ key: 'a', xml: withoutBeskrivelse }], schema, streamEverything);
    expect(result.get('a')).toEqual([
      expect.objectContaining({
        code: 'XSD_INVALID',
        line: 41,
        message: expect.objectContaining({
          en: expect.stringContaining("Element 'loennsinntekt': Missing child element(s)"),
        }),
      }),
    ]);
  });

  it('revalidates only the documents with errors and keeps every document under its key', async () => {
    const schema = await loadSchema('amelding_v2_2');
    const bytes = new TextEncoder().encode(fixtureText('amelding-example-v2_2.xml'));
    const result = await startXsdValidation(
      [
        { key: 'good', xml: bytes },
        { key: 'bad', xml: withoutBeskrivelse },
      ],
      schema,
      streamEverything,
    );
    expect(result.get('good')).toEqual([]);
    expect(result.get('bad')?.map((f) => f.line)).toEqual([41]);
  });

  it('gives the full check the path of the element the XSD error starts on', async () => {
    const [result] = await checkReportFiles([{ name: 'a.xml', bytes: new TextEncoder().encode(withoutBeskrivelse) }], {
      environment: 'test',
      today: '2026-01-25',
    });
    expect(result?.findings.find((f) => f.code === 'XSD_INVALID')).toMatchObject({
      line: 41,
      path: 'leveranse/oppgave/virksomhet[1]/inntektsmottaker[1]/inntekt[1]/loennsinntekt',
      file: 'a.xml',
    });
  });

  it('validates a file declared ISO-8859-1 as its decoded text (only UTF-8 bytes go to the worker first)', async () => {
    const text = fixtureText('amelding-example-v2_2.xml')
      .replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
      .replace('EksempelLoenn', 'Lønnssystem');
    const latin1 = Uint8Array.from(text, (c) => c.charCodeAt(0));
    const broken = Uint8Array.from(
      text.replace('<sumForskuddstrekk>12000</sumForskuddstrekk>', '<sumForskuddstrekk>x</sumForskuddstrekk>'),
      (c) => c.charCodeAt(0),
    );
    const [good, bad] = await checkReportFiles(
      [
        { name: 'latin1.xml', bytes: latin1 },
        { name: 'latin1-broken.xml', bytes: broken },
      ],
      { environment: 'test', today: '2026-01-25' },
    );
    expect(good).toMatchObject({ kind: 'amelding', xsd: 'amelding_v2_2', valid: true, findings: [] });
    expect(bad?.findings.find((f) => f.code === 'XSD_INVALID')).toMatchObject({
      line: 13,
      path: 'leveranse/oppgave/betalingsinformasjon/sumForskuddstrekk',
    });
  });
});
