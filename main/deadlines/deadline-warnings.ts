import { serviceById } from '../../shared/domain/services-catalogue';
import type { Language } from '../../shared/domain/localized';
import type { Deadline } from '../../shared/deadlines/deadline-views';
import type { DesktopPort } from '../desktop-port';
import type { EventHub } from '../ipc/event-hub';
import type { EventPayload } from '../../shared/ipc/contract';
import type { ProfileChanges } from '../settings/profile-changes';
import type { Logger } from '../log/logger';
import type { ProfileService } from '../settings/profiles';
import { profileKind, type Profile } from '../../shared/domain/profile';
import type { FirmClient } from '../../shared/domain/firm';
import { formatCompany, formatCount, formatDate, formatMonth } from '../../shared/format';
import { oldestPeriodShown, unsentDeadlines, type UnsentDeadline } from '../firm/client-overview';
import type { Store } from '../store/store';
import type { BackgroundJob } from '../background/background-scheduler';
import { everyProfileJob } from '../background/profile-job';
import type { DeadlineService } from './deadline-service';

export interface DeadlineWarningsOptions {
  deadlines: DeadlineService;
  profiles: ProfileService;
  desktop: DesktopPort;
  log: Logger;
  language?: () => Language;
  /**
   * Where a clicked warning is told: `deadlines.open` shows the Frister page with that deadline; a firm's,
   * `overview.open` the client overview filtered to clients with a deadline soon.
   */
  events: Pick<EventHub, 'emit'>;
  /**
   * Switches to the warning's profile first when another is shown (the job warns for every profile, and those pages
   * show the active one's); false when the profile has been removed since, and then the click opens nothing.
   */
  profileChanges: Pick<ProfileChanges, 'show'>;
  /** A firm profile's clients (`FirmClients.list`): a firm's warning names those that have not yet sent. */
  firmClients: { list(profile: Profile): Promise<readonly FirmClient[]> };
  /** The periods each client received, as the client overview reads them. */
  store: Pick<Store, 'receivedPeriods'>;
}

/**
 * An OS notification for each deadline of a profile that is within the warning days and not met, at most once per
 * deadline per Norwegian day (the day is logged in the profile's deadlines.json, so a restart does not announce
 * again). A firm profile's deadlines are its clients': one notification per deadline names those that have not sent.
 * `check()` is the whole job; the app's BackgroundScheduler runs it for every profile (`deadlineWarningsJob`).
 */
export class DeadlineWarnings {
  private readonly running = new Map<string, Promise<number>>();

  constructor(private readonly options: DeadlineWarningsOptions) {}

  /** Announces what of the profile's is due soon and not yet announced today; answers how many it raised. */
  check(profile: Profile | null = this.options.profiles.active()): Promise<number> {
    if (!profile) return Promise.resolve(0);
    // One check per profile at a time: two overlapping ones would both see "not announced today".
    let running = this.running.get(profile.id);
    if (!running) {
      running = this.run(profile).finally(() => this.running.delete(profile.id));
      this.running.set(profile.id, running);
    }
    return running;
  }

  private async run(profile: Profile): Promise<number> {
    if (profileKind(profile) === 'firm') return this.runFirm(profile);
    const overview = await this.options.deadlines.overview(12, profile);
    const due = overview.deadlines.filter((d) => d.status === 'soon');
    if (due.length === 0) return 0;
    const listed = new Set(overview.deadlines.map((d) => d.id));
    const announced = await this.notYetAnnounced(profile, overview.today, due, listed);
    const en = this.options.language?.() === 'en';
    for (const deadline of announced) {
      this.options.desktop.notify({
        title: en ? 'Innsender: deadline soon' : 'Innsender: frist snart',
        body: warningText(deadline, formatCompany(profile.displayName, profile.orgNumber), en),
        onClick: () => this.open(profile, 'deadlines.open', { deadlineId: deadline.id }),
      });
    }
    return announced.length;
  }

  /**
   * A firm's deadlines are its clients': one warning per deadline, naming the delegated clients with the service
   * that have not yet sent for it (the overview's "met", from the store's received periods).
   */
  private async runFirm(firm: Profile): Promise<number> {
    const { deadlines, firmClients, store } = this.options;
    const today = deadlines.today();
    const [clients, received, settings] = await Promise.all([
      firmClients.list(firm),
      store.receivedPeriods(firm.id, oldestPeriodShown(today)),
      deadlines.settingsOf(firm).read(),
    ]);
    const { due, listed } = unsentDeadlines(clients, received, today, settings.warnDays);
    const announced = new Set(
      (
        await this.notYetAnnounced(
          firm,
          today,
          due.map((u) => u.deadline),
          listed,
        )
      ).map((d) => d.id),
    );
    const en = this.options.language?.() === 'en';
    for (const unsent of due.filter((u) => announced.has(u.deadline.id))) {
      this.options.desktop.notify({
        title: en ? 'Innsender: deadline soon' : 'Innsender: frist snart',
        body: unsentClientsText(unsent, en),
        onClick: () => this.open(firm, 'overview.open', { filter: 'deadline' }),
      });
    }
    return announced.size;
  }

  /** A clicked warning: its profile shown, then its page opened (in a new window at that page if none is open). */
  private open<E extends 'deadlines.open' | 'overview.open'>(
    profile: Profile,
    event: E,
    payload: EventPayload<E>,
  ): void {
    if (this.options.profileChanges.show(profile.id)) this.options.events.emit(event, payload);
  }

  /**
   * The deadlines of `due` not yet announced today, marked announced in the profile's log under its lock (so two
   * checks never both announce); announcements of deadlines no longer `listed` are forgotten, so the log stays small.
   */
  private async notYetAnnounced(
    profile: Profile,
    today: string,
    due: readonly Deadline[],
    listed: ReadonlySet<string>,
  ): Promise<Deadline[]> {
    if (due.length === 0) return [];
    const announced: Deadline[] = [];
    await this.options.deadlines.settingsOf(profile).update((settings) => {
      const notified = { ...settings.notified };
      for (const deadline of due) {
        if (notified[deadline.id] === today) continue;
        notified[deadline.id] = today;
        announced.push(deadline);
      }
      for (const id of Object.keys(notified)) if (!listed.has(id)) delete notified[id];
      return { ...settings, notified };
    });
    return announced;
  }
}

/** How many clients a firm's warning names before "and N more": a notification shows two or three lines. */
const CLIENTS_NAMED = 2;

/** "A-melding for november 2026 er ikke sendt for 3 klienter: Fjellstue AS (211 785 462), Kløver AS (…) og 1 til." */
export function unsentClientsText({ deadline, clients }: UnsentDeadline, en: boolean): string {
  const language = en ? 'en' : 'nb';
  const service = serviceById(deadline.service).name[language];
  const period = periodWords(deadline, en);
  const count = clients.length;
  const named = clients.slice(0, CLIENTS_NAMED).map((c) => formatCompany(c.name, c.orgNumber));
  const rest = count - named.length;
  const and = en ? 'and' : 'og';
  const list =
    rest > 0
      ? `${named.join(', ')} ${and} ${formatCount(rest, language)} ${en ? 'more' : 'til'}`
      : named.length > 1
        ? `${named.slice(0, -1).join(', ')} ${and} ${named.at(-1)}`
        : (named[0] ?? '');
  const who = `${formatCount(count, language)} ${en ? (count === 1 ? 'client' : 'clients') : count === 1 ? 'klient' : 'klienter'}`;
  const when = dueWhen(deadline, en);
  return en
    ? `${service} for ${period} has not been sent for ${who}: ${list}. Due ${when}.`
    : `${service} for ${period} er ikke sendt for ${who}: ${list}. Frist ${when}.`;
}

export function warningText(deadline: Deadline, displayName: string, en: boolean): string {
  const service = serviceById(deadline.service).name[en ? 'en' : 'nb'];
  const when = dueWhen(deadline, en);
  return en
    ? `${service} ${periodWords(deadline, en)} for ${displayName} is due ${when}.`
    : `${service} ${periodWords(deadline, en)} for ${displayName} har frist ${when}.`;
}

/** "november 2026" / "November 2026", or the income year in words. */
function periodWords(deadline: Deadline, en: boolean): string {
  if (deadline.period.kind === 'month') return formatMonth(deadline.period.kalendermaaned, en ? 'en' : 'nb');
  return en ? `income year ${deadline.period.inntektsaar}` : `inntektsåret ${deadline.period.inntektsaar}`;
}

/** "today" or "in 3 days (7 December 2026)". */
function dueWhen(deadline: Deadline, en: boolean): string {
  return deadline.daysLeft === 0
    ? en
      ? 'today'
      : 'i dag'
    : en
      ? `in ${deadline.daysLeft} ${deadline.daysLeft === 1 ? 'day' : 'days'} (${formatDate(deadline.dueDate, 'en')})`
      : `om ${deadline.daysLeft} ${deadline.daysLeft === 1 ? 'dag' : 'dager'} (${formatDate(deadline.dueDate, 'nb')})`;
}

/**
 * The `deadlines` background job: every profile's warnings, looked at hourly by default (a day's first look after
 * midnight announces), whichever profile the window shows.
 */
export function deadlineWarningsJob(
  warnings: DeadlineWarnings,
  profiles: ProfileService,
  intervalMs = 3_600_000,
): BackgroundJob {
  return everyProfileJob({
    name: 'deadlines',
    profiles,
    run: async (profile) => {
      await warnings.check(profile);
      return { nextInMs: intervalMs };
    },
  });
}
