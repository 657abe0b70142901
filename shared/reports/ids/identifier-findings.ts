import { allowsSyntheticIdentities, type ReportEnvironment } from '../environment';
import { error, type Finding } from '../finding';
import { checkPersonIdentifier } from './foedselsnummer';
import { isValidOrganisasjonsnummer } from './organisasjonsnummer';

/** Findings for an organisasjonsnummer; `codePrefix` names the report and field, e.g. AMELDING_VIRKSOMHET. */
export function organisasjonsnummerFindings(value: string, path: string, codePrefix: string): Finding[] {
  if (isValidOrganisasjonsnummer(value)) return [];
  return [
    error(
      `${codePrefix}_ORGNR_INVALID`,
      path,
      `«${value}» er ikke et gyldig organisasjonsnummer (9 siffer med riktig kontrollsiffer).`,
      `"${value}" is not a valid organisation number (9 digits with a correct check digit).`,
    ),
  ];
}

/**
 * Findings for a fødselsnummer/D-nummer. Synthetic (Tenor) numbers are accepted only outside production, and
 * H-numbers (health-sector auxiliary numbers) are never valid for Skatteetaten.
 */
export function personIdentifierFindings(
  value: string,
  path: string,
  codePrefix: string,
  environment: ReportEnvironment,
): Finding[] {
  const check = checkPersonIdentifier(value);
  if (!check.valid) {
    const why = {
      format: ['må være 11 siffer', 'must be 11 digits'],
      checksum: ['har feil kontrollsiffer', 'has wrong check digits'],
      date: ['inneholder ingen gyldig fødselsdato', 'holds no valid birth date'],
    }[check.reason];
    return [
      error(
        `${codePrefix}_PERSON_ID_INVALID`,
        path,
        `«${value}» er ikke et gyldig fødselsnummer eller D-nummer: det ${why[0]}.`,
        `"${value}" is not a valid national identity number or D number: it ${why[1]}.`,
      ),
    ];
  }
  if (check.kind === 'synthetic' && !allowsSyntheticIdentities(environment)) {
    return [
      error(
        `${codePrefix}_PERSON_ID_SYNTHETIC`,
        path,
        `«${value}» er et syntetisk testnummer (Tenor) og kan bare brukes mot testmiljøet.`,
        `"${value}" is a synthetic test number (Tenor) and can only be used against the test environment.`,
      ),
    ];
  }
  if (check.kind === 'hnummer') {
    return [
      error(
        `${codePrefix}_PERSON_ID_INVALID`,
        path,
        `«${value}» er et H-nummer, som Skatteetaten ikke godtar. Bruk fødselsnummer eller D-nummer.`,
        `"${value}" is an H number, which Skatteetaten does not accept. Use a national identity number or D number.`,
      ),
    ];
  }
  return [];
}
