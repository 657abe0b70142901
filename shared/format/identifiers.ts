/**
 * Norwegian identifiers as the registers write them. Input that is not the right shape is shown unchanged
 * (organisation and account numbers) or fully hidden (personal numbers): formatting never hides a typo, and
 * never reveals a personal number.
 */

/** Nine digits as Brønnøysundregistrene write them: '974761076' → '974 761 076'. */
export function formatOrgNumber(value: string): string {
  const digits = value.replace(/\s/g, '');
  return /^\d{9}$/.test(digits) ? digits.replace(/(\d{3})(\d{3})(\d{3})/, '$1 $2 $3') : value;
}

/**
 * A company as a notification or a list names it, so a firm with 500 clients can tell them apart:
 * 'Fjellstue AS (974 761 076)'. The same in both languages.
 */
export function formatCompany(name: string, orgNumber: string): string {
  return `${name} (${formatOrgNumber(orgNumber)})`;
}

/** Eleven digits as Norwegian banks write an account number: '63450618820' → '6345.06.18820'. */
export function formatAccountNumber(value: string): string {
  const digits = value.replace(/[\s.]/g, '');
  return /^\d{11}$/.test(digits) ? digits.replace(/(\d{4})(\d{2})(\d{5})/, '$1.$2.$3') : value;
}

/**
 * A fødselsnummer or D-nummer with its personal part hidden: '01019012345' → '010190 *****'. The birth date stays,
 * so a bookkeeper can tell two employees apart; the five digits that identify the person do not leave the file.
 */
export function maskPersonalNumber(value: string): string {
  const digits = value.replace(/\s/g, '');
  // Feedback documents carry it masked already ('010190*****'): written the same way.
  return /^\d{6}(\d{5}|\*{5})$/.test(digits) ? `${digits.slice(0, 6)} *****` : '*****';
}
