/** Numbers, amounts, dates and file names as a Norwegian (or English) accountant expects to read them. */

const localeOf = (language: string) => (language === 'en' ? 'en-GB' : 'nb-NO');

/** Amounts arrive as decimal strings ("40000.5") or whole kroner; shown with grouping and at most øre. */
export function formatKroner(value: string | number, language: string): string {
  const amount = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(amount)) return `${value} kr`;
  return `${new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 2 }).format(amount)} kr`;
}

export function formatCount(value: number | undefined, language: string): string {
  return value === undefined ? '–' : new Intl.NumberFormat(localeOf(language)).format(value);
}

/** '2026-01' → 'januar 2026'; anything else is shown as it is. */
export function formatMonth(month: string, language: string): string {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(localeOf(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** '2026-02-05' → '5. feb. 2026'. */
export function formatDate(date: string, language: string): string {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(parsed);
}

export function formatDateTime(iso: string, language: string): string {
  const parsed = new Date(iso);
  if (Number.isNaN(parsed.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' }).format(parsed);
}

/** The last part of a path (Windows or POSIX), for showing; the full path goes in a title. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** Nine digits as Brønnøysund writes them: '211 785 462'. */
export function formatOrgNumber(value: string): string {
  return /^\d{9}$/.test(value) ? value.replace(/(\d{3})(\d{3})(\d{3})/, '$1 $2 $3') : value;
}
