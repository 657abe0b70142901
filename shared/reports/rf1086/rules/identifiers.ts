import type { Finding } from '../../finding';
import { organisasjonsnummerFindings, personIdentifierFindings } from '../../ids/identifier-findings';
import { rf1086Finding } from '../controls';
import type { Rf1086Field, Rf1086Form } from '../model';
import { formsOf } from '../returns';
import { at, type Rf1086Rule, type Rf1086RuleContext } from './rule-context';

/** Identifier check digits (formats.md §3.4 rule 8) and "exactly one shareholder identifier" (§3.3). */
export const identifierRules: Rf1086Rule = (set, context) => {
  const findings: Finding[] = [];
  for (const form of formsOf(set)) {
    const orgnr = form.organisasjonsnummer;
    if (orgnr)
      findings.push(...place(form, orgnr, organisasjonsnummerFindings(orgnr.value, orgnr.path, 'RF1086_SELSKAP')));
    if (form.form !== 'underskjema') continue;
    const a = form.aksjonaer;
    const ids = [a.fodselsnummer, a.organisasjonsnummer, a.utenlandskId].filter((f) => f !== undefined);
    if (ids.length > 1) {
      findings.push(
        at(
          rf1086Finding(
            'RF1086_SHAREHOLDER_ID_COUNT',
            a.path,
            'Oppgi bare én identifikator for aksjonæren: fødselsnummer, organisasjonsnummer eller utenlandsk ID.',
            'Give only one identifier for the shareholder: national identity number, organisation number or foreign ID.',
          ),
          { file: form.file, line: a.line },
        ),
      );
    }
    if (a.fodselsnummer) {
      findings.push(
        ...place(
          form,
          a.fodselsnummer,
          personIdentifierFindings(
            a.fodselsnummer.value,
            a.fodselsnummer.path,
            'RF1086_AKSJONAER',
            context.environment,
          ),
        ),
      );
    }
    if (a.organisasjonsnummer) {
      findings.push(
        ...place(
          form,
          a.organisasjonsnummer,
          organisasjonsnummerFindings(a.organisasjonsnummer.value, a.organisasjonsnummer.path, 'RF1086_AKSJONAER'),
        ),
      );
    }
    // Skatteetaten's row U1: without any identifier, name and country are required.
    if (!a.fodselsnummer && !a.organisasjonsnummer && !a.utenlandskId && (!a.navn || !a.landkode)) {
      findings.push(
        at(
          rf1086Finding(
            'RF1086_SHAREHOLDER_IDENTITY_INCOMPLETE',
            a.path,
            "'Navn' og 'Land' må fylles ut når aksjonæren ikke har fødselsnummer, organisasjonsnummer eller utenlandsk ID.",
            "'Name' and 'Country' must be filled in when the shareholder has no identity number, organisation number or foreign ID.",
          ),
          { file: form.file, line: a.line },
        ),
      );
    }
    for (const event of form.tilganger)
      if (event.tidligereEier) findings.push(...counterparty(form, event.tidligereEier, context));
    for (const event of form.avganger) if (event.nyEier) findings.push(...counterparty(form, event.nyEier, context));
  }
  return findings;
};

function counterparty(form: Rf1086Form, field: Rf1086Field, context: Rf1086RuleContext): Finding[] {
  const findings =
    field.value.length === 11
      ? personIdentifierFindings(field.value, field.path, 'RF1086_MOTPART', context.environment)
      : organisasjonsnummerFindings(field.value, field.path, 'RF1086_MOTPART');
  return place(form, field, findings);
}

function place(form: Rf1086Form, field: Rf1086Field, findings: Finding[]): Finding[] {
  return findings.map((f) => at(f, { file: form.file, line: field.line }));
}
