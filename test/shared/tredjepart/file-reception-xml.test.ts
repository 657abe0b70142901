import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { checkMeldingText } from '../../../shared/tredjepart/check-melding';
import { meldingAsXml, readFileReceptionXml } from '../../../shared/tredjepart/file-reception-xml';
import { tredjepartBody } from '../../main/support/tredjepart-fixtures';

const EXAMPLES = join(__dirname, '../../fixtures/skatteetaten-examples');
/** Skatteetaten/api-dokumentasjon docs/api/innrapportering-tpo-filmottak.md @ 0a722698, "POST /opplastinger". */
const XML_EXAMPLE = readFileSync(join(EXAMPLES, 'tpo-filmottak-aksjesparekonto.xml'), 'utf8');
/** Skatteetaten/api-dokumentasjon docs/api/innrapportering-aksjesparekonto.md @ 11f2ca86, "Eksempel på innsending". */
const JSON_EXAMPLE = readFileSync(join(EXAMPLES, 'aksjesparekonto-innsending.json'), 'utf8');

/** Every element path in a document (`melding/leveranse/oppgave/aksjesparekonto/innskudd`), without attributes. */
function elementPaths(xml: string): Set<string> {
  const tree = new XMLParser({ ignoreAttributes: true, ignoreDeclaration: true, parseTagValue: false }).parse(xml);
  const paths = new Set<string>();
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, path));
    paths.add(path);
    if (typeof node === 'object' && node !== null) for (const [k, v] of Object.entries(node)) walk(v, `${path}/${k}`);
  };
  for (const [k, v] of Object.entries(tree as object)) walk(v, k);
  return paths;
}

describe('the file reception’s XML is the scheme’s JSON melding, element for field', () => {
  it('turns Skatteetaten’s JSON example into the elements of its XML example for the file reception', () => {
    const ours = elementPaths(meldingAsXml(JSON_EXAMPLE, 'aksjesparekonto'));
    const theirs = elementPaths(XML_EXAMPLE);
    // The XML example also names the organisation (organisasjonsnavn), which the JSON example does not carry.
    theirs.delete('melding/leveranse/oppgavegiver/organisasjonsnavn');
    expect([...ours].sort()).toEqual([...theirs].sort());
    expect(meldingAsXml(JSON_EXAMPLE, 'aksjesparekonto')).toContain(
      '<melding xmlns="urn:ske:fastsetting:innsamling:aksjesparekonto:v3">',
    );
  });

  it('reads Skatteetaten’s XML example as an aksjesparekonto melding whose counts and sums agree', () => {
    const read = readFileReceptionXml(XML_EXAMPLE);
    expect(read).toMatchObject({ ok: true, scheme: 'aksjesparekonto' });
    if (!read.ok) return;
    const checked = checkMeldingText(read.json, {
      scheme: 'aksjesparekonto',
      environment: 'sandbox',
      today: '2027-03-01',
    });
    expect(checked.summary).toMatchObject({ inntektsaar: '2026', oppgavegiver: '310702900', antallOppgaver: 2 });
    // The example's own inconsistency is its placeholder fødselsnummer 00000000000, nothing in its sums.
    expect(new Set(checked.findings.filter((f) => f.severity === 'error').map((f) => f.code))).toEqual(
      new Set(['TREDJEPART_OPPGAVEEIER_PERSON_ID_INVALID']),
    );
  });

  it('reads back what it wrote: the same checks and summary as the JSON', () => {
    const json = tredjepartBody('aksjesparekonto');
    const read = readFileReceptionXml(meldingAsXml(json, 'aksjesparekonto'));
    if (!read.ok) throw new Error(read.reason);
    const ctx = { scheme: 'aksjesparekonto' as const, environment: 'sandbox' as const, today: '2026-03-01' };
    const fromXml = checkMeldingText(read.json, ctx);
    const fromJson = checkMeldingText(json, ctx);
    expect(fromXml.findings).toEqual([]);
    expect(fromXml.summary).toEqual(fromJson.summary);
  });

  it('escapes text and refuses what is not a file-reception melding', () => {
    const json = tredjepartBody('aksjesparekonto', (m) => (m.leveranse.kildesystem = 'A & B <v2>'));
    expect(meldingAsXml(json, 'aksjesparekonto')).toContain('<kildesystem>A &amp; B &lt;v2&gt;</kildesystem>');
    expect(() => meldingAsXml(tredjepartBody('gavertilfrivillige'), 'gavertilfrivillige')).toThrow(/file reception/);
    expect(readFileReceptionXml('<melding xmlns="urn:other"><leveranse/></melding>')).toEqual({
      ok: false,
      reason: 'unknown-namespace',
    });
    expect(readFileReceptionXml('not xml <')).toEqual({ ok: false, reason: 'not-xml' });
  });
});
