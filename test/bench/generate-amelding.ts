import type { Inntektsmottaker, Leveranse } from '../../shared/reports/amelding/model';

const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function control(digits: number[], weights: number[]): number {
  const rest = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0) % 11;
  return rest === 0 ? 0 : 11 - rest;
}

/** The n-th synthetic (Tenor-style, month + 80) fødselsnummer with valid pre-2032 check digits. */
export function syntheticFoedselsnummer(n: number): string {
  for (let attempt = n * 7; ; attempt++) {
    const day = (attempt % 28) + 1;
    const month = (Math.floor(attempt / 28) % 12) + 1 + 80;
    const year = 60 + (Math.floor(attempt / 336) % 40);
    const individ = Math.floor(attempt / 13440) % 500;
    const digits = `${String(day).padStart(2, '0')}${month}${year}${String(individ).padStart(3, '0')}`
      .split('')
      .map(Number);
    const k1 = control(digits, K1);
    if (k1 === 10) continue;
    const k2 = control([...digits, k1], K2);
    if (k2 === 10) continue;
    return [...digits, k1, k2].join('');
  }
}

/** A realistic, rule-clean a-melding with `recipients` people spread over three sub-units. */
export function generateAMelding(recipients: number): Leveranse {
  const units = ['314768949', '314259521', '974761076'];
  let totalTrekk = 0;
  const virksomhet = units.map((orgnr) => ({
    norskIdentifikator: orgnr,
    inntektsmottaker: [] as Inntektsmottaker[],
    base: 0,
  }));
  const used = new Set<string>();
  for (let i = 0; i < recipients; i++) {
    let id = syntheticFoedselsnummer(i);
    for (let k = 1; used.has(id); k++) id = syntheticFoedselsnummer(i + recipients * k);
    used.add(id);
    const salary = 30000 + (i % 50) * 1000;
    const trekk = Math.round(salary * 0.3);
    totalTrekk += trekk;
    const unit = virksomhet[i % units.length]!;
    unit.base += salary + 1500;
    unit.inntektsmottaker.push({
      norskIdentifikator: id,
      arbeidsforhold: [
        {
          arbeidsforholdId: '1',
          typeArbeidsforhold: 'ordinaertArbeidsforhold',
          startdato: '2020-01-01',
          antallTimerPerUkeSomEnFullStillingTilsvarer: '37.5',
          yrke: '3411101',
          arbeidstidsordning: 'ikkeSkift',
          stillingsprosent: '100',
          sisteLoennsendringsdato: '2025-01-01',
          formForAnsettelse: 'fast',
        },
      ],
      forskuddstrekk: [{ beskrivelse: 'ordinaert', beloep: -trekk }],
      inntekt: [
        {
          fordel: 'kontantytelse',
          utloeserArbeidsgiveravgift: true,
          inngaarIGrunnlagForTrekk: true,
          beloep: `${salary}.00`,
          arbeidsforholdId: '1',
          loennsinntekt: { beskrivelse: 'fastloenn' },
        },
        {
          fordel: 'kontantytelse',
          utloeserArbeidsgiveravgift: true,
          inngaarIGrunnlagForTrekk: true,
          beloep: '1500.00',
          arbeidsforholdId: '1',
          loennsinntekt: { beskrivelse: 'overtidsgodtgjoerelse' },
        },
      ],
    });
  }
  let aga = 0n;
  const virksomheter = virksomhet.map(({ norskIdentifikator, inntektsmottaker, base }) => {
    aga += BigInt(base) * 141n;
    return {
      norskIdentifikator,
      inntektsmottaker,
      arbeidsgiveravgift: {
        loennOgGodtgjoerelse: [
          {
            beregningskodeForArbeidsgiveravgift: 'generelleNaeringer',
            sone: '1',
            avgiftsgrunnlagBeloep: `${base}.00`,
            prosentsatsForAvgiftsberegning: '14.1',
          },
        ],
      },
    };
  });
  return {
    leveringstidspunkt: '2026-01-23T14:50:35Z',
    kalendermaaned: '2026-01',
    kildesystem: 'Innsender benchmark',
    meldingsId: `bench${recipients}`,
    opplysningspliktig: { norskIdentifikator: '211785462' },
    oppgave: {
      betalingsinformasjon: { sumForskuddstrekk: totalTrekk, sumArbeidsgiveravgift: Number((aga + 500n) / 1000n) },
      virksomhet: virksomheter,
    },
  };
}
