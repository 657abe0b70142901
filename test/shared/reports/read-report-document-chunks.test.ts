import { describe, expect, it } from 'vitest';
import { readReportDocument, xmlReportReader, type ReportDocument } from '../../../shared/reports/read-report-document';
import { fixtureText } from './fixtures';

/**
 * A read document with the places of its elements as the list a walk gives (comparing the typed arrays they are
 * kept in, 64 Ki elements a block, took seconds).
 */
function comparable(doc: ReportDocument) {
  if (doc.kind !== 'amelding' || !doc.locations) return doc;
  const places: [string, number, number][] = [];
  doc.locations.walk((path, line, column) => places.push([path, line, column]));
  return { ...doc, locations: places };
}

/** The text given to the reader in pieces of `size` characters, as a large file's decoded chunks are. */
function readInPieces(text: string, size: number) {
  const reader = xmlReportReader('file.xml');
  for (let at = 0; at < text.length; at += size) reader.write(text.slice(at, at + size));
  return comparable(reader.finish());
}

describe('an XML report read in pieces', () => {
  const texts = {
    'a-melding v2_2': fixtureText('amelding-example-v2_2.xml'),
    'a-melding v2_3': fixtureText('amelding-example-v2_3.xml'),
    'RF-1086 hovedskjema': fixtureText('rf1086-hovedskjema-example.xml'),
    'RF-1086 underskjema': fixtureText('rf1086-underskjema-example.xml'),
    'a-melding with a structure error': fixtureText('amelding-example-v2_2.xml').replace(
      /<stillingsprosent>[^<]*</,
      '<stillingsprosent>abc<',
    ),
    'not well-formed': fixtureText('amelding-example-v2_2.xml').replace('</Leveranse>', '</Leveranze>'),
    'with a DOCTYPE': fixtureText('xxe.xml'),
  };

  for (const [name, text] of Object.entries(texts)) {
    it(`reads ${name} as read whole, wherever the pieces end (even inside a tag or a CRLF)`, () => {
      const whole = comparable(readReportDocument(text, 'file.xml'));
      for (const size of [3, 64, 4096]) expect(readInPieces(text, size)).toEqual(whole);
      const crlf = text.replace(/\n/g, '\r\n');
      expect(readInPieces(crlf, 5)).toEqual(comparable(readReportDocument(crlf, 'file.xml')));
    });
  }

  it('stops at the first error: later pieces are not read', () => {
    const reader = xmlReportReader('file.xml');
    reader.write('<melding xmlns="urn:ske:fastsetting:innsamling:a-meldingen:v2_2"><</');
    reader.write('<Leveranse>');
    expect(reader.finish()).toMatchObject({ kind: 'unreadable', finding: { code: 'XML_MALFORMED', line: 1 } });
  });
});
