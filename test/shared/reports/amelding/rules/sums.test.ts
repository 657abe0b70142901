import { describe, expect, it } from 'vitest';
import type { Leveranse } from '../../../../../shared/reports/amelding/model';
import { sumRules } from '../../../../../shared/reports/amelding/rules/sums';
import { exampleLeveranse, testContext } from '../../fixtures';

const findingsFor = (change: (l: Leveranse) => void) => {
  const l = exampleLeveranse();
  change(l);
  return sumRules(l, testContext).map((f) => [f.code, f.severity]);
};
const mottaker = (l: Leveranse) => l.oppgave.virksomhet![0]!.inntektsmottaker![0]!;
const grunnlag = (l: Leveranse) => l.oppgave.virksomhet![0]!.arbeidsgiveravgift!.loennOgGodtgjoerelse![0]!;

describe('a-melding sum rules', () => {
  it('accept the example', () => expect(findingsFor(() => {})).toEqual([]));

  it('reject a sumForskuddstrekk that is not the negated sum of the people’s withholding (173)', () => {
    expect(findingsFor((l) => (l.oppgave.betalingsinformasjon!.sumForskuddstrekk = 11000))).toEqual([
      ['AMELDING_SUM_FORSKUDDSTREKK', 'error'],
    ]);
    expect(findingsFor((l) => delete l.oppgave.betalingsinformasjon)).toContainEqual([
      'AMELDING_SUM_FORSKUDDSTREKK',
      'error',
    ]);
  });

  it('reject a positive per-person forskuddstrekk (278)', () => {
    expect(
      findingsFor((l) => {
        mottaker(l).forskuddstrekk![0]!.beloep = 12000;
        l.oppgave.betalingsinformasjon!.sumForskuddstrekk = -12000;
      }),
    ).toEqual([['AMELDING_FORSKUDDSTREKK_POSITIVE', 'error']]);
  });

  it('reject a sumArbeidsgiveravgift far from base × rate; warn when it looks like per-line rounding', () => {
    expect(findingsFor((l) => (l.oppgave.betalingsinformasjon!.sumArbeidsgiveravgift = 5000))).toEqual([
      ['AMELDING_SUM_ARBEIDSGIVERAVGIFT', 'error'],
    ]);
    expect(findingsFor((l) => (l.oppgave.betalingsinformasjon!.sumArbeidsgiveravgift = 5641))).toEqual([
      ['AMELDING_SUM_ARBEIDSGIVERAVGIFT_ROUNDING', 'warning'],
    ]);
  });

  it('accept rounding or truncation of the total (34 605.348 → 34 605)', () => {
    expect(
      findingsFor((l) => {
        grunnlag(l).avgiftsgrunnlagBeloep = '245428.0';
        mottaker(l).inntekt![0]!.beloep = '245428.0';
        l.oppgave.betalingsinformasjon!.sumArbeidsgiveravgift = 34605;
      }),
    ).toEqual([]);
  });

  it('check withholding per payment date (v2_3)', () => {
    expect(
      findingsFor(
        (l) =>
          (l.oppgave.betalingsinformasjon!.sumForskuddstrekkPerLoennsutbetalingsdato = [
            { loennsutbetalingsdato: '2026-01-20', beloep: 12000 },
          ]),
      ),
    ).toEqual([]);
    expect(
      findingsFor(
        (l) =>
          (l.oppgave.betalingsinformasjon!.sumForskuddstrekkPerLoennsutbetalingsdato = [
            { loennsutbetalingsdato: '2026-01-20', beloep: 1000 },
          ]),
      ),
    ).toEqual([['AMELDING_SUM_FORSKUDDSTREKK_PER_DATO', 'error']]);
  });

  it('warn when the AGA base differs from AGA-liable income (184) and on an unknown rate', () => {
    expect(findingsFor((l) => (mottaker(l).inntekt![0]!.beloep = '39000'))).toEqual([
      ['AMELDING_AGA_GRUNNLAG_MISMATCH', 'warning'],
    ]);
    expect(
      findingsFor((l) => {
        grunnlag(l).prosentsatsForAvgiftsberegning = '10.6';
        l.oppgave.betalingsinformasjon!.sumArbeidsgiveravgift = 4240;
      }),
    ).toEqual([['AMELDING_AGA_RATE_UNEXPECTED', 'warning']]);
  });

  it('warn when sumUtleggstrekk does not match the people’s utleggstrekk', () => {
    expect(
      findingsFor((l) => (mottaker(l).utleggstrekk = [{ beskrivelse: 'utleggstrekkSkatt', beloep: -500 }])),
    ).toEqual([['AMELDING_SUM_UTLEGGSTREKK', 'warning']]);
    expect(
      findingsFor((l) => {
        mottaker(l).utleggstrekk = [{ beskrivelse: 'utleggstrekkSkatt', beloep: -500 }];
        l.oppgave.betalingsinformasjon!.sumUtleggstrekk = 500;
      }),
    ).toEqual([]);
  });
});
