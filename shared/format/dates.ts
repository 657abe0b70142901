import { MONTH_NAMES, languageOf } from './words';

/**
 * Times are shown in Norwegian time whatever the machine's zone: deadlines and receipts are Norwegian facts
 * (a-melding deadlines fall at the end of a Norwegian day), and a bookkeeper abroad should see what Altinn shows.
 */
const ZONE = 'Europe/Oslo';

const dayParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

interface CalendarDay {
  year: number;
  month: number; // 1–12
  day: number;
}

/** 'YYYY-MM-DD' as a calendar day, or undefined when it is not a real one (2026-02-30). */
function parseDay(value: string): CalendarDay | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return undefined;
  }
  return { year, month, day };
}

function writeDay({ year, month, day }: CalendarDay, language: string): string {
  const name = MONTH_NAMES[languageOf(language)][month - 1];
  return languageOf(language) === 'en' ? `${day} ${name} ${year}` : `${day}. ${name} ${year}`;
}

function osloParts(instant: Date): CalendarDay & { hour: string; minute: string } {
  const parts = Object.fromEntries(dayParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: parts.hour ?? '00',
    minute: parts.minute ?? '00',
  };
}

function parseInstant(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

/**
 * A day in words: '2026-02-05' → '5. februar 2026' / '5 February 2026'. A full timestamp gives its Norwegian
 * day. Anything else is shown as it came, so a bad value in a file stays visible rather than becoming "Invalid Date".
 */
export function formatDate(value: string, language: string): string {
  const day = parseDay(value);
  if (day) return writeDay(day, language);
  const instant = parseInstant(value);
  return instant ? writeDay(osloParts(instant), language) : value;
}

/** A moment in words: '5. februar 2026 kl. 14:30' / '5 February 2026 at 14:30', Norwegian time. */
export function formatDateTime(value: string, language: string): string {
  const instant = parseInstant(value);
  if (!instant) return value;
  const parts = osloParts(instant);
  const at = languageOf(language) === 'en' ? 'at' : 'kl.';
  return `${writeDay(parts, language)} ${at} ${parts.hour}:${parts.minute}`;
}

/** A reporting month: '2026-01' → 'januar 2026' / 'January 2026'; anything else as it came. */
export function formatMonth(value: string, language: string): string {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
  if (!match) return value;
  return `${MONTH_NAMES[languageOf(language)][Number(match[2]) - 1]} ${match[1]}`;
}
