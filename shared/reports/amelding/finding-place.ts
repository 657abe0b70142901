import { formatMonth, formatOrgNumber, maskPersonalNumber } from '../../format';
import type { LocalizedText } from '../../domain/localized';
import type { Finding } from '../finding';
import type { Inntektsmottaker, Leveranse } from './model';

/** `name[3]` in a finding's path → 3 (1-based, as the paths are written), or undefined. */
function indexIn(path: string, name: string): number | undefined {
  const match = new RegExp(`(?:^|/)${name}\\[(\\d+)\\]`).exec(path);
  return match ? Number(match[1]) : undefined;
}

function personOf(mottaker: Inntektsmottaker | undefined, n: number): LocalizedText {
  const info = mottaker?.identifiserendeInformasjon;
  const id = mottaker?.norskIdentifikator;
  // The payroll system knows people by name and employee number; the fødselsnummer only by its birth-date part.
  const parts = [info?.navn, id ? maskPersonalNumber(id) : undefined].filter(Boolean).join(', ');
  const employee = info?.ansattnummer;
  const withNo = (label: string) => (employee ? `${parts} (${label} ${employee})` : parts);
  return parts
    ? { nb: withNo('ansattnr.'), en: withNo('employee no.') }
    : { nb: `inntektsmottaker nr. ${n}`, en: `income recipient no. ${n}` };
}

/**
 * Where in the a-melding a finding is, in the words a payroll system uses: the person (name, masked fødselsnummer,
 * employee number), the employment, the income line and the month. The XPath-like path stays for support.
 */
export function placeOf(path: string, leveranse: Leveranse): LocalizedText | undefined {
  const nb: string[] = [];
  const en: string[] = [];
  const v = indexIn(path, 'virksomhet');
  const virksomhet = v ? leveranse.oppgave.virksomhet?.[v - 1] : undefined;
  const m = indexIn(path, 'inntektsmottaker');
  const mottaker = m ? virksomhet?.inntektsmottaker?.[m - 1] : undefined;
  if (m) {
    const person = personOf(mottaker, m);
    nb.push(person.nb);
    en.push(person.en);
  }
  const a = indexIn(path, 'arbeidsforhold');
  if (a) {
    const id = mottaker?.arbeidsforhold?.[a - 1]?.arbeidsforholdId;
    nb.push(id ? `arbeidsforhold ${id}` : `arbeidsforhold nr. ${a}`);
    en.push(id ? `employment ${id}` : `employment no. ${a}`);
  }
  const i = indexIn(path, 'inntekt');
  if (i) {
    const inntekt = mottaker?.inntekt?.[i - 1];
    const kind = (
      inntekt?.loennsinntekt ??
      inntekt?.ytelseFraOffentlige ??
      inntekt?.pensjonEllerTrygd ??
      inntekt?.naeringsinntekt
    )?.beskrivelse;
    nb.push(kind ? `inntektslinje ${i} (${kind})` : `inntektslinje ${i}`);
    en.push(kind ? `income line ${i} (${kind})` : `income line ${i}`);
  }
  if (!m && virksomhet) {
    nb.push(`virksomhet ${formatOrgNumber(virksomhet.norskIdentifikator)}`);
    en.push(`sub-unit ${formatOrgNumber(virksomhet.norskIdentifikator)}`);
  }
  if (path.includes('betalingsinformasjon')) {
    nb.push('summene for måneden (betalingsinformasjon)');
    en.push("the month's totals (payment information)");
  }
  if (nb.length === 0) return undefined;
  const month = /^\d{4}-\d{2}$/.test(leveranse.kalendermaaned) ? leveranse.kalendermaaned : undefined;
  if (month) {
    nb.push(formatMonth(month, 'nb'));
    en.push(formatMonth(month, 'en'));
  }
  return { nb: nb.join(', '), en: en.join(', ') };
}

/** Every finding with a path inside the document gets its place in words. */
export function withPlaces(findings: readonly Finding[], leveranse: Leveranse): Finding[] {
  return findings.map((f) => {
    const where = f.path ? placeOf(f.path, leveranse) : undefined;
    return where ? { ...f, where } : f;
  });
}
