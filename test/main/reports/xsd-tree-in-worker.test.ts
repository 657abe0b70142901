import { describe, expect, it } from 'vitest';
import { loadSchema } from '../../../main/reports/schema-files';
import { validateTreesInWorker } from '../../../main/reports/xsd-tree-in-worker';
import { TREE_BATCH, validateTrees } from '../../../main/reports/xsd-tree-validate';
import { fixtureText } from '../../shared/reports/fixtures';

const form = fixtureText('rf1086-underskjema-example.xml');

describe('libxml2-wasm in its worker thread', () => {
  it('gives what the same validation gives in this thread, batch after batch, each form under its key', async () => {
    const documents = Array.from({ length: TREE_BATCH * 2 + 7 }, (_, i) => ({
      key: `form-${i}`,
      xml: i % 97 === 3 ? form.replace(' orid="1153"', '') : form,
    }));
    const schema = { key: 'test|rf1086_underskjema_12146', text: await loadSchema('rf1086_underskjema_12146') };
    const inWorker = await validateTreesInWorker(documents, schema);
    expect([...inWorker.keys()]).toEqual(documents.map((d) => d.key));
    expect(inWorker).toEqual(await validateTrees(documents, schema));
    const broken = [...inWorker].filter(([, found]) => found.length > 0).map(([key]) => key);
    expect(broken).toEqual(['form-3', 'form-100', 'form-197', 'form-294', 'form-391', 'form-488']);
  });

  it('answers every form with XSD_VALIDATOR_FAILED and libxml2’s reason when the schema does not compile', async () => {
    const schema = {
      key: 'test|not-a-schema',
      text: '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:bogus/></xs:schema>',
    };
    const found = await validateTreesInWorker(
      [
        { key: 'a', xml: form },
        { key: 'b', xml: form },
      ],
      schema,
    );
    for (const key of ['a', 'b']) {
      expect(found.get(key)).toEqual([
        expect.objectContaining({
          code: 'XSD_VALIDATOR_FAILED',
          message: expect.objectContaining({
            en: expect.stringMatching(/^Schema validation \(libxml2\) failed: .*The content is not valid\.[^\n]*$/),
          }),
        }),
      ]);
    }
  });

  it('never hands libxml2 a document with a DOCTYPE, which the reader refuses before any XSD finding is shown', async () => {
    const invalid = form.replace(' orid="1153"', '');
    const withDoctype = invalid.replace(
      '<Skjema ',
      '<!DOCTYPE Skjema [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<Skjema ',
    );
    const schema = { key: 'test|rf1086_underskjema_12146', text: await loadSchema('rf1086_underskjema_12146') };
    const found = await validateTreesInWorker(
      [
        { key: 'plain', xml: invalid },
        { key: 'doctype', xml: new TextEncoder().encode(withDoctype) },
      ],
      schema,
    );
    // The same form without the DOCTYPE is refused by the XSD; with it, libxml2 never parsed it.
    expect(found.get('plain')?.map((f) => f.code)).toEqual(['XSD_INVALID']);
    expect(found.get('doctype')).toEqual([]);
  });
});
