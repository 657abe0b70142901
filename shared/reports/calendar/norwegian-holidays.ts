/** Dates as 'YYYY-MM-DD' in UTC arithmetic, so the result never depends on the machine's time zone. */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** Easter Sunday (Gregorian, anonymous algorithm / Meeus). */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

/** Norwegian public holidays (helligdager og 1. og 17. mai) in a year, as 'YYYY-MM-DD'. */
export function norwegianPublicHolidays(year: number): Set<string> {
  const easter = easterSunday(year);
  const fixed = ['01-01', '05-01', '05-17', '12-25', '12-26'].map((md) => `${year}-${md}`);
  const moving = [-3, -2, 0, 1, 39, 49, 50].map((offset) => isoDate(addDays(easter, offset)));
  return new Set([...fixed, ...moving]);
}

export function isNorwegianWorkingDay(date: Date): boolean {
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !norwegianPublicHolidays(date.getUTCFullYear()).has(isoDate(date));
}

/** The first working day on or after `date` ('YYYY-MM-DD'). */
export function nextWorkingDayOnOrAfter(date: string): string {
  let current = new Date(`${date}T00:00:00Z`);
  while (!isNorwegianWorkingDay(current)) current = addDays(current, 1);
  return isoDate(current);
}
