import type { Finding } from '../../finding';
import { birthDateOf } from '../../ids/foedselsnummer';
import { organisasjonsnummerFindings, personIdentifierFindings } from '../../ids/identifier-findings';
import { aMeldingFinding } from '../controls';
import { inntektsmottakereOf, virksomheterOf } from '../walk';
import type { AMeldingRule } from './rule-context';

/** Check digits of every organisation and person identifier (formats.md §2.1, §4; rules 107B, 254). */
export const identifierRules: AMeldingRule = (leveranse, context) => {
  const findings: Finding[] = [];
  const opplysningspliktig = leveranse.opplysningspliktig.norskIdentifikator;
  const opplysningspliktigPath = 'leveranse/opplysningspliktig/norskIdentifikator';
  findings.push(
    ...(opplysningspliktig.length === 11
      ? personIdentifierFindings(
          opplysningspliktig,
          opplysningspliktigPath,
          'AMELDING_OPPLYSNINGSPLIKTIG',
          context.environment,
        )
      : organisasjonsnummerFindings(opplysningspliktig, opplysningspliktigPath, 'AMELDING_OPPLYSNINGSPLIKTIG')),
  );
  for (const { virksomhet, path } of virksomheterOf(leveranse)) {
    const id = virksomhet.norskIdentifikator;
    const at = `${path}/norskIdentifikator`;
    if (id.length !== 11) {
      findings.push(...organisasjonsnummerFindings(id, at, 'AMELDING_VIRKSOMHET'));
      continue;
    }
    // A private person who employs someone (a nanny, a carer) has no organisation number and reports with their
    // fødselsnummer both as opplysningspliktig and as virksomhet (Skatteetaten's a-melding guide, "Organisation
    // number"); any other sub-unit given by a person number cannot be registered.
    const personFindings = personIdentifierFindings(id, at, 'AMELDING_VIRKSOMHET', context.environment);
    findings.push(...personFindings);
    if (personFindings.length === 0 && id !== opplysningspliktig) {
      findings.push(
        aMeldingFinding(
          'AMELDING_VIRKSOMHET_PERSON_NOT_EMPLOYER',
          at,
          `Virksomheten er oppgitt med fødselsnummer (${id}), men opplysningspliktig er ${opplysningspliktig}. En privatperson som arbeidsgiver oppgir sitt eget fødselsnummer både som opplysningspliktig og som virksomhet.`,
          `The sub-unit is given by a national identity number (${id}), but the reporting entity is ${opplysningspliktig}. A private person employing someone gives their own number both as reporting entity and as sub-unit.`,
        ),
      );
    }
  }
  for (const { mottaker, path } of inntektsmottakereOf(leveranse)) {
    const id = mottaker.norskIdentifikator;
    if (id === undefined) {
      if (!mottaker.identifiserendeInformasjon && !mottaker.internasjonalIdentifikator?.length) {
        findings.push(
          aMeldingFinding(
            'AMELDING_INNTEKTSMOTTAKER_ID_MISSING',
            path,
            'Inntektsmottakeren mangler fødselsnummer/D-nummer og har heller ikke navn og fødselsdato.',
            'The income recipient has no national identity number/D number and no name and birth date either.',
          ),
        );
      }
      continue;
    }
    const idFindings = personIdentifierFindings(
      id,
      `${path}/norskIdentifikator`,
      'AMELDING_INNTEKTSMOTTAKER',
      context.environment,
    );
    findings.push(...idFindings);
    const stated = mottaker.identifiserendeInformasjon?.foedselsdato;
    const encoded = idFindings.length === 0 ? birthDateOf(id) : undefined;
    if (stated && encoded && stated.slice(0, 10) !== encoded) {
      findings.push(
        aMeldingFinding(
          'AMELDING_FOEDSELSDATO_MISMATCH',
          `${path}/identifiserendeInformasjon/foedselsdato`,
          `Fødselsdatoen ${stated} stemmer ikke med fødselsnummeret (${encoded}) (Skatteetatens avvikskode 254).`,
          `The birth date ${stated} does not match the identity number (${encoded}) (Skatteetaten deviation code 254).`,
        ),
      );
    }
  }
  return findings;
};
