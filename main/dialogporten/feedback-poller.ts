import type { AppErrorShape } from '../../shared/domain/app-error';
import { isAppError } from '../../shared/domain/app-error';
import type { FeedbackChange } from '../../shared/feedback/feedback-dialog';
import { DialogportenError } from './dialogporten-errors';
import type { FeedbackSyncResult } from './feedback-sync';

export interface PollIntervals {
  /** After a poll that found something, and the first step of the idle back-off. */
  baseMs: number;
  /** The idle back-off doubles up to this. */
  maxMs: number;
  /** After a submission (`nudge()`): feedback usually comes within minutes, so look often for a while. */
  nudgedMs: number;
  nudgeWindowMs: number;
  /** While the network is down, check this often (or at once on `online()`). */
  offlineRetryMs: number;
}

export const DEFAULT_INTERVALS: PollIntervals = {
  baseMs: 2 * 60_000,
  maxMs: 30 * 60_000,
  nudgedMs: 15_000,
  nudgeWindowMs: 15 * 60_000,
  offlineRetryMs: 60_000,
};

/**
 * The wait after a pass that worked: often while nudged (a submission was just received), else doubling with each
 * pass in a row that found nothing, from `baseMs` up to `maxMs`. The background feedback job uses it too.
 */
export function intervalAfterSuccess(intervals: PollIntervals, idlePolls: number, nudged: boolean): number {
  if (nudged) return intervals.nudgedMs;
  return Math.min(intervals.baseMs * 2 ** Math.max(0, idlePolls - 1), intervals.maxMs);
}

export type PollerState = 'stopped' | 'waiting' | 'syncing' | 'paused' | 'offline' | 'failing';

export interface PollerStatus {
  state: PollerState;
  nextPollAt: string | null;
  lastSyncAt: string | null;
  lastError: AppErrorShape | null;
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export type ChangeListener = (changes: FeedbackChange[], context: { initial: boolean }) => void;

export interface FeedbackPollerOptions {
  /** One incremental pass; it calls `onChanges` as each page's changes are saved (syncFeedback does). */
  sync: (onChanges: ChangeListener) => Promise<Pick<FeedbackSyncResult, 'changes'>>;
  /**
   * Dialogs whose transmissions grew; `newFeedback` on each is what Skatteetaten sent. `initial` marks a profile's
   * first sync, which reports the whole history: worth a list, not a notification per dialog.
   */
  onChanges: ChangeListener;
  onStatus?: (status: PollerStatus) => void;
  intervals?: Partial<PollIntervals>;
  timers?: Timers;
  now?: () => Date;
}

const realTimers: Timers = {
  set: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    // A waiting poll must not keep the CLI or a test process alive.
    handle.unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Runs the feedback sync on a timer: backs off while nothing comes, looks often after a submission, stops while
 * the network is gone or the machine sleeps, and honours Dialogporten's Retry-After. Never two passes at once.
 */
export class FeedbackPoller {
  private readonly intervals: PollIntervals;
  private readonly timers: Timers;
  private readonly now: () => Date;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private again = false;
  private idlePolls = 0;
  private nudgedUntil = 0;
  private status: PollerStatus = { state: 'stopped', nextPollAt: null, lastSyncAt: null, lastError: null };
  private paused = false;
  private started = false;

  constructor(private readonly options: FeedbackPollerOptions) {
    this.intervals = { ...DEFAULT_INTERVALS, ...options.intervals };
    this.timers = options.timers ?? realTimers;
    this.now = options.now ?? (() => new Date());
  }

  /** Polls at once (catching up on what came while the app was closed), then on the schedule. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.paused = false;
    this.schedule(0);
  }

  stop(): void {
    this.started = false;
    this.clearTimer();
    this.update({ state: 'stopped', nextPollAt: null });
  }

  /** The system is going to sleep (powerMonitor 'suspend'), or the user turned polling off. */
  pause(): void {
    if (!this.started) return;
    this.paused = true;
    this.clearTimer();
    this.update({ state: 'paused', nextPollAt: null });
  }

  /** Back from sleep: poll at once, since anything may have come meanwhile. */
  resume(): void {
    if (!this.started || !this.paused) return;
    this.paused = false;
    this.schedule(0);
  }

  /** The OS says the network is back: no need to wait for the offline retry. */
  online(): void {
    if (this.started && !this.paused && this.status.state === 'offline') this.schedule(0);
  }

  /** A submission was just accepted: look often for the next while, starting soon. */
  nudge(): void {
    this.nudgedUntil = this.now().getTime() + this.intervals.nudgeWindowMs;
    this.idlePolls = 0;
    if (!this.started || this.paused) return;
    if (this.running) this.again = true;
    else this.schedule(this.intervals.nudgedMs);
  }

  getStatus(): PollerStatus {
    return { ...this.status };
  }

  /** One pass now, outside the schedule (the CLI, a "check now" button); joins a pass already running. */
  pollNow(): Promise<void> {
    if (this.running) return this.running;
    this.clearTimer();
    this.running = this.poll().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async poll(): Promise<void> {
    this.update({ state: 'syncing', nextPollAt: null });
    let nextMs: number;
    try {
      const result = await this.options.sync(this.options.onChanges);
      const found = result.changes.some((c) => c.newFeedback.length > 0);
      this.idlePolls = found ? 0 : this.idlePolls + 1;
      this.update({ state: 'waiting', lastSyncAt: this.now().toISOString(), lastError: null });
      nextMs = this.intervalAfterSuccess();
    } catch (error) {
      nextMs = this.intervalAfterFailure(error);
    }
    if (this.again) {
      this.again = false;
      nextMs = Math.min(nextMs, this.intervals.nudgedMs);
    }
    if (this.started && !this.paused) this.schedule(nextMs);
  }

  private intervalAfterSuccess(): number {
    return intervalAfterSuccess(this.intervals, this.idlePolls, this.now().getTime() < this.nudgedUntil);
  }

  private intervalAfterFailure(error: unknown): number {
    const shape = isAppError(error)
      ? error.toShape()
      : {
          code: 'FEEDBACK_SYNC_FAILED',
          message: { nb: 'Henting av tilbakemeldinger feilet.', en: 'Fetching feedback failed.' },
        };
    if (error instanceof DialogportenError && error.failure === 'unreachable') {
      this.update({ state: 'offline', lastError: shape });
      return this.intervals.offlineRetryMs;
    }
    this.update({ state: 'failing', lastError: shape });
    if (error instanceof DialogportenError && error.transient) {
      return Math.max(error.retryAfterMs ?? this.intervals.baseMs, this.intervals.nudgedMs);
    }
    return this.intervals.maxMs;
  }

  private schedule(ms: number): void {
    this.clearTimer();
    const at = new Date(this.now().getTime() + ms).toISOString();
    const keep = this.status.state === 'offline' || this.status.state === 'failing' ? this.status.state : 'waiting';
    this.update({ state: keep, nextPollAt: at });
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.pollNow();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private update(change: Partial<PollerStatus>): void {
    this.status = { ...this.status, ...change };
    this.options.onStatus?.(this.getStatus());
  }
}
