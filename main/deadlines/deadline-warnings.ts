import { serviceById } from '../../shared/domain/services-catalogue';
import type { Language } from '../../shared/domain/localized';
import type { Deadline } from '../../shared/deadlines/deadline-views';
import type { DesktopPort } from '../desktop-port';
import type { EventHub } from '../ipc/event-hub';
import type { Logger } from '../log/logger';
import type { ProfileService } from '../settings/profiles';
import type { Profile } from '../../shared/domain/profile';
import { formatCompany } from '../../shared/format';
import type { BackgroundJob } from '../background/background-scheduler';
import { everyProfileJob } from '../background/profile-job';
import type { DeadlineService } from './deadline-service';

export interface DeadlineWarningsOptions {
  deadlines: DeadlineService;
  profiles: ProfileService;
  desktop: DesktopPort;
  log: Logger;
  language?: () => Language;
  /** Where a clicked warning is told: `deadlines.open` shows the Frister page with that deadline. */
  events: Pick<EventHub, 'emit'>;
}

/**
 * An OS notification for each deadline of a profile that is within the warning days and not met, at most once per
 * deadline per Norwegian day (the day is logged in the profile's deadlines.json, so a restart does not announce
 * again). `check()` is the whole job; the app's BackgroundScheduler runs it for every profile
 * (`deadlineWarningsJob`).
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
    const overview = await this.options.deadlines.overview(12, profile);
    const due = overview.deadlines.filter((d) => d.status === 'soon');
    if (due.length === 0) return 0;
    const file = this.options.deadlines.settingsOf(profile);
    const announced: Deadline[] = [];
    await file.update((settings) => {
      const notified = { ...settings.notified };
      for (const deadline of due) {
        if (notified[deadline.id] === overview.today) continue;
        notified[deadline.id] = overview.today;
        announced.push(deadline);
      }
      // Forget announcements of deadlines no longer listed, so the log stays small.
      const listed = new Set(overview.deadlines.map((d) => d.id));
      for (const id of Object.keys(notified)) if (!listed.has(id)) delete notified[id];
      return { ...settings, notified };
    });
    const en = this.options.language?.() === 'en';
    for (const deadline of announced) {
      this.options.desktop.notify({
        title: en ? 'Innsender: deadline soon' : 'Innsender: frist snart',
        body: warningText(deadline, formatCompany(profile.displayName, profile.orgNumber), en),
        onClick: () => this.options.events.emit('deadlines.open', { deadlineId: deadline.id }),
      });
    }
    return announced.length;
  }
}

export function warningText(deadline: Deadline, displayName: string, en: boolean): string {
  const service = serviceById(deadline.service).name[en ? 'en' : 'nb'];
  const period =
    deadline.period.kind === 'month' ? deadline.period.kalendermaaned : String(deadline.period.inntektsaar);
  const when =
    deadline.daysLeft === 0
      ? en
        ? 'today'
        : 'i dag'
      : en
        ? `in ${deadline.daysLeft} ${deadline.daysLeft === 1 ? 'day' : 'days'} (${deadline.dueDate})`
        : `om ${deadline.daysLeft} ${deadline.daysLeft === 1 ? 'dag' : 'dager'} (${deadline.dueDate})`;
  return en
    ? `${service} ${period} for ${displayName} is due ${when}.`
    : `${service} ${period} for ${displayName} har frist ${when}.`;
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
