import { describe, expect, it } from 'vitest';
import { placeOf, withPlaces } from '../../../../shared/reports/amelding/finding-place';
import { error } from '../../../../shared/reports/finding';
import type { Leveranse } from '../../../../shared/reports/amelding/model';

const leveranse = {
  kalendermaaned: '2026-01',
  opplysningspliktig: { norskIdentifikator: '211785462' },
  oppgave: {
    virksomhet: [
      {
        norskIdentifikator: '314768949',
        inntektsmottaker: [
          { norskIdentifikator: '01019012345', arbeidsforhold: [{ arbeidsforholdId: 'AF-1' }], inntekt: [] },
          {
            norskIdentifikator: '02029054321',
            identifiserendeInformasjon: { navn: 'Kari Nordmann', foedselsdato: '1990-02-02', ansattnummer: '17' },
            arbeidsforhold: [{}],
            inntekt: [{ loennsinntekt: { beskrivelse: 'fastloenn' } }],
          },
        ],
      },
    ],
  },
} as unknown as Leveranse;

describe('where an a-melding finding is, in words', () => {
  it('names the person by masked fødselsnummer, the employment and the month', () => {
    expect(placeOf('leveranse/oppgave/virksomhet[1]/inntektsmottaker[1]/arbeidsforhold[1]/yrke', leveranse)).toEqual({
      nb: '010190 *****, arbeidsforhold AF-1, januar 2026',
      en: '010190 *****, employment AF-1, January 2026',
    });
  });

  it('uses the name and employee number when the file has them, and the income line', () => {
    expect(placeOf('leveranse/oppgave/virksomhet[1]/inntektsmottaker[2]/inntekt[1]/beloep', leveranse)?.nb).toBe(
      'Kari Nordmann, 020290 ***** (ansattnr. 17), inntektslinje 1 (fastloenn), januar 2026',
    );
    expect(placeOf('leveranse/oppgave/virksomhet[1]/inntektsmottaker[2]/arbeidsforhold[1]', leveranse)?.en).toBe(
      'Kari Nordmann, 020290 ***** (employee no. 17), employment no. 1, January 2026',
    );
  });

  it('names the sub-unit, or the month totals, and nothing for the document as a whole', () => {
    expect(placeOf('leveranse/oppgave/virksomhet[1]/arbeidsgiveravgift', leveranse)?.nb).toBe(
      'virksomhet 314 768 949, januar 2026',
    );
    expect(placeOf('leveranse/oppgave/betalingsinformasjon/sumForskuddstrekk', leveranse)?.en).toBe(
      "the month's totals (payment information), January 2026",
    );
    expect(placeOf('leveranse/meldingsId', leveranse)).toBeUndefined();
  });

  it('never puts a whole fødselsnummer in a finding', () => {
    const [placed] = withPlaces(
      [error('X', 'leveranse/oppgave/virksomhet[1]/inntektsmottaker[1]/inntekt[9]', 'nb', 'en')],
      leveranse,
    );
    expect(JSON.stringify(placed)).not.toContain('01019012345');
    expect(placed?.where?.nb).toBe('010190 *****, inntektslinje 9, januar 2026');
  });
});
