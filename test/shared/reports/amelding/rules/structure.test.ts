import { describe, expect, it } from 'vitest';
import { structureRules } from '../../../../../shared/reports/amelding/rules/structure';
import { exampleLeveranse, testContext } from '../../fixtures';

describe('a-melding JSON structure rules', () => {
  const json = { ...testContext, source: 'json' as const };

  it('accept exactly one income type', () => expect(structureRules(exampleLeveranse(), json)).toEqual([]));

  it('reject zero or two income types, and a tilleggsinformasjon with two members', () => {
    const l = exampleLeveranse();
    const inntekt = l.oppgave.virksomhet![0]!.inntektsmottaker![0]!.inntekt![0]!;
    inntekt.ytelseFraOffentlige = { beskrivelse: 'dagpenger' };
    inntekt.loennsinntekt!.tilleggsinformasjon = { inntjeningsforhold: 'x', lottOgPart: {} };
    expect(structureRules(l, json).map((f) => f.code)).toEqual([
      'AMELDING_INNTEKT_TYPE_COUNT',
      'AMELDING_TILLEGGSINFORMASJON_COUNT',
    ]);
    delete inntekt.ytelseFraOffentlige;
    delete inntekt.loennsinntekt;
    expect(structureRules(l, json).map((f) => f.code)).toEqual(['AMELDING_INNTEKT_TYPE_COUNT']);
  });

  it('leave XML to the XSD', () => {
    const l = exampleLeveranse();
    delete l.oppgave.virksomhet![0]!.inntektsmottaker![0]!.inntekt![0]!.loennsinntekt;
    expect(structureRules(l, testContext)).toEqual([]);
  });
});
