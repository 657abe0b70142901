import { describe, expect, it } from 'vitest';
import { writeAMeldingXml } from '../../../shared/reports/amelding/to-xml';
import { ElementPlaces } from '../../../shared/reports/element-places';
import { readReportDocument } from '../../../shared/reports/read-report-document';
import { generateAMelding } from '../../bench/generate-amelding';

function visits(places: { walk: ElementPlaces['walk'] }): [string, number, number][] {
  const seen: [string, number, number][] = [];
  places.walk((path, line, column) => seen.push([path, line, column]));
  return seen;
}

describe('ElementPlaces', () => {
  it('replays the recorded elements with their paths, positions only where given', () => {
    const places = new ElementPlaces();
    const root = places.add(-1, 'leveranse', 0, 3, 3);
    const oppgave = places.add(root, 'oppgave', 0, 4, 5);
    const first = places.add(oppgave, 'virksomhet', 1, 5, 7);
    places.add(first, 'norskIdentifikator', 0, 6, 9);
    places.add(oppgave, 'virksomhet', 2, 8, 7);
    places.add(root, 'kalendermaaned', 0, 10, 5);
    expect(visits(places)).toEqual([
      ['leveranse', 3, 3],
      ['leveranse/oppgave', 4, 5],
      ['leveranse/oppgave/virksomhet[1]', 5, 7],
      ['leveranse/oppgave/virksomhet[1]/norskIdentifikator', 6, 9],
      ['leveranse/oppgave/virksomhet[2]', 8, 7],
      ['leveranse/kalendermaaned', 10, 5],
    ]);
  });

  it('keeps lines, columns and positions past 65,535 and elements past one block', () => {
    const places = new ElementPlaces();
    const root = places.add(-1, 'leveranse', 0, 1, 1);
    for (let i = 1; i <= 70_000; i++) places.add(root, 'inntektsmottaker', i, 100_000 + i, 70_000 + i);
    const seen = visits(places);
    expect(seen).toHaveLength(70_001);
    expect(seen[70_000]).toEqual(['leveranse/inntektsmottaker[70000]', 170_000, 140_000]);
  });
});

describe('the places a-melding XML records during its one parse', () => {
  // The oracle is the text itself: every place must end the start tag of the element its path names, and every
  // start tag inside <Leveranse> of a clean a-melding must have its place, in document order.
  it('give each mapped element the line and column of its own start tag', () => {
    const text = writeAMeldingXml(generateAMelding(30), 'v2_2');
    const doc = readReportDocument(text, 'a.xml');
    if (doc.kind !== 'amelding' || !doc.locations) throw new Error('not read as an a-melding with places');
    const lines = text.split('\n');
    const seen = visits(doc.locations);
    const startTags = [...text.slice(text.indexOf('<Leveranse')).matchAll(/<([A-Za-z]+)[\s>/]/g)];
    expect(seen).toHaveLength(startTags.length);
    for (const [path, line, column] of seen) {
      const name = path === 'leveranse' ? 'Leveranse' : path.replace(/^.*\//, '').replace(/\[\d+\]$/, '');
      // The parser's place for an element is where its start tag ends (as every located finding shows it).
      expect(lines[line - 1]!.slice(0, column)).toMatch(new RegExp(`<${name}(\\s[^>]*)?>$`));
    }
  });
});
