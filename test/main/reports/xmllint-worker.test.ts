import { describe, expect, it } from 'vitest';
import { runXmllintWorker, xmllintMessages } from '../../../main/reports/xmllint-worker';
import { loadSchema } from '../../../main/reports/schema-files';
import { fixtureText } from '../../shared/reports/fixtures';

const request = { stream: false, initialMemoryPages: 256, maxMemoryPages: 4096 } as const;

/** The bytes in shared memory, as a check shares a large file with the XSD worker. */
function shared(text: string): Uint8Array {
  const utf8 = Buffer.from(text, 'utf8');
  const bytes = new Uint8Array(new SharedArrayBuffer(utf8.length));
  bytes.set(utf8);
  return bytes;
}

describe("xmllint-wasm's worker, started by Innsender", () => {
  it('validates bytes in shared memory, streaming and as a tree, and names the line of an error', async () => {
    const schema = { fileName: 'schema.xsd', contents: await loadSchema('amelding_v2_2') };
    const good = fixtureText('amelding-example-v2_2.xml');
    const bad = good.replace(/<stillingsprosent>[^<]*</, '<stillingsprosent>abc<');
    const badLine = bad.slice(0, bad.indexOf('abc')).split('\n').length;
    for (const stream of [true, false]) {
      const xml = [
        { fileName: '0', contents: shared(good) },
        { fileName: '1', contents: shared(bad) },
      ];
      const messages = await runXmllintWorker({ ...request, stream, schema, xml });
      const placed = messages.filter((m) => m.loc);
      expect(placed).toHaveLength(1);
      expect(placed[0]).toMatchObject({ loc: { fileName: '1', lineNumber: badLine } });
      expect(placed[0]!.message).toContain("'abc' is not a valid value");
    }
    expect(await runXmllintWorker({ ...request, schema, xml: [{ fileName: '0', contents: shared(good) }] })).toEqual(
      [],
    );
  });

  it("reads xmllint's report as lines with their file and line, leaving out the verdicts", () => {
    const stderr = [
      "1:12: Schemas validity error : Element 'a': This element is not expected.",
      '0 validates',
      '1 fails to validate',
      '',
    ].join('\n');
    expect(xmllintMessages(stderr)).toEqual([
      {
        message: "Schemas validity error : Element 'a': This element is not expected.",
        loc: { fileName: '1', lineNumber: 12 },
      },
    ]);
  });
});
