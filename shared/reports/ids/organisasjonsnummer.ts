/** Brønnøysund's MOD11 for the 9-digit organisasjonsnummer (formats.md §4.2): one implementation for the app. */
export { isValidOrgNumber as isValidOrganisasjonsnummer } from '../../domain/org-number';
