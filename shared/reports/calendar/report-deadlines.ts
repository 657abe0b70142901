import { nextWorkingDayOnOrAfter } from './norwegian-holidays';

/** The a-melding for a month is due the 5th of the next month, moved to the next working day (formats.md §2.4). */
export function aMeldingDeadline(kalendermaaned: string): string {
  const [year, month] = kalendermaaned.split('-').map(Number) as [number, number];
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  return nextWorkingDayOnOrAfter(`${nextYear}-${String(nextMonth).padStart(2, '0')}-05`);
}

/**
 * The aksjonærregisteroppgave for an income year is due 31 January the year after (formats.md §3.1), moved to the
 * next working day when that is a weekend (31 January 2026 is a Saturday: due Monday 2 February).
 */
export function rf1086Deadline(inntektsaar: number): string {
  return nextWorkingDayOnOrAfter(`${inntektsaar + 1}-01-31`);
}
