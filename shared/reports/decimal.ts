/**
 * Exact decimal arithmetic for amounts. The formats keep decimals as strings ("40000.00", "14.1"), and the sum
 * rules compare to whole kroner, so floating point (0.1 + 0.2) is not good enough. Values are BigInts scaled
 * by 10^SCALE; inputs with more than SCALE decimals are rejected rather than silently rounded.
 */
export const SCALE = 8;
const FACTOR = 10n ** BigInt(SCALE);
const DECIMAL_PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** A decimal in the lexical form of xsd:decimal, scaled by 10^SCALE; null if it is not one. */
export function parseScaled(text: string): bigint | null {
  const match = DECIMAL_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = '', fraction = ''] = match;
  if (whole === '' && fraction === '') return null;
  if (fraction.length > SCALE) return null;
  const digits = BigInt((whole || '0') + fraction.padEnd(SCALE, '0'));
  return sign === '-' ? -digits : digits;
}

export function isDecimal(text: string): boolean {
  return parseScaled(text) !== null;
}

export function fromInteger(value: number): bigint {
  return BigInt(Math.trunc(value)) * FACTOR;
}

/** Shortest plain string for a scaled value: 4000000000000n → "40000", 1410000000n → "14.1". */
export function formatScaled(value: bigint): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = abs / FACTOR;
  const fraction = (abs % FACTOR).toString().padStart(SCALE, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** base × percent / 100, kept exact at scale 10^(2·SCALE+2). Round with `roundProductToKroner`. */
export function percentOf(baseScaled: bigint, percentScaled: bigint): bigint {
  return baseScaled * percentScaled;
}

const PRODUCT_FACTOR = FACTOR * FACTOR * 100n;

/** Rounds a sum of `percentOf` products to whole kroner, half away from zero (34 605.348 → 34 605). */
export function roundProductToKroner(product: bigint): number {
  const negative = product < 0n;
  const abs = negative ? -product : product;
  const rounded = (abs + PRODUCT_FACTOR / 2n) / PRODUCT_FACTOR;
  return Number(negative ? -rounded : rounded);
}

/** Truncates a sum of `percentOf` products to whole kroner, as the Odoo reference implementation does. */
export function truncateProductToKroner(product: bigint): number {
  return Number(product / PRODUCT_FACTOR);
}

export function scaledToNumber(value: bigint): number {
  return Number(formatScaled(value));
}
