import { describe, expect, it } from 'vitest';
import { readAMeldingJsonText } from '../../../../shared/reports/amelding/from-json';
import { readAMeldingXml } from '../../../../shared/reports/amelding/from-xml';
import { writeAMeldingJson } from '../../../../shared/reports/amelding/to-json';
import { writeAMeldingXml } from '../../../../shared/reports/amelding/to-xml';
import { parseXml } from '../../../../shared/reports/xml/parse-xml';
import { fixtureText } from '../fixtures';

function readXml(text: string) {
  const parsed = parseXml(text);
  if (!parsed.ok) throw new Error(parsed.finding.message.en);
  const read = readAMeldingXml(parsed.root);
  if (!read.ok) throw new Error(read.finding.message.en);
  return read;
}

describe('a-melding XML ⇄ JSON', () => {
  it.each(['amelding-example-v2_2.xml', 'amelding-example-v2_3.xml'])(
    'round-trips %s through JSON back to the same XML',
    (name) => {
      const original = fixtureText(name);
      const fromXml = readXml(original);
      expect(fromXml.issues).toEqual([]);
      const json = writeAMeldingJson(fromXml.document.leveranse);
      const fromJson = readAMeldingJsonText(json);
      expect(fromJson.ok && fromJson.issues).toEqual([]);
      if (!fromJson.ok) return;
      expect(fromJson.document.leveranse).toEqual(fromXml.document.leveranse);
      const xml = writeAMeldingXml(fromJson.document.leveranse, fromXml.document.version);
      // Same document modulo the writer's whitespace.
      const squash = (s: string) => s.replace(/>\s+</g, '><').trim();
      expect(squash(xml)).toBe(squash(original));
    },
  );

  it('keeps decimals as strings and forskuddstrekk negative in JSON, like the official example', () => {
    const json = JSON.parse(writeAMeldingJson(readXml(fixtureText('amelding-example-v2_2.xml')).document.leveranse));
    const mottaker = json.leveranse.oppgave.virksomhet[0].inntektsmottaker[0];
    expect(mottaker.inntekt[0].beloep).toBe('40000.00');
    expect(mottaker.forskuddstrekk[0].beloep).toBe(-12000);
    expect(json.leveranse.oppgave.betalingsinformasjon.sumForskuddstrekk).toBe(12000);
    expect(
      json.leveranse.oppgave.virksomhet[0].arbeidsgiveravgift.loennOgGodtgjoerelse[0].prosentsatsForAvgiftsberegning,
    ).toBe('14.1');
  });

  it('reads the JSON fixture into the same model as the XML example', () => {
    const fromJson = readAMeldingJsonText(fixtureText('amelding-example.json'));
    expect(fromJson.ok && fromJson.document.leveranse).toEqual(
      readXml(fixtureText('amelding-example-v2_2.xml')).document.leveranse,
    );
  });

  it('escapes text when writing XML', () => {
    const leveranse = readXml(fixtureText('amelding-example-v2_2.xml')).document.leveranse;
    const xml = writeAMeldingXml({ ...leveranse, kildesystem: 'Lønn <&> AS' });
    expect(xml).toContain('<kildesystem>Lønn &lt;&amp;&gt; AS</kildesystem>');
    expect(readXml(xml).document.leveranse.kildesystem).toBe('Lønn <&> AS');
  });
});

describe('a-melding structure issues', () => {
  it('reports missing, unexpected, repeated and mistyped XML fields, and marks the model incomplete', () => {
    const text = fixtureText('amelding-example-v2_2.xml')
      .replace('<kildesystem>EksempelLoenn 1.0</kildesystem>', '<ukjent/>')
      .replace('<sumForskuddstrekk>12000</sumForskuddstrekk>', '<sumForskuddstrekk>12,5</sumForskuddstrekk>')
      .replace('<meldingsId>', '<meldingsId>a</meldingsId><meldingsId>');
    const read = readXml(text);
    expect(read.complete).toBe(false);
    expect(read.issues.map((i) => [i.code, i.path])).toEqual([
      ['AMELDING_STRUCTURE_MISSING', 'leveranse/kildesystem'],
      ['AMELDING_STRUCTURE_REPEATED', 'leveranse/meldingsId'],
      ['AMELDING_STRUCTURE_INVALID_VALUE', 'leveranse/oppgave/betalingsinformasjon/sumForskuddstrekk'],
      ['AMELDING_STRUCTURE_UNEXPECTED', 'leveranse/ukjent'],
    ]);
  });

  it('reports JSON type errors, non-lists, unknown keys and malformed JSON with a position', () => {
    const json = JSON.parse(fixtureText('amelding-example.json'));
    json.leveranse.oppgave.betalingsinformasjon.sumForskuddstrekk = 'tolv tusen';
    json.leveranse.oppgave.virksomhet[0].inntektsmottaker[0].forskuddstrekk = { beloep: -12000 };
    json.leveranse.ekstra = 1;
    const read = readAMeldingJsonText(JSON.stringify(json));
    expect(read.ok && read.issues.map((i) => i.code)).toEqual([
      'AMELDING_STRUCTURE_INVALID_VALUE',
      'AMELDING_STRUCTURE_NOT_A_LIST',
      'AMELDING_STRUCTURE_UNEXPECTED',
    ]);
    const malformed = readAMeldingJsonText('{\n  "leveranse": {,}\n}');
    expect(!malformed.ok && malformed.finding).toMatchObject({ code: 'JSON_MALFORMED', line: 2 });
    const notAMelding = readAMeldingJsonText('{"foo": 1}');
    expect(!notAMelding.ok && notAMelding.finding.code).toBe('AMELDING_NOT_RECOGNISED');
  });
});
