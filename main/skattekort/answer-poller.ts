import type { SubmissionError } from '../../shared/outbox/submission';
import type { AnswerRecord, AnswerStatus } from '../../shared/skattekort/skattekort-views';
import { classifyFailure, DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from '../outbox/retry-policy';
import type { SkattekortClient } from '../skatteetaten/skattekort-client';
import type { AnswerStore } from './answer-store';

/** How often an order is asked again while Skatteetaten answers 204 ("not ready"). */
export interface AnswerPollIntervals {
  /** The first wait after a 204; each further 204 doubles it, up to `pendingMaxMs`. */
  pendingBaseMs: number;
  pendingMaxMs: number;
}

export const DEFAULT_ANSWER_POLL: AnswerPollIntervals = { pendingBaseMs: 5_000, pendingMaxMs: 10 * 60_000 };

export interface FollowedOrder {
  submissionId: string;
  bestillingsreferanse: string;
}

export interface AnswerPollerOptions {
  store: AnswerStore;
  /** Made for each poll from the profile's setup, so a new key or sandbox port is followed. */
  client: () => Promise<SkattekortClient>;
  intervals?: Partial<AnswerPollIntervals>;
  /** Passing faults (503, 429, 5xx, offline): the outbox's backoff, never sooner than Retry-After. */
  retry?: Partial<RetryPolicy>;
  now?: () => Date;
  random?: () => number;
  onStatus?: (submissionId: string, status: AnswerStatus) => void;
  onAnswer?: (record: AnswerRecord) => void;
}

interface Entry {
  order: FollowedOrder;
  status: AnswerStatus;
  polls: number;
  faults: number;
  timer?: ReturnType<typeof setTimeout>;
  inFlight?: Promise<void>;
}

/**
 * Fetches the answers of one profile's received skattekort orders: 204 → wait and ask again with a growing
 * interval; 503/429/5xx/offline → the outbox's backoff, honouring Retry-After; 200 → the answer is written to
 * disk, then announced. A refused token or a missing right stops that order's polling until `pollNow`.
 */
export class AnswerPoller {
  private readonly entries = new Map<string, Entry>();
  private readonly intervals: AnswerPollIntervals;
  private readonly retry: RetryPolicy;
  private readonly now: () => Date;
  private readonly random: () => number;
  private stopped = false;
  private waiters = new Map<string, ((record: AnswerRecord | null) => void)[]>();

  constructor(private readonly options: AnswerPollerOptions) {
    this.intervals = { ...DEFAULT_ANSWER_POLL, ...options.intervals };
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
  }

  /** Starts polling an order (once; a second call for the same order changes nothing). */
  follow(order: FollowedOrder): void {
    if (this.stopped || this.entries.has(order.submissionId)) return;
    const entry: Entry = {
      order,
      status: { kind: 'waiting', polls: 0, nextPollAt: null, lastError: null },
      polls: 0,
      faults: 0,
    };
    this.entries.set(order.submissionId, entry);
    this.schedule(entry, 0);
  }

  status(submissionId: string): AnswerStatus | undefined {
    return this.entries.get(submissionId)?.status;
  }

  /** Asks now: the user's "fetch now", also after polling stopped for a refused token. */
  pollNow(order: FollowedOrder): void {
    const entry = this.entries.get(order.submissionId);
    if (!entry) return this.follow(order);
    if (entry.status.kind === 'ready' || entry.inFlight) return;
    entry.faults = 0;
    this.schedule(entry, 0);
  }

  /** Resolves with the answer once it is on disk, or null when polling stops without one. */
  whenAnswered(submissionId: string): Promise<AnswerRecord | null> {
    return new Promise((resolve) => {
      this.waiters.set(submissionId, [...(this.waiters.get(submissionId) ?? []), resolve]);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const entry of this.entries.values()) clearTimeout(entry.timer);
    await Promise.all([...this.entries.values()].map((e) => e.inFlight));
    for (const list of this.waiters.values()) for (const w of list) w(null);
    this.waiters.clear();
  }

  private schedule(entry: Entry, delayMs: number): void {
    clearTimeout(entry.timer);
    if (this.stopped) return;
    if (entry.status.kind === 'waiting' || delayMs === 0) {
      entry.status = {
        kind: 'waiting',
        polls: entry.polls,
        nextPollAt: new Date(this.now().getTime() + delayMs).toISOString(),
        lastError: entry.status.kind === 'waiting' ? entry.status.lastError : null,
      };
      this.emit(entry);
    }
    entry.timer = setTimeout(() => {
      entry.inFlight = this.poll(entry).finally(() => {
        entry.inFlight = undefined;
      });
    }, delayMs);
  }

  private async poll(entry: Entry): Promise<void> {
    if (this.stopped) return;
    try {
      const result = await (await this.options.client()).answer(entry.order.bestillingsreferanse);
      entry.polls += 1;
      entry.faults = 0;
      if (result.state === 'pending') {
        const delay = Math.min(
          this.intervals.pendingMaxMs,
          this.intervals.pendingBaseMs * 2 ** Math.max(0, entry.polls - 1),
        );
        entry.status = { kind: 'waiting', polls: entry.polls, nextPollAt: null, lastError: null };
        this.schedule(entry, delay);
        return;
      }
      const record: AnswerRecord = {
        submissionId: entry.order.submissionId,
        bestillingsreferanse: entry.order.bestillingsreferanse,
        fetchedAt: this.now().toISOString(),
        answer: result.answer,
      };
      await this.options.store.save(record, result.raw);
      entry.status = { kind: 'ready', fetchedAt: record.fetchedAt, employees: record.answer.cards.length };
      this.emit(entry);
      this.options.onAnswer?.(record);
      this.settle(entry.order.submissionId, record);
    } catch (error) {
      const verdict = classifyFailure(error);
      if (verdict.outcome === 'retry') {
        entry.faults += 1;
        const delay = retryDelayMs(this.retry, entry.faults, verdict.reason, this.random, verdict.retryAfterMs);
        entry.status = { kind: 'waiting', polls: entry.polls, nextPollAt: null, lastError: verdict.error };
        this.schedule(entry, delay);
        return;
      }
      this.halt(entry, verdict.error);
    }
  }

  private halt(entry: Entry, error: SubmissionError): void {
    entry.status = { kind: 'stopped', error };
    this.emit(entry);
    this.settle(entry.order.submissionId, null);
  }

  private settle(submissionId: string, record: AnswerRecord | null): void {
    for (const w of this.waiters.get(submissionId) ?? []) w(record);
    this.waiters.delete(submissionId);
  }

  private emit(entry: Entry): void {
    try {
      this.options.onStatus?.(entry.order.submissionId, entry.status);
    } catch {
      // An observer's failure must not stop the polling.
    }
  }
}
