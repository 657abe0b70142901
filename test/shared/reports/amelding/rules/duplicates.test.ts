import { describe, expect, it } from 'vitest';
import { duplicateRules } from '../../../../../shared/reports/amelding/rules/duplicates';
import { exampleLeveranse, testContext } from '../../fixtures';

describe('a-melding duplicate rules', () => {
  it('accept the example', () => expect(duplicateRules(exampleLeveranse(), testContext)).toEqual([]));

  it('reject the same person twice in a virksomhet (175B) and the same virksomhet twice', () => {
    const l = exampleLeveranse();
    const v = l.oppgave.virksomhet![0]!;
    v.inntektsmottaker!.push(structuredClone(v.inntektsmottaker![0]!));
    l.oppgave.virksomhet!.push({ norskIdentifikator: v.norskIdentifikator });
    expect(duplicateRules(l, testContext).map((f) => [f.code, f.path])).toEqual([
      ['AMELDING_DUPLICATE_VIRKSOMHET', 'leveranse/oppgave/virksomhet[2]'],
      ['AMELDING_DUPLICATE_PERSON', 'leveranse/oppgave/virksomhet[1]/inntektsmottaker[2]/norskIdentifikator'],
    ]);
  });

  it('reject a repeated arbeidsforholdId and warn on income pointing at an unknown one', () => {
    const l = exampleLeveranse();
    const m = l.oppgave.virksomhet![0]!.inntektsmottaker![0]!;
    m.arbeidsforhold!.push(structuredClone(m.arbeidsforhold![0]!));
    m.inntekt![0]!.arbeidsforholdId = '9';
    expect(duplicateRules(l, testContext).map((f) => [f.code, f.severity])).toEqual([
      ['AMELDING_DUPLICATE_ARBEIDSFORHOLD', 'error'],
      ['AMELDING_INNTEKT_ARBEIDSFORHOLD_UNKNOWN', 'warning'],
    ]);
  });
});
