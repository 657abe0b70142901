import { describe, expect, it } from 'vitest';
import { readAMeldingXml } from '../../../../shared/reports/amelding/from-xml';
import { readReportDocument } from '../../../../shared/reports/read-report-document';
import { locateFindings } from '../../../../shared/reports/source-locations';
import { parseXml } from '../../../../shared/reports/xml/parse-xml';
import { fixtureText } from '../fixtures';

const example = fixtureText('amelding-example-v2_2.xml');

/** The a-melding read straight from text (no tree), as a check reads it. */
function readText(text: string) {
  const doc = readReportDocument(text, 'a.xml');
  if (doc.kind !== 'amelding') throw new Error(`not read: ${JSON.stringify(doc)}`);
  return doc;
}

/** The same document read through an element tree. */
function readTree(text: string) {
  const parsed = parseXml(text);
  if (!parsed.ok) throw new Error(parsed.finding.message.en);
  const read = readAMeldingXml(parsed.root);
  if (!read.ok) throw new Error(read.finding.message.en);
  return read;
}

function locationsOf(doc: { locations?: { walk: (visit: (p: string, l: number, c: number) => void) => void } }) {
  const found = new Map<string, number>();
  doc.locations?.walk((path, line) => found.set(path, line));
  return found;
}

describe('the a-melding read straight from XML events', () => {
  it('gives the same model, issues and locations as the tree reader', () => {
    const broken = example
      .replace('<kildesystem>EksempelLoenn 1.0</kildesystem>', '')
      .replace('<sumForskuddstrekk>12000</sumForskuddstrekk>', '<sumForskuddstrekk>tolv</sumForskuddstrekk><ukjent/>')
      .replace('<sone>1</sone>', '<sone>1</sone><sone>2</sone>');
    for (const text of [example, broken]) {
      const fromText = readText(text);
      const fromTree = readTree(text);
      expect(fromText.document).toEqual(fromTree.document);
      expect(fromText.issues).toEqual(fromTree.issues);
      expect(fromText.complete).toBe(fromTree.complete);
      expect(locationsOf(fromText)).toEqual(locationsOf(fromTree));
    }
  });

  it('reports structure issues in XSD sequence order, whatever the document order', () => {
    const text = example
      .replace('<ukjent/>', '')
      .replace('<meldingsId>', '<ekstra>1</ekstra><meldingsId>')
      .replace('<kalendermaaned>2026-01</kalendermaaned>', '')
      .replace('<sumForskuddstrekk>12000</sumForskuddstrekk>', '<sumForskuddstrekk>x</sumForskuddstrekk>');
    const doc = readText(text);
    expect(doc.complete).toBe(false);
    expect(doc.issues.map((f) => [f.code, f.path])).toEqual([
      ['AMELDING_STRUCTURE_MISSING', 'leveranse/kalendermaaned'],
      ['AMELDING_STRUCTURE_INVALID_VALUE', 'leveranse/oppgave/betalingsinformasjon/sumForskuddstrekk'],
      ['AMELDING_STRUCTURE_UNEXPECTED', 'leveranse/ekstra'],
    ]);
  });

  it('keeps the model in XSD order when the elements came out of order', () => {
    const swapped = example.replace(
      '<kalendermaaned>2026-01</kalendermaaned>\n    <kildesystem>EksempelLoenn 1.0</kildesystem>',
      '<kildesystem>EksempelLoenn 1.0</kildesystem>\n    <kalendermaaned>2026-01</kalendermaaned>',
    );
    expect(Object.keys(readText(swapped).document.leveranse)).toEqual(
      Object.keys(readText(example).document.leveranse),
    );
  });

  it('locates findings on demand: XSD lines get a path, rule findings a line (nearest ancestor if needed)', () => {
    const doc = readText(example);
    const person = 'leveranse/oppgave/virksomhet[1]/inntektsmottaker[1]';
    const placed = locateFindings(
      {
        byLine: [{ code: 'XSD_INVALID', severity: 'error', path: '', message: { nb: '', en: '' }, line: 42 }],
        byPath: [
          { code: 'A', severity: 'error', path: `${person}/norskIdentifikator`, message: { nb: '', en: '' } },
          { code: 'B', severity: 'warning', path: `${person}/inntekt[1]/nothing`, message: { nb: '', en: '' } },
          { code: 'C', severity: 'warning', path: '', message: { nb: '', en: '' } },
        ],
      },
      doc.locations,
      'a.xml',
    );
    expect(placed.map((f) => [f.code, f.path, f.line, f.column, f.file])).toEqual([
      ['XSD_INVALID', `${person}/inntekt[1]/loennsinntekt/beskrivelse`, 42, undefined, 'a.xml'],
      ['A', `${person}/norskIdentifikator`, 19, 30, 'a.xml'],
      ['B', `${person}/inntekt[1]/nothing`, 35, 19, 'a.xml'],
      ['C', '', undefined, undefined, 'a.xml'],
    ]);
  });

  it('does not walk the document again when no finding needs a place', () => {
    let walks = 0;
    const placed = locateFindings(
      { byPath: [{ code: 'C', severity: 'warning', path: '', message: { nb: '', en: '' } }] },
      { walk: () => walks++ },
    );
    expect(placed).toHaveLength(1);
    expect(walks).toBe(0);
  });

  it('refuses a DOCTYPE and reports malformed XML before any model is built', () => {
    expect(readReportDocument(fixtureText('xxe.xml'), 'x.xml')).toMatchObject({
      kind: 'unreadable',
      finding: { code: 'XML_DOCTYPE_FORBIDDEN' },
    });
    expect(readReportDocument(example.replace('</Leveranse>', '</Leveranze>'), 'x.xml')).toMatchObject({
      kind: 'unreadable',
      finding: { code: 'XML_MALFORMED', line: 57 },
    });
  });
});
