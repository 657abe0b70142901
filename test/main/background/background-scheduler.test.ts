import { describe, expect, it } from 'vitest';
import {
  BackgroundScheduler,
  type BackgroundJob,
  type SchedulerTimers,
} from '../../../main/background/background-scheduler';
import { backoffDelay } from '../../../main/background/backoff';
import { TaskPool } from '../../../main/background/task-pool';
import { DialogportenError } from '../../../main/dialogporten/dialogporten-errors';
import { silentLogger } from '../../../main/log/logger';

/** Timers a test fires by hand, on a clock it moves: nothing waits for real time. */
function manualClock(start = Date.parse('2027-01-31T08:00:00Z')) {
  let now = start;
  const pending = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  const timers: SchedulerTimers = {
    set: (fn, ms) => {
      const id = next++;
      pending.set(id, { at: now + ms, fn });
      return id;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  return {
    timers,
    now: () => new Date(now),
    /** Moves the clock and fires every timer due by then, in order. */
    advance(ms: number) {
      now += ms;
      const due = [...pending.entries()].filter(([, t]) => t.at <= now).sort((a, b) => a[1].at - b[1].at);
      for (const [id, t] of due) {
        pending.delete(id);
        t.fn();
      }
    },
    dueIn: () => [...pending.values()].map((t) => t.at - now).sort((a, b) => a - b),
  };
}

const CLIENTS = Array.from({ length: 12 }, (_, i) => `firm/${String(311000000 + i * 4)}`);

describe('BackgroundScheduler', () => {
  it('runs every unit with at most `concurrency` passes at once', async () => {
    const clock = manualClock();
    let running = 0;
    let peak = 0;
    const ran: string[] = [];
    const scheduler = new BackgroundScheduler({ log: silentLogger, concurrency: 3, ...clock });
    scheduler.register({
      name: 'feedback',
      units: async () => CLIENTS,
      run: async (unit) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        ran.push(unit);
        return { nextInMs: 60_000 };
      },
    });
    await scheduler.refresh();
    await scheduler.whenIdle();
    expect(ran.sort()).toEqual([...CLIENTS].sort());
    expect(peak).toBe(3);
    expect(scheduler.peakConcurrency).toBe(3);
    await scheduler.dispose();
  });

  it('backs off only the unit that fails with 503 or 429, honouring Retry-After; the others keep their pace', async () => {
    const clock = manualClock();
    const runs = new Map<string, number>();
    const failing = new Map<string, DialogportenError>([
      [CLIENTS[0]!, new DialogportenError('unavailable', ['503'], 120_000)],
      [CLIENTS[1]!, new DialogportenError('rate-limited', ['429'], 30_000)],
    ]);
    const scheduler = new BackgroundScheduler({
      log: silentLogger,
      concurrency: 2,
      backoff: { baseMs: 10_000, maxMs: 600_000 },
      random: () => 0,
      ...clock,
    });
    const job: BackgroundJob = {
      name: 'feedback',
      units: async () => CLIENTS,
      run: async (unit) => {
        runs.set(unit, (runs.get(unit) ?? 0) + 1);
        const error = failing.get(unit);
        if (error) throw error;
        return { nextInMs: 60_000 };
      },
    };
    scheduler.register(job);
    await scheduler.refresh();
    await scheduler.whenIdle();
    // Every unit ran once, the failing ones included, and none waited for another's failure.
    expect(CLIENTS.every((c) => runs.get(c) === 1)).toBe(true);
    expect(scheduler.status('feedback', CLIENTS[0]!)).toMatchObject({
      state: 'failing',
      failures: 1,
      lastFailure: 'DIALOGPORTEN_UNAVAILABLE',
      nextRunAt: '2027-01-31T08:02:00.000Z',
    });
    expect(scheduler.status('feedback', CLIENTS[1]!)).toMatchObject({
      state: 'failing',
      nextRunAt: '2027-01-31T08:00:30.000Z',
    });
    expect(scheduler.status('feedback', CLIENTS[2]!)).toMatchObject({
      state: 'waiting',
      nextRunAt: '2027-01-31T08:01:00.000Z',
    });

    // Asking for a failing unit does not cut its wait short; a healthy one runs at once.
    scheduler.request('feedback', CLIENTS[0]);
    scheduler.request('feedback', CLIENTS[2]);
    await scheduler.whenIdle();
    expect(runs.get(CLIENTS[0]!)).toBe(1);
    expect(runs.get(CLIENTS[2]!)).toBe(2);

    clock.advance(30_000);
    await scheduler.whenIdle();
    expect(runs.get(CLIENTS[1]!)).toBe(2);
    expect(scheduler.status('feedback', CLIENTS[1]!)).toMatchObject({ failures: 2 });
    expect(runs.get(CLIENTS[0]!)).toBe(1);

    // 503 fixed: the unit's next pass succeeds and its failures are forgotten.
    failing.delete(CLIENTS[0]!);
    clock.advance(90_000);
    await scheduler.whenIdle();
    expect(runs.get(CLIENTS[0]!)).toBe(2);
    expect(scheduler.status('feedback', CLIENTS[0]!)).toMatchObject({ state: 'waiting', failures: 0 });
    await scheduler.dispose();
  });

  it('coalesces asks made during a pass into one more pass', async () => {
    let release: () => void = () => undefined;
    let runs = 0;
    const scheduler = new BackgroundScheduler({ log: silentLogger, ...manualClock() });
    scheduler.register({
      name: 'outbox',
      units: async () => ['p1'],
      run: async () => {
        runs++;
        if (runs === 1) await new Promise<void>((r) => (release = r));
        return { nextInMs: null };
      },
    });
    await scheduler.refresh();
    for (let i = 0; i < 5; i++) scheduler.request('outbox', 'p1');
    release();
    await scheduler.whenIdle();
    expect(runs).toBe(2);
    expect(scheduler.status('outbox', 'p1')).toMatchObject({ state: 'idle' });
    await scheduler.dispose();
  });

  it('follows units that come and go, and stops cleanly: no pass starts after dispose', async () => {
    const clock = manualClock();
    let units = ['p1', 'p2'];
    const runs: string[] = [];
    const scheduler = new BackgroundScheduler({ log: silentLogger, ...clock });
    scheduler.register({
      name: 'deadlines',
      units: async () => units,
      run: async (unit) => {
        runs.push(unit);
        return { nextInMs: 1_000 };
      },
    });
    await scheduler.refresh();
    await scheduler.whenIdle();
    units = ['p2', 'p3'];
    await scheduler.refresh();
    await scheduler.whenIdle();
    expect(scheduler.units('deadlines').sort()).toEqual(['p2', 'p3']);
    clock.advance(1_000);
    await scheduler.whenIdle();
    expect(runs).toEqual(['p1', 'p2', 'p3', 'p2', 'p3']);
    await scheduler.dispose();
    clock.advance(10_000);
    expect(clock.dueIn()).toEqual([]);
    expect(runs).toHaveLength(5);
  });
});

describe('backoffDelay', () => {
  it('doubles per failure with equal jitter, up to the cap, and never below Retry-After', () => {
    const policy = { baseMs: 1_000, maxMs: 8_000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, () => 0))).toEqual([500, 1_000, 2_000, 4_000, 4_000]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
    expect(backoffDelay(1, policy, () => 0.5, 30_000)).toBe(30_000);
  });
});

describe('TaskPool', () => {
  it('hands a finished place to the next waiting task, so a newcomer cannot exceed the size', async () => {
    const pool = new TaskPool(2);
    let running = 0;
    let peak = 0;
    const task = async () => {
      running++;
      peak = Math.max(peak, running);
      await Promise.resolve();
      running--;
    };
    await Promise.all(Array.from({ length: 20 }, () => pool.run(task)));
    expect(peak).toBe(2);
    expect(pool.peak).toBe(2);
    expect(() => new TaskPool(0)).toThrow(/at least 1/);
  });
});
