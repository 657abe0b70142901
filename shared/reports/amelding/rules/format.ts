import type { Finding } from '../../finding';
import { aMeldingFinding } from '../controls';
import { inntektsmottakereOf } from '../walk';
import type { AMeldingRule } from './rule-context';

const IDENTIFIKATOR = /^[0-9a-zA-Z_.-]*$/;
const ALPHANUMERIC = /^[0-9a-zA-Z]*$/;
const ORDINARY_EMPLOYMENT = new Set(['ordinaertArbeidsforhold', 'maritimtArbeidsforhold']);

/** Field formats the XSD does not (or cannot, for JSON) enforce: formats.md §2.2. */
export const formatRules: AMeldingRule = (leveranse) => {
  const findings: Finding[] = [];
  findings.push(...kalendermaanedFindings(leveranse.kalendermaaned));
  findings.push(...meldingsIdFindings(leveranse.meldingsId, 'leveranse/meldingsId'));
  if (leveranse.erstatterMeldingsId !== undefined) {
    findings.push(...meldingsIdFindings(leveranse.erstatterMeldingsId, 'leveranse/erstatterMeldingsId'));
  }
  if (leveranse.kildesystem.trim() === '' || leveranse.kildesystem.length > 255) {
    findings.push(
      aMeldingFinding(
        'AMELDING_KILDESYSTEM_INVALID',
        'leveranse/kildesystem',
        'Kildesystem må fylles ut og kan ha høyst 255 tegn.',
        'kildesystem must be filled in and may have at most 255 characters.',
      ),
    );
  }
  for (const { mottaker, path } of inntektsmottakereOf(leveranse)) {
    (mottaker.arbeidsforhold ?? []).forEach((arbeidsforhold, i) => {
      const at = `${path}/arbeidsforhold[${i + 1}]`;
      if (arbeidsforhold.yrke !== undefined && !/^\d{7}$/.test(arbeidsforhold.yrke)) {
        findings.push(
          aMeldingFinding(
            'AMELDING_YRKE_INVALID',
            `${at}/yrke`,
            `Yrkeskoden «${arbeidsforhold.yrke}» er ugyldig; den skal ha 7 siffer (Skatteetatens avvikskode 115).`,
            `The occupation code "${arbeidsforhold.yrke}" is invalid; it must have 7 digits (Skatteetaten deviation code 115).`,
          ),
        );
      }
      if (
        ORDINARY_EMPLOYMENT.has(arbeidsforhold.typeArbeidsforhold) &&
        arbeidsforhold.formForAnsettelse === undefined
      ) {
        findings.push(
          aMeldingFinding(
            'AMELDING_FORM_FOR_ANSETTELSE_MISSING',
            at,
            'Arbeidsforholdet mangler formForAnsettelse, som er påkrevd fra 2021 (Skatteetatens avvikskode 291).',
            'The employment lacks formForAnsettelse, required since 2021 (Skatteetaten deviation code 291).',
          ),
        );
      }
    });
    (mottaker.inntekt ?? []).forEach((inntekt, i) => {
      const loenn = inntekt.loennsinntekt;
      if (loenn?.beskrivelse === 'timeloenn' && loenn.antall === undefined) {
        findings.push(
          aMeldingFinding(
            'AMELDING_TIMELOENN_ANTALL_MISSING',
            `${path}/inntekt[${i + 1}]/loennsinntekt`,
            'Timelønn skal oppgis med antall timer (Skatteetatens avvikskode 505).',
            'Hourly pay must state the number of hours (Skatteetaten deviation code 505).',
          ),
        );
      }
    });
  }
  return findings;
};

function kalendermaanedFindings(value: string): Finding[] {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  const month = Number(match?.[2]);
  if (match && month >= 1 && month <= 12 && value >= '2014-01' && value <= '2099-12') return [];
  return [
    aMeldingFinding(
      'AMELDING_KALENDERMAANED_INVALID',
      'leveranse/kalendermaaned',
      `Kalendermåneden «${value}» er ugyldig; bruk ÅÅÅÅ-MM mellom 2014-01 og 2099-12.`,
      `The calendar month "${value}" is invalid; use YYYY-MM between 2014-01 and 2099-12.`,
    ),
  ];
}

/**
 * The XSD allows [0-9a-zA-Z_.-]{0,150}; rule 181E allows only letters and digits. Which is enforced is
 * unconfirmed (formats.md §2.2), so the XSD's limits are errors and the stricter rule is a warning.
 */
function meldingsIdFindings(value: string, path: string): Finding[] {
  if (value === '' || value.length > 150 || !IDENTIFIKATOR.test(value)) {
    return [
      aMeldingFinding(
        'AMELDING_MELDINGSID_INVALID',
        path,
        `«${value.slice(0, 60)}» er ikke en gyldig meldings-ID: 1–150 tegn, bare bokstavene a–z, sifre, '-', '_' og '.' (avvik 181E).`,
        `"${value.slice(0, 60)}" is not a valid message ID: 1–150 characters, only letters a–z, digits, '-', '_' and '.' (deviation 181E).`,
      ),
    ];
  }
  if (!ALPHANUMERIC.test(value)) {
    return [
      aMeldingFinding(
        'AMELDING_MELDINGSID_NOT_ALPHANUMERIC',
        path,
        `Meldings-ID «${value}» inneholder '-', '_' eller '.', som regel 181E ikke tillater. Bruk bare bokstaver og sifre.`,
        `Message ID "${value}" contains '-', '_' or '.', which rule 181E does not allow. Use only letters and digits.`,
      ),
    ];
  }
  return [];
}
