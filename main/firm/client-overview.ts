import type { AttentionReason, ClientOverviewRow, NextDeadline } from '../../shared/domain/client-overview';
import { ATTENTION_REASONS } from '../../shared/domain/client-overview';
import type { DelegationState, FirmClient } from '../../shared/domain/firm';
import type { ServiceId } from '../../shared/domain/services-catalogue';
import type { Deadline } from '../../shared/deadlines/deadline-views';
import { DEADLINE_RULES } from '../../shared/deadlines/deadline-rules';
import { upcomingDeadlines } from '../../shared/deadlines/upcoming-deadlines';
import { metDeadlinesByOrg } from '../deadlines/deadline-service';
import type { DraftErrors } from '../reports/reports-service';
import type { ClientPeriod, ClientSummary } from '../store/store';

/** Who a row is about: a firm's client, or a profile in a standard profile list. */
export interface OverviewSubject {
  orgNumber: string;
  name: string;
  profileId: string;
  setupReady: boolean;
  delegation: DelegationState | null;
  services: readonly ServiceId[];
  /** The day it was added (a client) or made (a profile): a deadline before it is not one Innsender could miss. */
  since: string;
  /** A profile row counts all of its profile's data (its reports may name a Tenor org in TT02); a client, its org's. */
  wholeProfile: boolean;
}

/**
 * What one profile's rows are made from. `null` where Innsender cannot tell: drafts are listed for the open profile
 * only, and feedback is known once the setup is done. Those counts stay null rather than a zero that would say
 * "nothing to do".
 */
export interface OverviewSources {
  subjects: readonly OverviewSubject[];
  /** The profile whose outbox, drafts and feedback are given; other subjects get no counts. */
  dataProfileId: string;
  outbox: OutboxByOrg;
  drafts: readonly DraftErrors[] | null;
  /** Unread feedback items per org number, as the store counts them (`summaryByClient`); null before setup. */
  unreadByOrg: ReadonlyMap<string, number> | null;
  today: string;
  warnDays: number;
}

/**
 * A profile's outbox per client org, as the store answers it (`summaryByClient`, `receivedPeriods`): two indexed
 * queries, where listing the outbox read and checked each of 30,000 records to learn the same.
 */
export interface OutboxByOrg {
  summaries: readonly Pick<ClientSummary, 'clientOrg' | 'queued' | 'sending' | 'failed' | 'rejected'>[];
  received: readonly ClientPeriod[];
}

/** How far ahead the overview looks for a client's next deadline. */
const OVERVIEW_MONTHS = 13;

/**
 * The year of the oldest period any deadline the overview shows on `today` is for ('YYYY'; every service's rule
 * counted): what a client received for an earlier period meets none of them, so the store need not answer it
 * (`receivedPeriods(profileId, from)`: 500 clients × 60 months is 29,000 periods, of which the overview needs ~1,000).
 */
export function oldestPeriodShown(today: string): string {
  const services = Object.keys(DEADLINE_RULES) as ServiceId[];
  const calendar = upcomingDeadlines({ today, services, months: OVERVIEW_MONTHS, warnDays: 0, met: new Set() });
  let oldest = today.slice(0, 4);
  for (const { period } of calendar.deadlines) {
    const year = period.kind === 'month' ? period.kalendermaaned.slice(0, 4) : String(period.inntektsaar);
    if (year < oldest) oldest = year;
  }
  return oldest;
}

/**
 * The deadlines the overview shows for a set of services on `today`, computed once per distinct set (a firm's
 * clients mostly share one), without "met": that is per client.
 */
export function deadlineCalendars(today: string, warnDays: number): (services: readonly ServiceId[]) => Deadline[] {
  const calendars = new Map<string, Deadline[]>();
  return (services) => {
    const key = [...services].sort().join(',');
    let calendar = calendars.get(key);
    if (!calendar) {
      calendar = upcomingDeadlines({ today, services, months: OVERVIEW_MONTHS, warnDays, met: new Set() }).deadlines;
      calendars.set(key, calendar);
    }
    return calendar;
  };
}

/** A deadline due soon and the delegated clients that have not yet sent for it. */
export interface UnsentDeadline {
  deadline: Deadline;
  clients: FirmClient[];
}

/**
 * For a firm's deadline warning: each deadline within the warning days that some delegated client with its service
 * has not met, with those clients (in the firm's order), by the same calendar and "met" the overview's rows use.
 * `listed` is every deadline id the calendars hold, so the warning log can forget the rest.
 */
export function unsentDeadlines(
  clients: readonly FirmClient[],
  received: readonly ClientPeriod[],
  today: string,
  warnDays: number,
): { due: UnsentDeadline[]; listed: Set<string> } {
  const calendarOf = deadlineCalendars(today, warnDays);
  const metByOrg = metDeadlinesByOrg(received);
  const due = new Map<string, UnsentDeadline>();
  const listed = new Set<string>();
  for (const client of clients) {
    const calendar = calendarOf(client.services);
    for (const d of calendar) listed.add(d.id);
    if (client.delegation.state !== 'delegated') continue;
    const met = metByOrg.get(client.orgNumber);
    for (const d of calendar) {
      if (d.status !== 'soon' || met?.has(d.id)) continue;
      let entry = due.get(d.id);
      if (!entry) due.set(d.id, (entry = { deadline: d, clients: [] }));
      entry.clients.push(client);
    }
  }
  return { due: [...due.values()], listed };
}

interface Tally {
  met: Set<string>;
  inFlight: number;
  rejected: number;
  failed: number;
  draftsWithErrors: number;
  newFeedback: number;
}

const emptyTally = (): Tally => ({
  met: new Set(),
  inFlight: 0,
  rejected: 0,
  failed: 0,
  draftsWithErrors: 0,
  newFeedback: 0,
});

/**
 * The overview's rows. Each source is walked once and grouped by org number: the outbox arrives already counted per
 * client by the store, so 500 clients cost 500 summary lines and their received periods, not 30,000 records. Deadlines are computed once per distinct set of services (a firm's
 * clients mostly share one) and only the "met" check is per client.
 */
export function clientOverviewRows(sources: OverviewSources): ClientOverviewRow[] {
  const tallies = new Map<string, Tally>();
  const whole = emptyTally();
  const tallyOf = (org: string) => {
    let tally = tallies.get(org);
    if (!tally) {
      tally = emptyTally();
      tallies.set(org, tally);
    }
    return tally;
  };
  for (const c of sources.outbox.summaries) {
    for (const tally of [tallyOf(c.clientOrg), whole]) {
      tally.inFlight += c.queued + c.sending + c.failed;
      tally.failed += c.failed;
      tally.rejected += c.rejected;
    }
  }
  for (const [org, met] of metDeadlinesByOrg(sources.outbox.received)) {
    tallyOf(org).met = met;
    for (const id of met) whole.met.add(id);
  }
  for (const d of sources.drafts ?? []) {
    if (d.errorCount === 0) continue;
    whole.draftsWithErrors++;
    // A firm's draft names its client (routed by org number); a profile's own names the org it reports for.
    const org = d.clientOrg ?? d.organisationNumber;
    if (org) tallyOf(org).draftsWithErrors++;
  }
  for (const [org, unread] of sources.unreadByOrg ?? []) {
    whole.newFeedback += unread;
    tallyOf(org).newFeedback += unread;
  }
  const calendarOf = deadlineCalendars(sources.today, sources.warnDays);

  return sources.subjects.map((subject) => {
    const hasData = subject.profileId === sources.dataProfileId;
    const tally = !hasData
      ? emptyTally()
      : subject.wholeProfile
        ? whole
        : (tallies.get(subject.orgNumber) ?? emptyTally());
    let overdue = 0;
    let next: NextDeadline | null = null;
    for (const d of calendarOf(subject.services)) {
      if (tally.met.has(d.id)) continue;
      // Without the profile's outbox Innsender cannot tell a missed deadline from a met one, and a deadline that
      // passed before the client was added was reported some other way, if at all: neither is "overdue" here.
      if (d.daysLeft < 0) overdue += hasData && d.dueDate >= subject.since ? 1 : 0;
      else if (!next) {
        next = { id: d.id, service: d.service, dueDate: d.dueDate, daysLeft: d.daysLeft, status: d.status };
      }
    }
    const count = (n: number) => (hasData ? n : null);
    const draftsWithErrors = hasData && sources.drafts ? tally.draftsWithErrors : null;
    const newFeedback = hasData && sources.unreadByOrg ? tally.newFeedback : null;
    const reasons = new Set<AttentionReason>();
    if (!subject.setupReady) reasons.add('setup-missing');
    if (subject.delegation !== null && subject.delegation !== 'delegated') reasons.add('delegation-missing');
    if (tally.rejected > 0) reasons.add('rejected');
    if (tally.failed > 0) reasons.add('send-failed');
    if (overdue > 0) reasons.add('deadline-overdue');
    if (tally.draftsWithErrors > 0) reasons.add('draft-errors');
    if (tally.newFeedback > 0) reasons.add('new-feedback');
    if (next?.status === 'soon') reasons.add('deadline-soon');
    return {
      orgNumber: subject.orgNumber,
      name: subject.name,
      profileId: subject.profileId,
      setupReady: subject.setupReady,
      delegation: subject.delegation,
      draftsWithErrors,
      inFlight: count(tally.inFlight),
      rejected: count(tally.rejected),
      newFeedback,
      overdue,
      nextDeadline: next,
      attention: ATTENTION_REASONS.filter((r) => reasons.has(r)),
    };
  });
}
