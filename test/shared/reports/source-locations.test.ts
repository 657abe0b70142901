import { describe, expect, it } from 'vitest';
import { readAMeldingXml } from '../../../shared/reports/amelding/from-xml';
import { writeAMeldingXml } from '../../../shared/reports/amelding/to-xml';
import { error, type Finding } from '../../../shared/reports/finding';
import { readReportDocument } from '../../../shared/reports/read-report-document';
import { locateFindings, type SourceLocations } from '../../../shared/reports/source-locations';
import { parseXml } from '../../../shared/reports/xml/parse-xml';
import { generateAMelding } from '../../bench/generate-amelding';

const text = writeAMeldingXml(generateAMelding(300), 'v2_2');

function textLocations(): SourceLocations {
  const doc = readReportDocument(text, 'a.xml');
  if (doc.kind !== 'amelding' || !doc.locations) throw new Error('not read as an a-melding with locations');
  return doc.locations;
}

function treeLocations(): SourceLocations {
  const parsed = parseXml(text);
  if (!parsed.ok) throw new Error(parsed.finding.message.en);
  const read = readAMeldingXml(parsed.root);
  if (!read.ok || !read.locations) throw new Error('not read as an a-melding with locations');
  return read.locations;
}

/** Every element the reader maps, in document order, from one walk to the end. */
function everyElement(locations: SourceLocations) {
  const all: { path: string; line: number; column: number }[] = [];
  locations.walk((path, line, column) => void all.push({ path, line, column }));
  return all;
}

const all = everyElement(textLocations());

/** What a walk to the end places each finding at: the reference the early-stopping walk must match. */
function placedByFullWalk(byLine: Finding[], byPath: Finding[]): Finding[] {
  const parent = (path: string) => (path.lastIndexOf('/') > 0 ? path.slice(0, path.lastIndexOf('/')) : '');
  return [
    ...byLine.map((f) => {
      const deepest = all
        .filter((e) => e.line === f.line)
        .reduce((a, e) => (e.path.length > a.length ? e.path : a), '');
      return { ...f, path: deepest, file: 'a.xml' };
    }),
    ...byPath.map((f) => {
      for (let path = f.path; path; path = parent(path)) {
        const at = all.find((e) => e.path === path);
        if (at) return { ...f, line: at.line, column: at.column, file: 'a.xml' };
      }
      return { ...f, file: 'a.xml' };
    }),
  ];
}

const onPath = (path: string) => error('TEST_PATH', path, 'melding', 'message');
const onLine = (line: number) => ({ ...error('XSD_INVALID', '', 'melding', 'message'), line });

describe('locating findings with a walk that stops once everything is found (issue 12 item 4)', () => {
  const near = all[3]!;
  const middle = all[Math.floor(all.length / 2)]!;
  const last = all[all.length - 1]!;
  const cases: [string, Finding[], Finding[]][] = [
    ['a path near the top', [], [onPath(near.path)]],
    ['a path in the middle and the last one', [], [onPath(middle.path), onPath(last.path)]],
    ['a path the file lacks, placed at its nearest ancestor', [], [onPath(`${middle.path}/finnesIkke`)]],
    [
      'lines near the top, in the middle and at the end',
      [onLine(near.line), onLine(middle.line), onLine(last.line)],
      [],
    ],
    ['lines and paths together', [onLine(middle.line)], [onPath(near.path), onPath(`${last.path}/finnesIkke`)]],
  ];
  for (const [name, byLine, byPath] of cases) {
    it(`places ${name} as a walk to the end does, over the text and over a tree`, () => {
      const expected = placedByFullWalk(byLine, byPath);
      expect(locateFindings({ byLine, byPath }, textLocations(), 'a.xml')).toEqual(expected);
      expect(locateFindings({ byLine, byPath }, treeLocations(), 'a.xml')).toEqual(expected);
    });
  }

  it('stops the walk once a finding near the top is placed', () => {
    let visited = 0;
    const inner = textLocations();
    const counting: SourceLocations = {
      walk: (visit) => inner.walk((path, line, column) => (visited++, visit(path, line, column))),
    };
    const [placed] = locateFindings({ byPath: [onPath(near.path)] }, counting);
    expect(placed).toMatchObject({ line: near.line, column: near.column });
    expect(visited).toBeLessThan(all.length / 10);
  });
});
