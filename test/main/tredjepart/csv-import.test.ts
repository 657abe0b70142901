import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvToMelding, CsvImportError } from '../../../main/tredjepart/csv-import';
import { checkMeldingText } from '../../../shared/tredjepart/check-melding';

const FIXTURES = join(__dirname, '../../fixtures/tredjepart');
const envelope = { inntektsaar: '2025', oppgavegiver: '974761076', kontaktNavn: 'Fjellstue AS' };
const ctx = { environment: 'production' as const, profileOrg: '974761076', today: '2026-03-01' };

describe('a spreadsheet CSV made into the melding JSON', () => {
  it('reads ; with decimal commas into the gaver melding, with the oppgaveoppsummering computed', () => {
    const json = JSON.parse(
      csvToMelding(readFileSync(join(FIXTURES, 'gavertilfrivillige.csv'), 'utf8'), 'gavertilfrivillige', envelope),
    );
    expect(json.leveranse).toMatchObject({
      inntektsaar: '2025',
      leveransetype: 'ordinaer',
      oppgavegiver: { organisasjonsnummer: '974761076', kontaktinformasjon: { navn: 'Fjellstue AS' } },
      oppgaveoppsummering: { antallOppgaver: 3, sumBeloep: '10000.50' },
    });
    expect(json.leveranse.oppgave[1]).toEqual({
      oppgaveeier: { foedselsnummer: '12121210000', navn: 'Lise Raus' },
      beloep: '4000.50',
    });
    expect(json.leveranse.oppgave[2].oppgaveeier).toEqual({ organisasjonsnummer: '314259521', navn: 'Altruistisk AS' });
  });

  it('reads dotted columns into nested fields for a housing scheme, numbers where the examples have them', () => {
    const csv = [
      'foedselsnummer,navn,matrikkelnummer.kommunenummer,matrikkelnummer.gaardsnummer,matrikkelnummer.bruksnummer,andelFormue,andelGjeld,andelSkattepliktigeInntekter,andelFradragsberettigedeKostnader',
      '22089010067,Alla Seksjonseier,1554,91,227,2552,5948,483,483',
    ].join('\n');
    const text = csvToMelding(csv, 'boligsameie', envelope);
    const json = JSON.parse(text);
    expect(json.leveranse.oppgave[0].matrikkelnummer).toEqual({
      kommunenummer: '1554',
      gaardsnummer: 91,
      bruksnummer: 227,
    });
    expect(json.leveranse.oppgaveoppsummering).toMatchObject({ antallOppgaver: 1, sumAndelFormue: 2552 });
    expect(checkMeldingText(text, { scheme: 'boligsameie', ...ctx }).valid).toBe(true);
  });

  it('sums an amount that sits in its own block (aksjesparekonto.innskudd), as strings like the example', () => {
    const csv = [
      'foedselsnummer,navn,aksjesparekonto.kontonummer,aksjesparekonto.kontonummertype,aksjesparekonto.innskudd',
      '22089010067,Alla Sparer,NO0014437946,ISIN,"1000,50"',
      '03126510062,Scott Tiger,NO0014437947,ISIN,2000',
    ].join('\n');
    const json = JSON.parse(csvToMelding(csv, 'aksjesparekonto', envelope));
    expect(json.leveranse.oppgave[0].aksjesparekonto).toEqual({
      kontonummer: 'NO0014437946',
      kontonummertype: 'ISIN',
      innskudd: '1000.50',
    });
    expect(json.leveranse.oppgaveoppsummering).toMatchObject({ antallOppgaver: 2, sumInnskudd: '3000.50' });
  });

  it('leaves a bad cell for the checks to name at its oppgave', () => {
    const text = csvToMelding(
      'foedselsnummer;navn;beloep\n03126510062;Truls;to tusen\n',
      'gavertilfrivillige',
      envelope,
    );
    const result = checkMeldingText(text, { scheme: 'gavertilfrivillige', ...ctx });
    expect(result.findings.find((f) => f.code === 'TREDJEPART_AMOUNT_INVALID')?.path).toBe(
      'leveranse/oppgave[1]/beloep',
    );
  });

  it('refuses a CSV whose rows do not match its header', () => {
    expect(() => csvToMelding('navn;beloep\n"Truls;1;2\n', 'gavertilfrivillige', envelope)).toThrow(CsvImportError);
  });

  it.each(['__proto__.polluted', 'constructor.prototype.polluted', 'boenhet..andelsnummer', 'prototype'])(
    'refuses a column %s that does not name a field, and leaves Object.prototype alone',
    (column) => {
      // Found by test/main/ipc/dispatch.fuzz.test.ts: a dotted `__proto__` column set Object.prototype.polluted.
      const csv = `foedselsnummer;${column}\n12121210000;true\n`;
      expect(() => csvToMelding(csv, 'boligsameie', envelope)).toThrow(CsvImportError);
      expect(() => csvToMelding(csv, 'boligsameie', envelope)).toThrow(`"${column}"`);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    },
  );
});
