const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** Brønnøysund's MOD11 for the 9-digit organisasjonsnummer (formats.md §4.2). */
export function isValidOrganisasjonsnummer(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(value[i]), 0);
  const remainder = sum % 11;
  const control = remainder === 0 ? 0 : 11 - remainder;
  return control !== 10 && control === Number(value[8]);
}
