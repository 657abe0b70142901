import { describe, expect, it } from 'vitest';
import { FeedbackPoller, type Timers } from '../../../main/dialogporten/feedback-poller';
import { DialogportenError } from '../../../main/dialogporten/dialogporten-errors';
import type { FeedbackSyncResult } from '../../../main/dialogporten/feedback-sync';
import type { FeedbackChange, FeedbackTransmission } from '../../../shared/feedback/feedback-dialog';

/** Timers the test fires by hand; `pending` shows the delay the poller chose. */
class ManualTimers implements Timers {
  pending: { fn: () => void; ms: number; id: number }[] = [];
  private next = 1;
  set = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.pending.push({ fn, ms, id });
    return id;
  };
  clear = (handle: unknown) => {
    this.pending = this.pending.filter((p) => p.id !== handle);
  };
  get delay(): number | undefined {
    return this.pending[0]?.ms;
  }
  async fire(): Promise<void> {
    const timer = this.pending.shift();
    if (!timer) throw new Error('no timer pending');
    timer.fn();
    await new Promise((r) => setTimeout(r, 0));
  }
}

const feedback = { id: 't', sender: 'ServiceOwner' } as FeedbackTransmission;
const change = {
  dialog: { id: 'd' },
  isNewDialog: false,
  newTransmissions: [feedback],
  newFeedback: [feedback],
} as FeedbackChange;
const intervals = { baseMs: 100, maxMs: 800, nudgedMs: 10, nudgeWindowMs: 1000, offlineRetryMs: 50 };

function setup(outcomes: (FeedbackChange[] | Error)[]) {
  const timers = new ManualTimers();
  let now = 0;
  const heard: FeedbackChange[] = [];
  let syncs = 0;
  const poller = new FeedbackPoller({
    timers,
    intervals,
    now: () => new Date(now),
    onChanges: (c) => heard.push(...c),
    sync: async (onChanges): Promise<FeedbackSyncResult> => {
      const outcome = outcomes[syncs++] ?? [];
      if (outcome instanceof Error) throw outcome;
      if (outcome.length) onChanges(outcome, { initial: false });
      return { changes: outcome, initial: false, watermark: null };
    },
  });
  return { poller, timers, heard, syncs: () => syncs, tick: (ms: number) => (now += ms) };
}

describe('the feedback poller', () => {
  it('polls at start, backs off while idle, and returns to the base interval when feedback comes', async () => {
    const { poller, timers, heard } = setup([[], [], [], [], [], [change], []]);
    poller.start();
    expect(timers.delay).toBe(0);
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      await timers.fire();
      delays.push(timers.delay as number);
    }
    expect(delays).toEqual([100, 200, 400, 800, 800, 100, 100]);
    expect(heard).toEqual([change]);
  });

  it('looks often after a nudge, for the nudge window only', async () => {
    const { poller, timers, tick } = setup([]);
    poller.start();
    await timers.fire();
    await timers.fire();
    expect(timers.delay).toBe(200);
    poller.nudge();
    expect(timers.delay).toBe(10);
    await timers.fire();
    expect(timers.delay).toBe(10);
    tick(2000);
    await timers.fire();
    expect(timers.delay).toBe(200); // the idle back-off starts over from the base interval
  });

  it('goes offline on a network failure and comes back at once when told the network is up', async () => {
    const offline = new DialogportenError('unreachable', ['search dialogs', 'ECONNREFUSED']);
    const { poller, timers, syncs } = setup([offline, []]);
    poller.start();
    await timers.fire();
    expect(poller.getStatus()).toMatchObject({ state: 'offline', lastError: { code: 'DIALOGPORTEN_UNREACHABLE' } });
    expect(timers.delay).toBe(50);
    poller.online();
    expect(timers.delay).toBe(0);
    await timers.fire();
    expect(syncs()).toBe(2);
    expect(poller.getStatus()).toMatchObject({ state: 'waiting', lastError: null });
  });

  it('waits as long as a 429 or 503 asks', async () => {
    const { poller, timers } = setup([new DialogportenError('rate-limited', [], 600_000)]);
    poller.start();
    await timers.fire();
    expect(timers.delay).toBe(600_000);
    expect(poller.getStatus().state).toBe('failing');
  });

  it('does nothing while paused (system sleep) and polls at once on resume', async () => {
    const { poller, timers, syncs } = setup([]);
    poller.start();
    await timers.fire();
    poller.pause();
    expect(timers.pending).toHaveLength(0);
    poller.nudge();
    expect(timers.pending).toHaveLength(0);
    expect(poller.getStatus().state).toBe('paused');
    poller.resume();
    expect(timers.delay).toBe(0);
    await timers.fire();
    expect(syncs()).toBe(2);
  });

  it('never runs two passes at once', async () => {
    const { poller, syncs } = setup([]);
    poller.start();
    await Promise.all([poller.pollNow(), poller.pollNow()]);
    expect(syncs()).toBe(1);
    poller.stop();
  });
});
