import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { readAMeldingJsonText } from '../../../shared/reports/amelding/from-json';
import { readSkattekortAnswer } from '../../../shared/skattekort/answer';
import { answerAsCsv, answerAsJson, CSV_COLUMNS } from '../../../shared/skattekort/export';
import { orderFromRequestBody, orderRequestBody, SkattekortOrderSchema } from '../../../shared/skattekort/order';
import { personsFromCsv } from '../../../shared/skattekort/person-csv';
import { checkPersons, personList, personsFromAMelding } from '../../../shared/skattekort/persons';
import { fixtureText } from '../../main/support/report-fixtures';

const FNR = '01018010018';
const FNR2 = '15057010077';
const DNR = '41018010001';
const TENOR = '01858010043';

/** An order with the contact and employer of Skatteetaten's examples (docs/api/skattekorttilarbeidsgiver.md). */
const exampleOrder = (bestillingstype: 'HENT_ALLE_OPPGITTE' | 'HENT_KUN_ENDRING', arbeidstakere: string[]) =>
  SkattekortOrderSchema.parse({
    inntektsaar: '2025',
    bestillingstype,
    varslingstype: 'VARSEL_VED_FOERSTE_ENDRING',
    kontaktinformasjon: { epostadresse: 'john.smith@example.com', mobiltelefonummer: '+4794123456' },
    arbeidsgiver: '222121914',
    arbeidstakere,
  });

describe('the order', () => {
  it('is written exactly in the shape of Skatteetaten’s example (§3)', () => {
    const order = exampleOrder('HENT_ALLE_OPPGITTE', ['42059199203', '55049199111']);
    expect(JSON.parse(orderRequestBody(order))).toEqual({
      inntektsaar: '2025',
      bestillingstype: 'HENT_ALLE_OPPGITTE',
      kontaktinformasjon: { epostadresse: 'john.smith@example.com', mobiltelefonummer: '+4794123456' },
      varslingstype: 'VARSEL_VED_FOERSTE_ENDRING',
      forespoerselOmSkattekortTilArbeidsgiver: {
        arbeidsgiver: [
          {
            arbeidsgiveridentifikator: { organisasjonsnummer: '222121914' },
            arbeidstakeridentifikator: ['42059199203', '55049199111'],
          },
        ],
      },
    });
    expect(orderFromRequestBody(orderRequestBody(order))).toEqual(order);
  });

  it('leaves forespoerselOmSkattekortTilArbeidsgiver out of a "changes only" order, as the sources do', () => {
    const order = exampleOrder('HENT_KUN_ENDRING', []);
    // "Forespørsel om endringer", Skatteetaten/api-dokumentasjon docs/api/skattekorttilarbeidsgiver.md @
    // 036b3fef41eef21fdf4e463360f1bc90af639bb9 (its trailing comma dropped).
    const skatteetatensExample = {
      inntektsaar: '2025',
      bestillingstype: 'HENT_KUN_ENDRING',
      kontaktinformasjon: { epostadresse: 'john.smith@example.com', mobiltelefonummer: '+4794123456' },
      varslingstype: 'VARSEL_VED_FOERSTE_ENDRING',
    };
    const body = orderRequestBody(order);
    expect(JSON.parse(body)).toEqual(skatteetatensExample);
    // NAV's production client sends the same keys (navikt/sokos-skattekort bestillOppdateringRequest,
    // src/main/kotlin/no/nav/sokos/skattekort/skatteetaten/bestillskattekort/BestillSkattekortRequest.kt @ 0f7ba851).
    expect(Object.keys(JSON.parse(body) as object)).toEqual([
      'inntektsaar',
      'bestillingstype',
      'kontaktinformasjon',
      'varslingstype',
    ]);
    // Read back, the employer is the profile's organisation, which the body no longer names.
    expect(orderFromRequestBody(body, '222121914')).toEqual(order);
    expect(orderFromRequestBody(body)).toBeNull();
  });

  it('refuses "all listed" with nobody listed, and a bad e-mail', () => {
    const base = {
      inntektsaar: '2025',
      bestillingstype: 'HENT_ALLE_OPPGITTE',
      varslingstype: 'INGEN_VARSEL',
      kontaktinformasjon: { epostadresse: 'lonn@example.no' },
      arbeidsgiver: '222121914',
      arbeidstakere: [],
    };
    expect(SkattekortOrderSchema.safeParse(base).success).toBe(false);
    expect(SkattekortOrderSchema.safeParse({ ...base, bestillingstype: 'HENT_KUN_ENDRING' }).success).toBe(true);
    expect(
      SkattekortOrderSchema.safeParse({ ...base, arbeidstakere: [FNR], kontaktinformasjon: { epostadresse: 'x' } })
        .success,
    ).toBe(false);
  });
});

describe('the person list', () => {
  it('takes the a-melding’s income recipients, with names', () => {
    const read = readAMeldingJsonText(fixtureText('amelding-example.json'));
    if (!read.ok) throw new Error('fixture unreadable');
    expect(personsFromAMelding(read.document.leveranse)).toEqual([expect.objectContaining({ id: '08842199736' })]);
  });

  it('checks every id offline: checksum, H-numbers, duplicates; Tenor numbers only outside production', () => {
    const raw = [
      { id: FNR },
      { id: '010180 100 18' },
      { id: DNR },
      { id: TENOR },
      { id: '01018010019' },
      { id: '123' },
    ];
    const sandbox = checkPersons(raw, 'sandbox');
    expect(sandbox.map((p) => p.status)).toEqual(['ok', 'duplicate', 'ok', 'ok', 'invalid', 'invalid']);
    expect(sandbox[4]?.problem?.nb).toMatch(/kontrollsiffer/);
    const production = checkPersons(raw, 'production');
    expect(production[3]).toMatchObject({ status: 'synthetic', problem: { en: expect.stringMatching(/synthetic/) } });
    expect(personList({ kind: 'csv', fileName: 'a.csv' }, sandbox).orderable).toEqual([FNR, DNR, TENOR]);
  });
});

describe('reading a CSV of employees', () => {
  it('with a header, semicolons, a BOM and a name column', () => {
    const csv = `\uFEFFNavn;Fødselsnummer;Stilling\r\nKari Nordmann;${FNR};Kokk\r\n\r\nOla Hansen;${DNR};Servitør\r\n`;
    expect(personsFromCsv(csv)).toEqual([
      { id: FNR, name: 'Kari Nordmann', line: 2 },
      { id: DNR, name: 'Ola Hansen', line: 4 },
    ]);
  });

  it('without a header, with commas, finding the id column by its digits', () => {
    const csv = `"Nordmann, Kari",${FNR}\n"Hansen, Ola",${FNR2}\nPer,12345\n`;
    expect(personsFromCsv(csv).map((p) => [p.id, p.line])).toEqual([
      [FNR, 1],
      [FNR2, 2],
      ['12345', 3],
    ]);
  });

  it('a single column of numbers, tab-separated files and spaced numbers', () => {
    expect(personsFromCsv(`${FNR}\n${DNR}\n`).map((p) => p.id)).toEqual([FNR, DNR]);
    expect(personsFromCsv(`fnr\tnavn\n010180 100 18\tKari\n`)).toEqual([
      { id: '010180 100 18', name: 'Kari', line: 2 },
    ]);
  });

  it('says so when no column holds identity numbers', () => {
    expect(() => personsFromCsv('navn;by\nKari;Oslo\n')).toThrow(/no column/i);
  });
});

describe('reading the answer', () => {
  const wire = {
    status: 'FERDIG',
    arbeidsgiver: [
      {
        arbeidsgiveridentifikator: { organisasjonsnummer: '222121914' },
        arbeidstaker: [
          {
            inntektsaar: '2025',
            arbeidstakeridentifikator: FNR,
            resultatForSkattekort: 'skattekortopplysningerOK',
            skattekort: {
              utstedtDato: '2025-01-03',
              skattekortidentifikator: 12345,
              forskuddstrekk: [
                {
                  trekkode: 'LOENN_FRA_HOVEDARBEIDSGIVER',
                  trekktabell: { tabellnummer: '8115', prosentsats: '43', antallMaanederForTrekk: '10.5' },
                },
                { trekkode: 'PENSJON', trekkprosent: { prosentsats: 29.5 } },
                { trekkode: 'UFOERETRYGD_FRA_NAV', frikort: { frikortbeloep: '65000' } },
                { trekkode: 'NOE_NYTT', noeAnnet: {} },
              ],
            },
            tilleggsopplysning: ['kildeskattPaaLoenn', 'nyOpplysning'],
          },
          { inntektsaar: 2025, arbeidstakeridentifikator: FNR2, resultatForSkattekort: 'ikkeSkattekort' },
          { arbeidstakeridentifikator: '123', resultatForSkattekort: 'ugyldigFoedselsEllerDnummer' },
          { arbeidstakeridentifikator: DNR, resultatForSkattekort: 'ukjentResultat' },
        ],
      },
    ],
  };

  it('takes numbers as strings, and keeps unknown codes as sent', () => {
    const answer = readSkattekortAnswer(wire);
    expect(answer.status).toBe('FERDIG');
    const [card, none, invalid, unknown] = answer.cards;
    expect(card).toMatchObject({
      arbeidsgiver: '222121914',
      resultatKnown: true,
      skattekortidentifikator: '12345',
      utstedtDato: '2025-01-03',
      tilleggsopplysning: ['kildeskattPaaLoenn', 'nyOpplysning'],
    });
    expect(card?.trekk.map((t) => [t.trekkode, t.kind])).toEqual([
      ['LOENN_FRA_HOVEDARBEIDSGIVER', 'trekktabell'],
      ['PENSJON', 'trekkprosent'],
      ['UFOERETRYGD_FRA_NAV', 'frikort'],
      ['NOE_NYTT', 'unknown'],
    ]);
    expect(card?.trekk[0]).toMatchObject({ tabellnummer: '8115', prosentsats: 43, antallMaanederForTrekk: 10.5 });
    expect(card?.trekk[1]).toMatchObject({ prosentsats: 29.5 });
    expect(card?.trekk[2]).toMatchObject({ frikortbeloep: 65000 });
    expect(card?.withhold.nb).toMatch(/tabell 8115/);
    expect(card?.notes.map((n) => n.nb)).toEqual(['Kildeskatt på lønn (PAYE)', 'Tilleggsopplysning: nyOpplysning']);
    expect(none).toMatchObject({
      inntektsaar: '2025',
      trekk: [],
      withhold: { nb: expect.stringMatching(/50\u00a0%/) },
    });
    expect(invalid?.result.en).toMatch(/Invalid/);
    expect(unknown).toMatchObject({ resultatKnown: false, result: { nb: 'Ukjent svar: ukjentResultat' } });
  });

  it('says in words what to withhold for a percentage card and a frikort', () => {
    const one = (forskuddstrekk: unknown[]) =>
      readSkattekortAnswer({
        arbeidsgiver: [
          {
            arbeidstaker: [
              {
                arbeidstakeridentifikator: FNR,
                resultatForSkattekort: 'skattekortopplysningerOK',
                skattekort: { forskuddstrekk },
              },
            ],
          },
        ],
      }).cards[0]?.withhold;
    expect(one([{ trekkode: 'LOENN_FRA_BIARBEIDSGIVER', trekkprosent: { prosentsats: '35' } }])?.nb).toBe(
      // A no-break space before the sign: a narrow column never leaves "%" alone on the next line.
      'Trekk 35\u00a0% av utbetalingen.',
    );
    expect(one([{ trekkode: 'LOENN_FRA_HOVEDARBEIDSGIVER', frikort: { frikortbeloep: '65000' } }])?.nb).toMatch(
      /65 000 kr/,
    );
    expect(one([{ trekkode: 'LOENN_FRA_HOVEDARBEIDSGIVER', frikort: {} }])?.en).toMatch(/no upper amount/);
  });

  it('shows a status that comes alone instead of taking it for a fault', () => {
    // navikt/sokos-skattekort src/test/resources/skatteetaten/hentSkattekort/ugyldig_inntektsaar.json and
    // ugyldigForespoersel.json @ 0f7ba851 (NAV's production client's fixtures).
    const invalidYear = readSkattekortAnswer({ status: 'UGYLDIG_INNTEKTSAAR' });
    expect(invalidYear).toMatchObject({ status: 'UGYLDIG_INNTEKTSAAR', cards: [] });
    expect(invalidYear.statusNote?.nb).toMatch(/inntektsåret/);
    expect(invalidYear.statusNote?.en).toMatch(/income year/);
    expect(readSkattekortAnswer({ status: 'UGYLDIG_FORESPOERSEL' }).statusNote?.en).toMatch(/refused the order/);
    expect(readSkattekortAnswer({ status: 'INGEN_ENDRINGER' }).statusNote?.nb).toMatch(/Ingen skattekort er endret/);
    expect(readSkattekortAnswer({ status: 'NY_STATUS' }).statusNote).toEqual({
      nb: 'Skatteetaten svarte med status «NY_STATUS».',
      en: 'Skatteetaten answered with the status “NY_STATUS”.',
    });
    // FORESPOERSEL_OK with cards carries no note (ikkeTrekkplikt.json @ 0f7ba851: an unknown result kept as sent).
    const ok = readSkattekortAnswer({
      status: 'FORESPOERSEL_OK',
      arbeidsgiver: [
        {
          arbeidsgiveridentifikator: { organisasjonsnummer: '312978083' },
          arbeidstaker: [
            { arbeidstakeridentifikator: '19906396974', resultatForSkattekort: 'ikkeTrekkplikt', inntektsaar: '2025' },
          ],
        },
      ],
    });
    expect(ok.statusNote).toBeUndefined();
    expect(ok.cards).toMatchObject([{ resultatForSkattekort: 'ikkeTrekkplikt', resultatKnown: false }]);
  });

  it('rejects what is not an answer at all', () => {
    expect(() => readSkattekortAnswer({ feil: 'x' })).toThrow();
    expect(() => readSkattekortAnswer({ status: 7 })).toThrow();
    expect(() => readSkattekortAnswer('tekst')).toThrow();
  });
});

describe('the export for a payroll system', () => {
  const answer = readSkattekortAnswer({
    arbeidsgiver: [
      {
        arbeidsgiveridentifikator: { organisasjonsnummer: '222121914' },
        arbeidstaker: [
          {
            inntektsaar: '2025',
            arbeidstakeridentifikator: FNR,
            resultatForSkattekort: 'skattekortopplysningerOK',
            skattekort: {
              utstedtDato: '2025-01-03',
              skattekortidentifikator: '1',
              forskuddstrekk: [
                { trekkode: 'LOENN_FRA_HOVEDARBEIDSGIVER', trekktabell: { tabellnummer: '8115', prosentsats: '43' } },
                { trekkode: 'PENSJON', trekkprosent: { prosentsats: '29,5' } },
              ],
            },
          },
          { inntektsaar: '2025', arbeidstakeridentifikator: FNR2, resultatForSkattekort: 'ikkeSkattekort' },
        ],
      },
    ],
  });

  it('CSV: a header, one row per deduction, one for a person without a card, decimals with a dot', () => {
    const rows = parse(answerAsCsv(answer), { delimiter: ';', columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS]);
    expect(rows.map((r) => [r.arbeidstakeridentifikator, r.trekkode, r.type, r.tabellnummer, r.prosentsats])).toEqual([
      [FNR, 'LOENN_FRA_HOVEDARBEIDSGIVER', 'trekktabell', '8115', '43'],
      [FNR, 'PENSJON', 'trekkprosent', '', '29.5'],
      [FNR2, '', '', '', ''],
    ]);
    expect(rows[2]?.resultatForSkattekort).toBe('ikkeSkattekort');
  });

  it('JSON: the same rows, numbers as numbers', () => {
    const json = JSON.parse(answerAsJson(answer)) as { skattekort: Record<string, unknown>[] };
    expect(json.skattekort).toHaveLength(3);
    expect(json.skattekort[1]).toMatchObject({ trekkode: 'PENSJON', prosentsats: 29.5, tabellnummer: null });
  });
});
