import { serviceById } from '../../shared/domain/services-catalogue';
import type { Language } from '../../shared/domain/localized';
import type { Deadline } from '../../shared/deadlines/deadline-views';
import type { DesktopPort } from '../desktop-port';
import type { EventHub } from '../ipc/event-hub';
import type { Logger } from '../log/logger';
import type { ProfileService } from '../settings/profiles';
import type { DeadlineService } from './deadline-service';

export interface DeadlineWarningsOptions {
  deadlines: DeadlineService;
  profiles: ProfileService;
  desktop: DesktopPort;
  log: Logger;
  language?: () => Language;
  /** How often to look while the app runs (default hourly): a day's first look after midnight announces. */
  intervalMs?: number;
  /** Where a clicked warning is told: `deadlines.open` shows the Frister page with that deadline. */
  events: Pick<EventHub, 'emit'>;
}

/**
 * An OS notification for each deadline of the active profile that is within the warning days and not met, at most
 * once per deadline per Norwegian day (the day is logged in the profile's deadlines.json, so a restart does not
 * announce again). `check()` is the whole job; the timer only calls it.
 */
export class DeadlineWarnings {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | null = null;

  constructor(private readonly options: DeadlineWarningsOptions) {}

  start(): void {
    if (this.timer) return;
    void this.checkSafely();
    this.timer = setInterval(() => void this.checkSafely(), this.options.intervalMs ?? 3_600_000);
    this.timer.unref?.();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Announces what is due soon and not yet announced today; answers how many notifications it raised. */
  check(): Promise<number> {
    // One check at a time: two overlapping ones would both see "not announced today".
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async checkSafely(): Promise<void> {
    await this.check().catch((error: unknown) => this.options.log.warn('deadline warning check failed', { error }));
  }

  private async run(): Promise<number> {
    const profile = this.options.profiles.active();
    if (!profile) return 0;
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
        body: warningText(deadline, profile.displayName, en),
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
