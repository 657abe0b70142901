import type { Finding } from '../../finding';
import { rf1086Finding } from '../controls';
import { shareholderId } from '../returns';
import { at, type Rf1086Rule } from './rule-context';

/** One return per share class, every shareholder form belongs to one, years agree (formats.md §3.4 rule 1). */
export const groupingRules: Rf1086Rule = (set) => {
  const findings: Finding[] = [];
  if (set.returns.length === 0) {
    findings.push(
      rf1086Finding(
        'RF1086_MAIN_FORM_MISSING',
        '',
        'Hovedskjemaet (RF-1086) mangler. Velg hovedskjemaet sammen med underskjemaene.',
        'The main form (RF-1086) is missing. Select the main form together with the shareholder forms.',
      ),
    );
  }
  for (const main of set.duplicateMains) {
    findings.push(
      at(
        rf1086Finding(
          'RF1086_DUPLICATE_RETURN',
          'Skjema',
          `Det er mer enn ett hovedskjema for ${main.organisasjonsnummer?.value ?? '?'} og aksjeklassen «${main.isin?.value ?? main.aksjeType?.value ?? ''}». Det skal være én oppgave per aksjeklasse.`,
          `There is more than one main form for ${main.organisasjonsnummer?.value ?? '?'} and share class "${main.isin?.value ?? main.aksjeType?.value ?? ''}". There must be one return per share class.`,
        ),
        { file: main.file, line: 1 },
      ),
    );
  }
  for (const form of set.unmatched) {
    findings.push(
      at(
        rf1086Finding(
          'RF1086_SHAREHOLDER_FORM_UNMATCHED',
          'Skjema/SelskapsOgAksjonaropplysninger-grp-3987/Selskapsidentifikasjon-grp-3986',
          'Underskjemaet passer ikke til noe hovedskjema (samme organisasjonsnummer og aksjeklasse).',
          'The shareholder form matches no main form (same organisation number and share class).',
        ),
        { file: form.file, line: form.organisasjonsnummer?.line ?? 1 },
      ),
    );
  }
  for (const { main, shareholders } of set.returns) {
    if (shareholders.length === 0) {
      findings.push(
        at(
          rf1086Finding(
            'RF1086_NO_SHAREHOLDER_FORMS',
            'Skjema',
            'Oppgaven har ingen underskjema. Det skal være ett underskjema per aksjonær (GLD_1026).',
            'The return has no shareholder forms. There must be one per shareholder (GLD_1026).',
          ),
          { file: main.file, line: 1 },
        ),
      );
    }
    const seen = new Set<string>();
    for (const form of shareholders) {
      if (form.inntektsaar && main.inntektsaar && form.inntektsaar.value !== main.inntektsaar.value) {
        findings.push(
          at(
            rf1086Finding(
              'RF1086_YEAR_MISMATCH',
              form.inntektsaar.path,
              `Underskjemaet gjelder inntektsåret ${form.inntektsaar.value}, hovedskjemaet ${main.inntektsaar.value}.`,
              `The shareholder form is for income year ${form.inntektsaar.value}, the main form for ${main.inntektsaar.value}.`,
            ),
            form.inntektsaar.line ? { file: form.file, line: form.inntektsaar.line } : { file: form.file },
          ),
        );
      }
      const id = shareholderId(form);
      if (id === undefined) continue;
      if (seen.has(id)) {
        findings.push(
          at(
            rf1086Finding(
              'RF1086_DUPLICATE_SHAREHOLDER',
              form.aksjonaer.path,
              `Aksjonæren ${id} har mer enn ett underskjema for samme aksjeklasse.`,
              `The shareholder ${id} has more than one shareholder form for the same share class.`,
            ),
            { file: form.file, line: form.aksjonaer.line },
          ),
        );
      }
      seen.add(id);
    }
  }
  return findings;
};
