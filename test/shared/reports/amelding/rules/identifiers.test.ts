import { describe, expect, it } from 'vitest';
import { identifierRules } from '../../../../../shared/reports/amelding/rules/identifiers';
import { exampleLeveranse, testContext } from '../../fixtures';

const codes = (l = exampleLeveranse(), context = testContext) => identifierRules(l, context).map((f) => f.code);

describe('a-melding identifier rules', () => {
  it('accept the example in test', () => expect(codes()).toEqual([]));

  it('reject an invalid opplysningspliktig and virksomhet organisasjonsnummer (107B)', () => {
    const l = exampleLeveranse();
    l.opplysningspliktig.norskIdentifikator = '899205291';
    l.oppgave.virksomhet![0]!.norskIdentifikator = '314768948';
    expect(codes(l)).toEqual(['AMELDING_OPPLYSNINGSPLIKTIG_ORGNR_INVALID', 'AMELDING_VIRKSOMHET_ORGNR_INVALID']);
  });

  it('reject an invalid person number and a synthetic one in production', () => {
    const l = exampleLeveranse();
    l.oppgave.virksomhet![0]!.inntektsmottaker![0]!.norskIdentifikator = '08842199737';
    expect(codes(l)).toEqual(['AMELDING_INNTEKTSMOTTAKER_PERSON_ID_INVALID']);
    expect(codes(exampleLeveranse(), { ...testContext, environment: 'production' })).toEqual([
      'AMELDING_INNTEKTSMOTTAKER_PERSON_ID_SYNTHETIC',
    ]);
  });

  it('require some identification of the income recipient', () => {
    const l = exampleLeveranse();
    delete l.oppgave.virksomhet![0]!.inntektsmottaker![0]!.norskIdentifikator;
    expect(codes(l)).toEqual(['AMELDING_INNTEKTSMOTTAKER_ID_MISSING']);
  });

  it('warn when the stated birth date contradicts the number (254)', () => {
    const l = exampleLeveranse();
    l.oppgave.virksomhet![0]!.inntektsmottaker![0]!.identifiserendeInformasjon = {
      navn: 'Ola',
      foedselsdato: '2021-04-09',
    };
    const findings = identifierRules(l, testContext);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['AMELDING_FOEDSELSDATO_MISMATCH', 'warning']]);
    l.oppgave.virksomhet![0]!.inntektsmottaker![0]!.identifiserendeInformasjon!.foedselsdato = '2021-04-08';
    expect(codes(l)).toEqual([]);
  });

  // Skatteetaten's a-melding guide, "Organisation number": a private person who employs someone reports with
  // their fødselsnummer as both opplysningspliktig and virksomhet. 26829398612 is the synthetic shareholder of
  // Skatteetaten's RF-1086 example.
  it('accept a private person employer with the same fødselsnummer as opplysningspliktig and virksomhet', () => {
    const l = exampleLeveranse();
    l.opplysningspliktig.norskIdentifikator = '26829398612';
    l.oppgave.virksomhet![0]!.norskIdentifikator = '26829398612';
    expect(codes(l)).toEqual([]);
  });

  it('reject a virksomhet given by another fødselsnummer than the opplysningspliktig, or an invalid one', () => {
    const l = exampleLeveranse();
    l.oppgave.virksomhet![0]!.norskIdentifikator = '26829398612';
    expect(codes(l)).toEqual(['AMELDING_VIRKSOMHET_PERSON_NOT_EMPLOYER']);
    l.oppgave.virksomhet![0]!.norskIdentifikator = '26829398613';
    expect(codes(l)).toEqual(['AMELDING_VIRKSOMHET_PERSON_ID_INVALID']);
    l.opplysningspliktig.norskIdentifikator = '26829398613';
    l.oppgave.virksomhet![0]!.norskIdentifikator = '26829398612';
    expect(codes(l)).toEqual([
      'AMELDING_OPPLYSNINGSPLIKTIG_PERSON_ID_INVALID',
      'AMELDING_VIRKSOMHET_PERSON_NOT_EMPLOYER',
    ]);
  });

  it('refuse a synthetic private employer in production', () => {
    const l = exampleLeveranse();
    l.opplysningspliktig.norskIdentifikator = '26829398612';
    l.oppgave.virksomhet![0]!.norskIdentifikator = '26829398612';
    expect(codes(l, { ...testContext, environment: 'production' })).toEqual([
      'AMELDING_OPPLYSNINGSPLIKTIG_PERSON_ID_SYNTHETIC',
      'AMELDING_VIRKSOMHET_PERSON_ID_SYNTHETIC',
      'AMELDING_INNTEKTSMOTTAKER_PERSON_ID_SYNTHETIC',
    ]);
  });
});
