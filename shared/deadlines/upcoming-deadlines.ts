import { nextWorkingDayOnOrAfter } from '../reports/calendar/norwegian-holidays';
import type { ServiceId } from '../domain/services-catalogue';
import { DEADLINE_RULES, type DeadlineRule } from './deadline-rules';
import { extensionFor } from './deadline-extension';
import type { Deadline, DeadlinePeriod, DeadlineStatus } from './deadline-views';

export interface UpcomingDeadlinesInput {
  /** Today in Norway, 'YYYY-MM-DD' (`osloDate(now)`). */
  today: string;
  /** The profile's chosen services, in the order to list them. */
  services: readonly ServiceId[];
  /** How far ahead, in months (the page: 12). */
  months: number;
  /** A deadline this many days away or fewer, not met, is `soon`. */
  warnDays: number;
  /** Deadline ids (`<service>:<period>`) with a received submission. */
  met: ReadonlySet<string>;
  /** How far back a passed deadline is still listed (met or overdue); older ones are history. */
  lookbackDays?: number;
}

export interface UpcomingDeadlines {
  until: string;
  deadlines: Deadline[];
  nextId: string | null;
  /** Chosen services with no deadline: `none` rules, and services no rule is written for yet. */
  withoutDeadline: { service: ServiceId; rule: Extract<DeadlineRule, { kind: 'none' }> | null }[];
}

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The calendar date in Norway at this instant: a deadline is a Norwegian day, whatever the machine's zone. */
export function osloDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The same day `months` later, clamped to the month's end (31 March + 1 month = 30 April). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

export function deadlineId(service: ServiceId, period: DeadlinePeriod): string {
  return `${service}:${period.kind === 'month' ? period.kalendermaaned : period.inntektsaar}`;
}

/** The rule's nominal dates around today, each with the period it is for. */
function nominalDates(rule: DeadlineRule, today: string): { period: DeadlinePeriod; nominal: string }[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  if (rule.kind === 'monthly') {
    const out: { period: DeadlinePeriod; nominal: string }[] = [];
    // Two months back (for the lookback) to 25 ahead (the longest horizon): filtered by date afterwards.
    for (let offset = -3; offset <= 25; offset++) {
      const index = year * 12 + (month - 1) + offset;
      const reported = { year: Math.floor(index / 12), month: (index % 12) + 1 };
      const due = { year: Math.floor((index + 1) / 12), month: ((index + 1) % 12) + 1 };
      out.push({
        period: { kind: 'month', kalendermaaned: `${reported.year}-${pad(reported.month)}` },
        nominal: `${due.year}-${pad(due.month)}-${pad(rule.day)}`,
      });
    }
    return out;
  }
  if (rule.kind === 'yearly') {
    const out: { period: DeadlinePeriod; nominal: string }[] = [];
    for (let inntektsaar = year - 2; inntektsaar <= year + 2; inntektsaar++) {
      out.push({
        period: { kind: 'income-year', inntektsaar },
        nominal: `${inntektsaar + 1}-${pad(rule.month)}-${pad(rule.day)}`,
      });
    }
    return out;
  }
  return [];
}

function statusOf(met: boolean, daysLeft: number, warnDays: number): DeadlineStatus {
  if (met) return 'met';
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= warnDays ? 'soon' : 'upcoming';
}

/**
 * The profile's deadlines from `lookbackDays` ago to `months` ahead, soonest first, each moved to the next Norwegian
 * working day and marked met, overdue, soon or upcoming. Pure: the same input gives the same list on any machine.
 */
export function upcomingDeadlines(input: UpcomingDeadlinesInput): UpcomingDeadlines {
  const until = addMonths(input.today, input.months);
  const from = utc(input.today) - (input.lookbackDays ?? 31) * DAY_MS;
  const deadlines: Deadline[] = [];
  const withoutDeadline: UpcomingDeadlines['withoutDeadline'] = [];
  for (const service of new Set(input.services)) {
    const rule = DEADLINE_RULES[service];
    if (!rule || rule.kind === 'none') {
      withoutDeadline.push({ service, rule: rule ?? null });
      continue;
    }
    for (const { period, nominal } of nominalDates(rule, input.today)) {
      const dueDate = nextWorkingDayOnOrAfter(nominal);
      const due = utc(dueDate);
      if (due < from || dueDate > until) continue;
      const weekday = new Date(utc(nominal)).getUTCDay();
      const id = deadlineId(service, period);
      const daysLeft = Math.round((due - utc(input.today)) / DAY_MS);
      deadlines.push({
        id,
        service,
        period,
        nominalDate: nominal,
        dueDate,
        movedBecause: dueDate === nominal ? null : weekday === 0 || weekday === 6 ? 'weekend' : 'holiday',
        daysLeft,
        status: statusOf(input.met.has(id), daysLeft, input.warnDays),
        confirmed: rule.confirmed,
        source: rule.source,
        extension: extensionFor(service),
      });
    }
  }
  // Soonest first; on the same day, in the order the services were chosen.
  const order = [...new Set(input.services)];
  deadlines.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || order.indexOf(a.service) - order.indexOf(b.service));
  const next = deadlines.find((d) => d.daysLeft >= 0 && d.status !== 'met');
  return { until, deadlines, nextId: next?.id ?? null, withoutDeadline };
}
