import { describe, expect, it } from 'vitest';
import { codeListRules } from '../../../../../shared/reports/amelding/rules/code-lists';
import { exampleLeveranse, testContext } from '../../fixtures';

describe('a-melding code list rules (282)', () => {
  it('accept the example', () => expect(codeListRules(exampleLeveranse(), testContext)).toEqual([]));

  it('reject unknown codes in complete lists, warn in incomplete ones', () => {
    const l = exampleLeveranse();
    const mottaker = l.oppgave.virksomhet![0]!.inntektsmottaker![0]!;
    mottaker.arbeidsforhold![0]!.typeArbeidsforhold = 'ordinært';
    mottaker.inntekt![0]!.fordel = 'kontant';
    mottaker.inntekt![0]!.loennsinntekt!.beskrivelse = 'nyLoennsart';
    mottaker.forskuddstrekk![0]!.beskrivelse = 'ukjent';
    l.oppgave.virksomhet![0]!.arbeidsgiveravgift!.loennOgGodtgjoerelse![0]!.sone = '6';
    const findings = codeListRules(l, testContext);
    expect(findings.map((f) => [f.code, f.severity, f.path.split('/').slice(-1)[0]])).toEqual([
      ['AMELDING_CODE_UNKNOWN', 'error', 'typeArbeidsforhold'],
      ['AMELDING_CODE_NOT_LISTED', 'warning', 'beskrivelse'],
      ['AMELDING_CODE_UNKNOWN', 'error', 'fordel'],
      ['AMELDING_CODE_NOT_LISTED', 'warning', 'beskrivelse'],
      ['AMELDING_CODE_UNKNOWN', 'error', 'sone'],
    ]);
  });
});
