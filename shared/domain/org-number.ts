import { z } from 'zod';

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/**
 * Organisasjonsnummer: nine digits, the last a MOD11 check digit over the first eight with weights 3,2,7,6,5,4,3,2.
 * A remainder that gives check digit 10 makes the number invalid (Brønnøysundregistrene never issues those).
 */
export function isValidOrgNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * (digits[i] ?? 0), 0);
  const remainder = sum % 11;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check !== 10 && check === digits[8];
}

/** Accepts what people type ("987 654 321") and yields the nine digits. */
export function normaliseOrgNumber(value: string): string {
  return value.replace(/[\s.]/g, '');
}

export const OrgNumberSchema = z.string().transform(normaliseOrgNumber).refine(isValidOrgNumber, {
  message: 'Organisasjonsnummeret er ugyldig (ni siffer med gyldig kontrollsiffer) / invalid organisation number',
});
