import { languageOf } from './words';

/**
 * Digit grouping written by hand rather than with Intl: Intl's nb-NO uses a non-breaking space in some ICU
 * versions and a narrow one in others, and U+2212 for minus, which breaks copy-paste into a payroll system and
 * makes the same amount differ between the app, the CLI and a notification.
 */
function group(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * Bokmål writes a negative number with the minus sign (U+2212), as Intl's nb-NO does and as the avstemming page showed
 * before this module; English keeps the hyphen-minus, as en-GB does.
 */
const SEPARATORS = {
  nb: { group: ' ', decimal: ',', minus: '\u2212' },
  en: { group: ',', decimal: '.', minus: '-' },
} as const;

/** A decimal string as the files carry it ('40000.5', '-1234', '13000.00'), or a number, split into its parts. */
function parseDecimal(value: string | number): { negative: boolean; whole: string; fraction: string } | undefined {
  const textValue = typeof value === 'number' ? (Number.isFinite(value) ? value.toFixed(2) : '') : value.trim();
  const match = /^([-+]?)(\d+)(?:\.(\d+))?$/.exec(textValue);
  if (!match) return undefined;
  return { negative: match[1] === '-', whole: match[2]!.replace(/^0+(?=\d)/, ''), fraction: match[3] ?? '' };
}

/**
 * Kroner with grouping, and two decimals only when there are øre: '13000' → '13 000 kr', '1234.5' → '1 234,50 kr'
 * ('13,000 kr' and '1,234.50 kr' in English). Øre beyond two places are rounded half up, as Skatteetaten rounds.
 * A value that is not a number is shown as it came, followed by 'kr', so the bad value stays visible.
 */
export function formatKroner(value: string | number, language: string): string {
  const parsed = parseDecimal(value);
  if (!parsed) return `${String(value)} kr`;
  const sep = SEPARATORS[languageOf(language)];
  // Integer arithmetic on the first three places: 0.505 * 100 in floating point is 50.4999….
  let ore = Math.round(Number(parsed.fraction.padEnd(3, '0').slice(0, 3)) / 10);
  let whole = BigInt(parsed.whole);
  if (ore === 100) {
    whole += 1n;
    ore = 0;
  }
  const sign = parsed.negative && (whole > 0n || ore > 0) ? sep.minus : '';
  const decimals = ore > 0 ? `${sep.decimal}${String(ore).padStart(2, '0')}` : '';
  return `${sign}${group(whole.toString(), sep.group)}${decimals} kr`;
}

/** A count with grouping ('1 234' / '1,234'); a missing count is a dash. */
export function formatCount(value: number | undefined, language: string): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  const sep = SEPARATORS[languageOf(language)];
  const sign = value < 0 ? sep.minus : '';
  return `${sign}${group(String(Math.trunc(Math.abs(value))), sep.group)}`;
}

/** A plain decimal with the language's separators: 10.5 → '10,5' / '10.5'; 1500 → '1 500' / '1,500'. */
export function formatDecimal(value: number, language: string): string {
  if (!Number.isFinite(value)) return String(value);
  const sep = SEPARATORS[languageOf(language)];
  const [whole = '0', fraction] = String(Math.abs(value)).split('.');
  const sign = value < 0 ? sep.minus : '';
  return `${sign}${group(whole, sep.group)}${fraction ? `${sep.decimal}${fraction}` : ''}`;
}

/**
 * A percentage as Norwegian (and this app's English) write it, with a space before the sign: 36 → '36 %', 10.5 →
 * '10,5 %'. The space is a no-break space, so a narrow table column never puts the sign alone on the next line.
 */
export function formatPercent(value: number, language: string): string {
  return `${formatDecimal(value, language)}\u00a0%`;
}
