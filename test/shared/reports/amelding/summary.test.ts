import { describe, expect, it } from 'vitest';
import { AMeldingSummarySchema, summariseAMelding } from '../../../../shared/reports/amelding/summary';
import { exampleLeveranse } from '../fixtures';

describe('summariseAMelding', () => {
  it('totals income, withholding and contribution per zone across sub-units, counting people once', () => {
    const l = exampleLeveranse();
    const second = structuredClone(l.oppgave.virksomhet![0]!);
    second.norskIdentifikator = '974761076';
    second.arbeidsgiveravgift!.loennOgGodtgjoerelse![0]!.sone = '2';
    second.arbeidsgiveravgift!.loennOgGodtgjoerelse![0]!.prosentsatsForAvgiftsberegning = '10.6';
    l.oppgave.virksomhet!.push(second);
    const summary = summariseAMelding(l, 'v2_2', 'xml');
    expect(AMeldingSummarySchema.parse(summary)).toEqual(summary);
    expect(summary.inntektsmottakere).toBe(1);
    expect(summary.virksomheter.map((v) => v.organisasjonsnummer)).toEqual(['314768949', '974761076']);
    expect(summary.totals).toMatchObject({
      inntekt: '80000',
      forskuddstrekk: 24000,
      arbeidsgiveravgift: 5640 + 4240,
      arbeidsgiveravgiftPerSone: [
        { sone: '1', grunnlag: '40000', arbeidsgiveravgift: 5640 },
        { sone: '2', grunnlag: '40000', arbeidsgiveravgift: 4240 },
      ],
    });
  });
});
