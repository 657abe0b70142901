import type { Finding } from '../../finding';
import { aMeldingFinding } from '../controls';
import { inntektsmottakereOf, virksomheterOf } from '../walk';
import type { AMeldingRule } from './rule-context';

/** The same sub-unit, person or employment reported twice (formats.md §2.1, deviation 175B). */
export const duplicateRules: AMeldingRule = (leveranse) => {
  const findings: Finding[] = [];
  const seenVirksomhet = new Set<string>();
  for (const { virksomhet, path } of virksomheterOf(leveranse)) {
    if (seenVirksomhet.has(virksomhet.norskIdentifikator)) {
      findings.push(
        aMeldingFinding(
          'AMELDING_DUPLICATE_VIRKSOMHET',
          path,
          `Virksomheten ${virksomhet.norskIdentifikator} er med flere ganger. Samle alt for den under én virksomhet.`,
          `The sub-unit ${virksomhet.norskIdentifikator} appears more than once. Put everything for it under one entry.`,
        ),
      );
    }
    seenVirksomhet.add(virksomhet.norskIdentifikator);
  }
  const seenPerson = new Map<string, Set<string>>();
  for (const { virksomhet, mottaker, path } of inntektsmottakereOf(leveranse)) {
    const id = mottaker.norskIdentifikator;
    if (id !== undefined) {
      const people = seenPerson.get(virksomhet.norskIdentifikator) ?? new Set<string>();
      if (people.has(id)) {
        findings.push(
          aMeldingFinding(
            'AMELDING_DUPLICATE_PERSON',
            `${path}/norskIdentifikator`,
            `Personen ${id} er rapportert to ganger i virksomheten ${virksomhet.norskIdentifikator} (avvik 175B).`,
            `The person ${id} is reported twice in the sub-unit ${virksomhet.norskIdentifikator} (deviation 175B).`,
          ),
        );
      }
      people.add(id);
      seenPerson.set(virksomhet.norskIdentifikator, people);
    }
    const employmentIds = new Set<string>();
    (mottaker.arbeidsforhold ?? []).forEach((a, i) => {
      if (a.arbeidsforholdId === undefined) return;
      if (employmentIds.has(a.arbeidsforholdId)) {
        findings.push(
          aMeldingFinding(
            'AMELDING_DUPLICATE_ARBEIDSFORHOLD',
            `${path}/arbeidsforhold[${i + 1}]/arbeidsforholdId`,
            `Arbeidsforhold-ID ${a.arbeidsforholdId} er brukt to ganger for samme person.`,
            `Employment ID ${a.arbeidsforholdId} is used twice for the same person.`,
          ),
        );
      }
      employmentIds.add(a.arbeidsforholdId);
    });
    (mottaker.inntekt ?? []).forEach((inntekt, i) => {
      if (inntekt.arbeidsforholdId === undefined || employmentIds.has(inntekt.arbeidsforholdId)) return;
      findings.push(
        aMeldingFinding(
          'AMELDING_INNTEKT_ARBEIDSFORHOLD_UNKNOWN',
          `${path}/inntekt[${i + 1}]/arbeidsforholdId`,
          `Inntekten viser til arbeidsforhold ${inntekt.arbeidsforholdId}, som ikke er rapportert for personen.`,
          `The income refers to employment ${inntekt.arbeidsforholdId}, which is not reported for the person.`,
        ),
      );
    });
  }
  return findings;
};
