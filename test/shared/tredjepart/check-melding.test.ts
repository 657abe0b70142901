import { describe, expect, it } from 'vitest';
import { checkMeldingText } from '../../../shared/tredjepart/check-melding';
import { SCHEME_IDS, type SchemeId } from '../../../shared/tredjepart/schemes';
import { tredjepartBody, type FixtureJson } from '../../main/support/tredjepart-fixtures';

const ctx = { environment: 'production' as const, profileOrg: '974761076', today: '2026-03-01' };

type Json = FixtureJson;
/** The fixture's one leveranse (boligselskap's example sends a list of one). */
const lev = (m: Json): Json => (Array.isArray(m.leveranse) ? m.leveranse[0] : m.leveranse);

function check(scheme: SchemeId, mutate: (m: Json) => void = () => undefined, over: Partial<typeof ctx> = {}) {
  return checkMeldingText(tredjepartBody(scheme, mutate), { scheme, ...ctx, ...over });
}
const codes = (r: ReturnType<typeof check>) => r.findings.map((f) => `${f.severity}:${f.code}`);

describe('the tredjepart fixtures pass every check', () => {
  it.each(SCHEME_IDS)('%s', (scheme) => {
    const result = check(scheme);
    // Skattefrie utbetalinger's example names no owner (only the fødselsnummer): the name warning, nothing more.
    const nameless = scheme === 'skattefrieutbetalinger' ? ['warning:TREDJEPART_OPPGAVEEIER_NAVN_MISSING'] : [];
    expect(codes(result)).toEqual(nameless.length ? [...nameless, ...nameless] : []);
    expect(result.valid).toBe(true);
  });

  it('summarises the gifts with exact decimal sums', () => {
    expect(check('gavertilfrivillige').summary).toMatchObject({
      inntektsaar: '2025',
      oppgavegiver: '974761076',
      antallOppgaver: 3,
      leveranser: 1,
      sums: [{ field: 'beloep', value: '10000.5' }],
    });
  });
});

describe('aksjesparekonto (RF-1301)', () => {
  // test/fixtures/tredjepart/aksjesparekonto.json is Skatteetaten's example (Skatteetaten/api-dokumentasjon
  // docs/api/innrapportering-aksjesparekonto.md @ 11f2ca86, "Eksempel på innsending") with the profile's org, a
  // Tenor person for its 00000000000 and the year 2025: one owner with two accounts, the owner nested in `person`.
  it('sums the accounts’ amounts in their own block, exactly as the example’s oppgaveoppsummering', () => {
    expect(check('aksjesparekonto').summary?.sums).toEqual([
      { field: 'aksjesparekonto.inngangsverdi', label: expect.anything(), value: '20' },
      { field: 'aksjesparekonto.innskudd', label: expect.anything(), value: '20000' },
      { field: 'aksjesparekonto.uttak', label: expect.anything(), value: '0' },
      { field: 'aksjesparekonto.ubenyttetSkjerming', label: expect.anything(), value: '20' },
      { field: 'aksjesparekonto.anvendtSkjerming', label: expect.anything(), value: '0' },
      { field: 'aksjesparekonto.skattepliktigGevinstTap', label: expect.anything(), value: '0' },
      { field: 'aksjesparekonto.formuesverdiKontantdel', label: expect.anything(), value: '9000' },
    ]);
  });

  it('takes a loss (a negative skattepliktigGevinstTap) and still checks its sum', () => {
    const loss = check('aksjesparekonto', (m) => {
      m.leveranse.oppgave[0].aksjesparekonto.skattepliktigGevinstTap = '-250.50';
      m.leveranse.oppgaveoppsummering.sumSkattepliktigGevinstTap = '-250.50';
    });
    expect(loss.findings).toEqual([]);
    const wrongSum = check('aksjesparekonto', (m) => {
      m.leveranse.oppgave[0].aksjesparekonto.skattepliktigGevinstTap = '-250.50';
    });
    expect(codes(wrongSum)).toEqual(['error:TREDJEPART_SUM_MISMATCH']);
    const negativeDeposit = check('aksjesparekonto', (m) => {
      m.leveranse.oppgave[0].aksjesparekonto.innskudd = '-1';
    });
    expect(codes(negativeDeposit)).toContain('error:TREDJEPART_AMOUNT_NEGATIVE');
  });

  it('reads the owner in `person`, and the same account twice is a duplicate while two accounts are not', () => {
    const badId = check('aksjesparekonto', (m) => {
      m.leveranse.oppgave[0].oppgaveeier.person.foedselsnummer = '00000000000';
    });
    expect(badId.findings.map((f) => f.path)).toContain('leveranse/oppgave[1]/oppgaveeier/person/foedselsnummer');
    const twice = check('aksjesparekonto', (m) => {
      m.leveranse.oppgave[1].aksjesparekonto.kontonummer = m.leveranse.oppgave[0].aksjesparekonto.kontonummer;
      m.leveranse.oppgave[1].aksjesparekonto.kontonummertype = 'ISIN';
    });
    expect(codes(twice)).toContain('error:TREDJEPART_DUPLICATE_OPPGAVE');
    const noAccount = check('aksjesparekonto', (m) => delete m.leveranse.oppgave[1].aksjesparekonto.kontonummer);
    expect(codes(noAccount)).toContain('error:TREDJEPART_KONTO_MISSING');
  });
});

describe('finansprodukter (RF-1301)', () => {
  // test/fixtures/tredjepart/finansprodukter.json is Skatteetaten's example (Skatteetaten/api-dokumentasjon
  // docs/api/innrapportering-finansprodukter.md @ 11f2ca86, "Eksempel på innsending") with the profile's org, a Tenor
  // person for its 00000000000, the year 2025 as a string, and sumSalgsvederlag mended: the example's "40" is not the
  // sum of its two products' salgsvederlag (90 + 20).
  it('sums each finansprodukt of the konto, and names the product a bad amount is in', () => {
    expect(check('finansprodukter').summary?.sums.map((s) => [s.field.split('.').slice(2).join('.'), s.value])).toEqual(
      [
        ['formuesverdi.beloepINOK', '7800'],
        ['gevinstEllerTap.skattepliktigGevinst', '12'],
        ['gevinstEllerTap.fradragsberettigetTap', '90'],
        ['anvendtSkjerming', '8'],
        ['salgsvederlag.beloepINOK', '110'],
      ],
    );
    const asPublished = check('finansprodukter', (m) => (m.leveranse.oppgaveoppsummering.sumSalgsvederlag = '40'));
    expect(codes(asPublished)).toEqual(['error:TREDJEPART_SUM_MISMATCH']);
    const bad = check(
      'finansprodukter',
      (m) => (m.leveranse.oppgave[0].konto.finansprodukt[1].formuesverdi.beloepINOK = 'x'),
    );
    expect(bad.findings.map((f) => f.path)).toContain(
      'leveranse/oppgave[1]/konto/finansprodukt[2]/formuesverdi/beloepINOK',
    );
  });
});

describe('skattefrie utbetalinger (RF-1319) and åndsverk (RF-1357)', () => {
  // test/fixtures/tredjepart/skattefrieutbetalinger.json is Skatteetaten's example (Skatteetaten/api-dokumentasjon
  // docs/api/innrapportering-skattefrieutbetalinger.md @ 0a4b7085, "Eksempel på innsending") with the profile's org,
  // Tenor persons for its 01234567890 and 12345678901, and the year 2025.
  it('sums what each recipient was paid, and a summary with another sum is refused', () => {
    expect(check('skattefrieutbetalinger').summary?.sums.map((s) => [s.field, s.value])).toEqual([
      ['utbetalt', '10000'],
      ['tilbakebetalt', '0'],
    ]);
    const wrong = check('skattefrieutbetalinger', (m) => (m.leveranse.oppgaveoppsummering.sumUtbetalt = 9999));
    expect(codes(wrong)).toContain('error:TREDJEPART_SUM_MISMATCH');
    expect(wrong.valid).toBe(false);
  });

  // test/fixtures/tredjepart/aandsverk.json is Skatteetaten's example (docs/api/innrapportering-aandsverk.md
  // @ 0da16e5c, "Eksempel på innsending") with the profile's org, Tenor persons and 2025, mended where the example is
  // not a melding Skatteetaten could take: the comma after the last oppgave is gone, and the summary counts all three
  // oppgaver (the example's "2", 17500 and 6000 leave out the organisation owner added under them).
  it('reads a person owner in `person` and an organisation owner in `organisasjon`', () => {
    expect(check('aandsverk').summary).toMatchObject({ antallOppgaver: 3 });
    const badOrg = check('aandsverk', (m) => {
      m.leveranse.oppgave[2].oppgaveeier.organisasjon.organisasjonsnummer = '310646181';
    });
    expect(badOrg.findings.map((f) => f.path)).toContain(
      'leveranse/oppgave[3]/oppgaveeier/organisasjon/organisasjonsnummer',
    );
    const asPublished = check('aandsverk', (m) => {
      m.leveranse.oppgaveoppsummering.antallOppgaver = '2';
      m.leveranse.oppgaveoppsummering.sumUtbetaltGodtgjoerelseInnenNaeringsvirksomhet = '17500';
    });
    expect(asPublished.valid).toBe(false);
  });
});

/**
 * Each offline check, failing: a mutation of a passing fixture and the code (and path) it must give. The
 * fixtures above are the passing case of every row.
 */
const FAILING: [string, SchemeId, (m: Json) => void, string, string?][] = [
  ['unreadable JSON is named', 'gavertilfrivillige', () => undefined, 'TREDJEPART_JSON_INVALID'],
  ['no leveranse', 'gavertilfrivillige', (m) => delete m.leveranse, 'TREDJEPART_STRUCTURE'],
  [
    'a missing oppgavegiver, at its path',
    'boligsameie',
    (m) => delete lev(m).oppgavegiver,
    'TREDJEPART_STRUCTURE',
    'leveranse/oppgavegiver',
  ],
  [
    'gaver takes one leveranse',
    'gavertilfrivillige',
    (m) => (m.leveranse = [m.leveranse, m.leveranse]),
    'TREDJEPART_ONE_LEVERANSE',
  ],
  [
    'mixed income years (GLD_1069)',
    'boligselskap',
    (m) => m.leveranse.push({ ...lev(m), inntektsaar: 2024 }),
    'TREDJEPART_MIXED_INNTEKTSAAR',
  ],
  [
    'mixed oppgavegivere (GLD_1102)',
    'boligselskap',
    (m) => m.leveranse.push({ ...lev(m), oppgavegiver: { organisasjonsnummer: '314259521' } }),
    'TREDJEPART_MIXED_OPPGAVEGIVER',
  ],
  [
    'an income year that is not a year',
    'gavertilfrivillige',
    (m) => (lev(m).inntektsaar = '25'),
    'TREDJEPART_INNTEKTSAAR_INVALID',
  ],
  ['a future income year', 'gavertilfrivillige', (m) => (lev(m).inntektsaar = '2027'), 'TREDJEPART_INNTEKTSAAR_FUTURE'],
  [
    'an oppgavegiver org that is not 9 digits (GLD_1201)',
    'boligsameie',
    (m) => (lev(m).oppgavegiver.organisasjonsnummer = '97476107'),
    'TREDJEPART_OPPGAVEGIVER_ORGNR_LENGTH',
  ],
  [
    'an oppgavegiver org with a wrong check digit',
    'boligsameie',
    (m) => (lev(m).oppgavegiver.organisasjonsnummer = '974761077'),
    'TREDJEPART_OPPGAVEGIVER_ORGNR_INVALID',
  ],
  [
    'an oppgavegiver that is not the profile',
    'boligsameie',
    (m) => (lev(m).oppgavegiver.organisasjonsnummer = '314259521'),
    'TREDJEPART_OPPGAVEGIVER_NOT_PROFILE',
  ],
  [
    'an ordinary leveranse with no oppgaver',
    'gavertilfrivillige',
    (m) => {
      lev(m).oppgave = [];
      lev(m).oppgaveoppsummering = { antallOppgaver: 0, sumBeloep: '0' };
    },
    'TREDJEPART_NO_OPPGAVER',
  ],
  [
    'an owner with both ids',
    'gavertilfrivillige',
    (m) => (lev(m).oppgave[0].oppgaveeier.organisasjonsnummer = '314259521'),
    'TREDJEPART_OPPGAVEEIER_ID',
    'leveranse/oppgave[1]/oppgaveeier',
  ],
  [
    'an owner with no id',
    'gavertilfrivillige',
    (m) => delete lev(m).oppgave[0].oppgaveeier.foedselsnummer,
    'TREDJEPART_OPPGAVEEIER_ID',
  ],
  [
    'a wrong fødselsnummer',
    'gavertilfrivillige',
    (m) => (lev(m).oppgave[0].oppgaveeier.foedselsnummer = '03126510063'),
    'TREDJEPART_OPPGAVEEIER_PERSON_ID_INVALID',
    'leveranse/oppgave[1]/oppgaveeier/foedselsnummer',
  ],
  [
    'a Tenor person in production',
    'gavertilfrivillige',
    (m) => (lev(m).oppgave[0].oppgaveeier.foedselsnummer = '01818010083'),
    'TREDJEPART_OPPGAVEEIER_PERSON_ID_SYNTHETIC',
  ],
  [
    'a wrong owner org',
    'boligsameie',
    (m) => (lev(m).oppgave[0].oppgaveeier.organisasjonsnummer = '314259522'),
    'TREDJEPART_OPPGAVEEIER_ORGNR_INVALID',
  ],
  ['a missing gift amount', 'gavertilfrivillige', (m) => delete lev(m).oppgave[0].beloep, 'TREDJEPART_AMOUNT_MISSING'],
  [
    'an amount that is not a decimal',
    'gavertilfrivillige',
    (m) => (lev(m).oppgave[0].beloep = '2 000 kr'),
    'TREDJEPART_AMOUNT_INVALID',
  ],
  [
    'a negative amount',
    'boligsameie',
    (m) => (lev(m).oppgave[0].andelGjeld = -1),
    'TREDJEPART_AMOUNT_NEGATIVE',
    'leveranse/oppgave[1]/andelGjeld',
  ],
  [
    'no oppgaveoppsummering',
    'gavertilfrivillige',
    (m) => delete lev(m).oppgaveoppsummering,
    'TREDJEPART_SUMMARY_MISSING',
  ],
  [
    'no antallOppgaver',
    'gavertilfrivillige',
    (m) => delete lev(m).oppgaveoppsummering.antallOppgaver,
    'TREDJEPART_COUNT_MISSING',
  ],
  [
    'a count that does not match',
    'boligselskap',
    (m) => (lev(m).oppgaveoppsummering.antallOppgaver = 3),
    'TREDJEPART_COUNT_MISMATCH',
  ],
  [
    'a sum that does not match',
    'boligselskap',
    (m) => (lev(m).oppgaveoppsummering.sumAndelFormue = 675915),
    'TREDJEPART_SUM_MISMATCH',
    'leveranse[1]/oppgaveoppsummering/sumAndelFormue',
  ],
  [
    'the same owner twice',
    'gavertilfrivillige',
    (m) => {
      const l = lev(m);
      l.oppgave[1].oppgaveeier = l.oppgave[0].oppgaveeier;
    },
    'TREDJEPART_DUPLICATE_OPPGAVE',
    'leveranse/oppgave[2]',
  ],
  [
    'a boenhet with both numbers',
    'boligselskap',
    (m) => (lev(m).oppgave[0].boenhet.andelsnummer = 3),
    'TREDJEPART_BOENHET_NUMMER',
  ],
  ['no boenhet', 'boligselskap', (m) => delete lev(m).oppgave[0].boenhet, 'TREDJEPART_BOENHET_MISSING'],
  [
    'a kommunenummer of three digits',
    'boligselskap',
    (m) => (lev(m).oppgave[0].boenhet.kommunenummer = '301'),
    'TREDJEPART_KOMMUNENUMMER_INVALID',
  ],
  [
    'an ownership share over 1',
    'boligselskap',
    (m) => (lev(m).oppgave[0].eierandel.eierandelTeller = 11),
    'TREDJEPART_EIERANDEL_INVALID',
  ],
  [
    'an ownership period ending before it starts',
    'boligselskap',
    (m) => (lev(m).oppgave[0].eiertid = { start: '3112', slutt: '0101' }),
    'TREDJEPART_EIERTID_INVALID',
  ],
  ['no formål anywhere', 'boligselskap', (m) => delete lev(m).boligselskapFormaal, 'TREDJEPART_FORMAAL_MISSING'],
  [
    'an unknown formål',
    'boligselskap',
    (m) => (lev(m).boligselskapFormaal = 'hytte'),
    'TREDJEPART_FORMAAL_INVALID',
    'leveranse[1]/boligselskapFormaal',
  ],
  [
    'no matrikkelnummer',
    'boligsameie',
    (m) => delete lev(m).oppgave[0].matrikkelnummer,
    'TREDJEPART_MATRIKKEL_MISSING',
  ],
  [
    'a gårdsnummer of 0',
    'boligsameie',
    (m) => (lev(m).oppgave[0].matrikkelnummer.gaardsnummer = 0),
    'TREDJEPART_MATRIKKEL_INVALID',
  ],
];

describe('each offline check fails where it should', () => {
  it.each(FAILING)('%s', (_name, scheme, mutate, code, path) => {
    const result =
      code === 'TREDJEPART_JSON_INVALID'
        ? checkMeldingText('{"leveranse": ', { scheme, ...ctx })
        : check(scheme, mutate);
    const finding = result.findings.find((f) => f.code === code);
    expect(finding, codes(result).join(', ')).toBeDefined();
    expect(finding?.severity).toBe('error');
    expect(result.valid).toBe(false);
    if (path) expect(finding?.path).toBe(path);
    expect(finding?.message.nb).not.toBe(finding?.message.en);
  });
});

const WARNINGS: [string, SchemeId, (m: Json) => void, string][] = [
  [
    'an income year not over yet',
    'gavertilfrivillige',
    (m) => (lev(m).inntektsaar = '2026'),
    'TREDJEPART_INNTEKTSAAR_NOT_OVER',
  ],
  ['no kildesystem', 'gavertilfrivillige', (m) => delete lev(m).kildesystem, 'TREDJEPART_KILDESYSTEM_MISSING'],
  [
    'no contact information',
    'gavertilfrivillige',
    (m) => delete lev(m).oppgavegiver.kontaktinformasjon,
    'TREDJEPART_KONTAKT_MISSING',
  ],
  [
    'an unknown leveransetype',
    'gavertilfrivillige',
    (m) => (lev(m).leveransetype = 'erstatning'),
    'TREDJEPART_LEVERANSETYPE_UNKNOWN',
  ],
  [
    'an owner with no name',
    'gavertilfrivillige',
    (m) => delete lev(m).oppgave[0].oppgaveeier.navn,
    'TREDJEPART_OPPGAVEEIER_NAVN_MISSING',
  ],
  ['a sum left out', 'boligsameie', (m) => delete lev(m).oppgaveoppsummering.sumAndelGjeld, 'TREDJEPART_SUM_MISSING'],
  [
    'a gift under 500 kr',
    'gavertilfrivillige',
    (m) => {
      lev(m).oppgave[0].beloep = '400';
      lev(m).oppgaveoppsummering.sumBeloep = '8400.50';
    },
    'TREDJEPART_GAVE_UNDER_500',
  ],
  [
    'a bolignummer not shaped H0101',
    'boligselskap',
    (m) => {
      for (const o of lev(m).oppgave) o.boenhet.bolignummer = 'U111';
    },
    'TREDJEPART_BOLIGNUMMER_FORMAT',
  ],
];

describe('warnings do not block', () => {
  it.each(WARNINGS)('%s', (_name, scheme, mutate, code) => {
    const result = check(scheme, mutate);
    expect(codes(result)).toContain(`warning:${code}`);
    expect(result.valid).toBe(true);
  });

  it('accepts a Tenor person in the sandbox', () => {
    const result = check('gavertilfrivillige', (m) => (lev(m).oppgave[0].oppgaveeier.foedselsnummer = '01818010083'), {
      environment: 'sandbox',
    } as never);
    expect(result.valid).toBe(true);
  });
});

describe('amounts in the messages read as kroner', () => {
  it('a sum that does not match names both amounts grouped, in bokmål and English', () => {
    const result = check('boligselskap', (m) => (lev(m).oppgaveoppsummering.sumAndelFormue = 1));
    const finding = result.findings.find((f) => f.code === 'TREDJEPART_SUM_MISMATCH')!;
    expect(finding.message.nb).toBe('sumAndelFormue er 1 kr, men summen av andelFormue i oppgavene er 675 914 kr.');
    expect(finding.message.en).toBe('sumAndelFormue is 1 kr, but andelFormue in the oppgaver sums to 675,914 kr.');
  });

  it('a gift under 500 kr keeps its øre', () => {
    const result = check('gavertilfrivillige', (m) => {
      lev(m).oppgave[0].beloep = '400.5';
      lev(m).oppgaveoppsummering.sumBeloep = '8400.50';
    });
    expect(result.findings.map((f) => f.message.nb).join('\n')).toContain('sjekk om 400,50 kr skal rapporteres');
  });
});

describe('the scheme registry', () => {
  it('names each scheme’s catalogue service, scope and resource once', async () => {
    const { SCHEME_IDS, schemeScope, schemeResource, schemeOfResource } =
      await import('../../../shared/tredjepart/schemes');
    expect(SCHEME_IDS.map((id) => [schemeScope(id), schemeResource(id)])).toEqual([
      ['skatteetaten:innrapporteringboligselskap', 'ske-innrapportering-boligselskap'],
      ['skatteetaten:innrapporteringboligsameie', 'ske-innrapportering-boligsameie'],
      [
        'skatteetaten:innrapporteringgaverfrivilligeorganisasjoner',
        'ske-innrapportering-gaver-frivillige-organisasjoner',
      ],
      ['skatteetaten:innrapporteringaksjesparekonto', 'ske-innrapportering-aksjesparekonto'],
      ['skatteetaten:innrapporteringfinansprodukter', 'ske-innrapportering-finansprodukter'],
      ['skatteetaten:innrapporteringskattefrieutbetalinger', 'ske-innrapportering-skattefrie-utbetalinger'],
      [
        'skatteetaten:innrapporteringgodtgjoeringopphaveraandsverk',
        'ske-innrapportering-godtgjoering-opphaver-aandsverk',
      ],
    ]);
    expect(schemeOfResource('urn:altinn:resource:ske-innrapportering-boligsameie')).toBe('boligsameie');
    // Setup offers every tredjepart service of the catalogue: each must be one Innsender can send.
    const { SERVICES } = await import('../../../shared/domain/services-catalogue');
    const tredjepart = SERVICES.filter((s) => s.id.startsWith('tredjepart-'));
    expect(tredjepart.map((s) => schemeOfResource(s.resource)).filter((id) => id === null)).toEqual([]);
    expect(schemeOfResource('ske-innrapportering-amelding')).toBeNull();
  });
});
