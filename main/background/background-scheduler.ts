import type { Logger } from '../log/logger';
import { backoffDelay, DEFAULT_BACKOFF, failureCode, retryAfterOf, type BackoffPolicy } from './backoff';
import { TaskPool } from './task-pool';

/** When a unit's job comes back by itself: in `ms`, or only when asked (`null`). */
export interface JobPass {
  nextInMs: number | null;
}

/**
 * One kind of background work (sending the outbox, fetching feedback, asking for skattekort answers, warning of
 * deadlines), run for every unit it names: a set-up profile, or a firm's client. The scheduler owns the timing,
 * the concurrency and the backoff; the job only says what one pass is and when the next is due.
 */
export interface BackgroundJob {
  name: string;
  /** The units to run for now (profile ids, or `profileId/orgNumber` for a client): asked again at each refresh. */
  units(): Promise<readonly string[]>;
  /** One pass for one unit. A throw is a failure: the unit backs off, the others carry on. */
  run(unit: string): Promise<JobPass>;
  /** A unit's state changed (the UI shows the active profile's). */
  onStatus?(unit: string, status: UnitStatus): void;
}

export type UnitState = 'waiting' | 'queued' | 'running' | 'failing' | 'idle';

export interface UnitStatus {
  state: UnitState;
  nextRunAt: string | null;
  lastRunAt: string | null;
  /** The failure that made it back off (a code, never a message with secrets in it). */
  lastFailure: string | null;
  failures: number;
}

export interface SchedulerTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface BackgroundSchedulerOptions {
  log: Logger;
  /** At most this many passes at once, over every job and unit (default 4). */
  concurrency?: number;
  backoff?: Partial<BackoffPolicy>;
  now?: () => Date;
  random?: () => number;
  timers?: SchedulerTimers;
}

const realTimers: SchedulerTimers = {
  set: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    // A waiting pass must not keep the CLI or a test process alive.
    handle.unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

interface Slot {
  job: BackgroundJob;
  unit: string;
  timer: unknown;
  /** The pass under way (queued in the pool or running). */
  pass: Promise<void> | null;
  /** Asked for again while a pass was under way: one more pass follows it (any number of asks make one). */
  again: boolean;
  status: UnitStatus;
}

/**
 * Runs every job for every unit it names, in the background, whatever profile the window shows: a small pool
 * bounds how many passes run at once, each unit backs off on its own after a failure (exponential with jitter,
 * never sooner than Retry-After), asks to run again while a pass is under way are coalesced into one more pass,
 * and `dispose()` stops the timers and waits for the passes under way.
 */
export class BackgroundScheduler {
  private readonly jobs = new Map<string, BackgroundJob>();
  private readonly slots = new Map<string, Slot>();
  private readonly pool: TaskPool;
  private readonly backoff: BackoffPolicy;
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly timers: SchedulerTimers;
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;
  private stopped = false;
  private paused = false;
  /** Units whose pass came due while paused: they run at `resume()`. */
  private readonly deferred = new Set<Slot>();

  constructor(private readonly options: BackgroundSchedulerOptions) {
    this.pool = new TaskPool(options.concurrency ?? 4);
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.timers = options.timers ?? realTimers;
  }

  /** Adds a job; its units are found at the next `refresh()`. */
  register(job: BackgroundJob): void {
    if (this.jobs.has(job.name)) throw new Error(`background job ${job.name} is registered twice`);
    this.jobs.set(job.name, job);
  }

  /**
   * Asks every job for its units again: new ones run at once, gone ones stop. A refresh asked for while one runs
   * makes one more after it (profiles or clients added meanwhile are not missed).
   */
  refresh(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        for (const job of this.jobs.values()) await this.follow(job);
      } while (this.refreshAgain && !this.stopped);
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /**
   * Runs a job for a unit (or every unit of the job) as soon as the pool allows: a pass under way gets one more
   * after it. A unit backing off after a failure keeps its wait: asking does not hammer a failing service.
   */
  request(jobName: string, unit?: string): void {
    for (const slot of this.slots.values()) {
      if (slot.job.name !== jobName || (unit !== undefined && slot.unit !== unit)) continue;
      if (slot.pass) slot.again = true;
      else if (slot.status.state !== 'failing') this.start(slot);
    }
  }

  /**
   * A job's units are followed from now on (its `units()` answers with them once the job is wanted); the unit
   * given (the active profile) has had its first pass when this resolves: the app's start, or a first submit.
   */
  async startJob(jobName: string, firstUnit: string | undefined): Promise<void> {
    await this.refresh();
    if (firstUnit !== undefined) await this.runNow(jobName, firstUnit);
  }

  /** Runs a job for a unit now and resolves when that pass (and any coalesced one) is done; for the CLI and tests. */
  async runNow(jobName: string, unit: string): Promise<void> {
    await this.refresh();
    const slot = this.slots.get(slotKey(jobName, unit));
    if (!slot) return;
    if (slot.pass) {
      slot.again = true;
      await slot.pass;
    } else this.start(slot);
    while (slot.pass) await slot.pass;
  }

  status(jobName: string, unit: string): UnitStatus | null {
    return this.slots.get(slotKey(jobName, unit))?.status ?? null;
  }

  units(jobName: string): string[] {
    return [...this.slots.values()].filter((s) => s.job.name === jobName).map((s) => s.unit);
  }

  /** Resolves once no refresh and no pass is queued or running (tests wait on this; timers may still be set). */
  async whenIdle(): Promise<void> {
    for (;;) {
      await this.refreshing;
      const passes = [...this.slots.values()].map((s) => s.pass).filter((p): p is Promise<void> => !!p);
      if (passes.length === 0 && !this.refreshing) return;
      await Promise.all(passes);
    }
  }

  /** The machine goes to sleep: no pass starts until `resume()` (passes under way finish). */
  pause(): void {
    this.paused = true;
  }

  /** Back from sleep: everything that came due meanwhile runs now. */
  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    const due = [...this.deferred];
    this.deferred.clear();
    for (const slot of due) this.start(slot);
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** The most passes that ran at once since the start. */
  get peakConcurrency(): number {
    return this.pool.peak;
  }

  async dispose(): Promise<void> {
    this.stopped = true;
    await this.refreshing;
    for (const slot of this.slots.values()) this.timers.clear(slot.timer);
    await Promise.all([...this.slots.values()].map((s) => s.pass));
    this.slots.clear();
  }

  // --- plumbing -------------------------------------------------------------------------------------------------

  private async follow(job: BackgroundJob): Promise<void> {
    let units: readonly string[];
    try {
      units = await job.units();
    } catch (error) {
      this.options.log.warn('background: the units of a job could not be listed', {
        job: job.name,
        code: failureCode(error),
      });
      return;
    }
    const wanted = new Set(units);
    for (const [key, slot] of this.slots) {
      if (slot.job === job && !wanted.has(slot.unit)) {
        this.timers.clear(slot.timer);
        this.slots.delete(key);
      }
    }
    for (const unit of wanted) {
      const key = slotKey(job.name, unit);
      if (this.slots.has(key) || this.stopped) continue;
      const slot: Slot = {
        job,
        unit,
        timer: null,
        pass: null,
        again: false,
        status: { state: 'waiting', nextRunAt: null, lastRunAt: null, lastFailure: null, failures: 0 },
      };
      this.slots.set(key, slot);
      this.start(slot);
    }
  }

  private start(slot: Slot): void {
    if (this.stopped || slot.pass) return;
    this.timers.clear(slot.timer);
    slot.timer = null;
    if (this.paused) {
      this.deferred.add(slot);
      return;
    }
    this.setStatus(slot, { state: 'queued', nextRunAt: null });
    slot.pass = this.pool
      .run(() => this.runPass(slot))
      .finally(() => {
        slot.pass = null;
        if (this.stopped || this.slots.get(slotKey(slot.job.name, slot.unit)) !== slot) return;
        if (slot.again && slot.status.state !== 'failing') {
          slot.again = false;
          this.start(slot);
        }
      });
  }

  private async runPass(slot: Slot): Promise<void> {
    if (this.stopped) return;
    slot.again = false;
    this.setStatus(slot, { state: 'running' });
    const startedAt = this.now().toISOString();
    try {
      const { nextInMs } = await slot.job.run(slot.unit);
      slot.status.failures = 0;
      this.setStatus(slot, { lastRunAt: startedAt, lastFailure: null, failures: 0 });
      this.schedule(slot, nextInMs, 'waiting');
    } catch (error) {
      const failures = slot.status.failures + 1;
      const retryAfter = retryAfterOf(error);
      const wait = backoffDelay(failures, this.backoff, this.random, retryAfter);
      this.options.log.warn('background: a pass failed; the unit backs off', {
        job: slot.job.name,
        unit: slot.unit,
        code: failureCode(error),
        failures,
        waitMs: wait,
      });
      this.setStatus(slot, { lastRunAt: startedAt, lastFailure: failureCode(error), failures });
      this.schedule(slot, wait, 'failing');
    }
  }

  private schedule(slot: Slot, inMs: number | null, state: 'waiting' | 'failing'): void {
    if (this.stopped) return;
    if (inMs === null) {
      this.setStatus(slot, { state: 'idle', nextRunAt: null });
      return;
    }
    this.setStatus(slot, { state, nextRunAt: new Date(this.now().getTime() + inMs).toISOString() });
    slot.timer = this.timers.set(() => {
      slot.timer = null;
      // A backoff ends: the unit is no longer failing until its next pass says so.
      if (slot.status.state === 'failing') this.setStatus(slot, { state: 'waiting' });
      this.start(slot);
    }, inMs);
  }

  private setStatus(slot: Slot, change: Partial<UnitStatus>): void {
    slot.status = { ...slot.status, ...change };
    if (!this.stopped) slot.job.onStatus?.(slot.unit, slot.status);
  }
}

function slotKey(job: string, unit: string): string {
  return `${job}\u0000${unit}`;
}
