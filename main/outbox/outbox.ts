import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/domain/app-error';
import type { AuditLog, AuditRecord } from './audit-log';
import { guardEnqueue } from './duplicate-guard';
import { dataStore } from '../store/data-store';
import type { SubmissionRepository } from '../store/store';
import { payloadDigest } from './payload-digest';
import { classifyFailure, DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './retry-policy';
import {
  isFinal,
  type Submission,
  type SubmissionCheckpoint,
  type SubmissionPayload,
  type SubmissionState,
  type SubmissionTarget,
} from './submission';
import type { SubmissionTransport } from './transport';

export type Connectivity = 'online' | 'offline';

/** What the outbox tells its observer; the lead's IPC turns these into renderer events. */
export type OutboxEvent =
  | { type: 'changed'; submission: Submission }
  | { type: 'progress'; id: string; done: number; total: number; phase: string }
  | { type: 'connectivity'; connectivity: Connectivity };

export interface EnqueueInput {
  target: SubmissionTarget;
  payload: SubmissionPayload;
  label: string;
  draftId?: string;
}

export interface OutboxOptions {
  /** This profile's outbox folder, e.g. `<data>/profiles/<profileId>/outbox`. */
  dir: string;
  /**
   * Where the records and payloads are kept: the profile's part of the data dir's store (`main/store/`). Absent (a
   * script, a test): a store of its own in `dir`.
   */
  store?: SubmissionRepository;
  transport: SubmissionTransport;
  audit?: AuditLog;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  retry?: Partial<RetryPolicy>;
  onEvent?: (event: OutboxEvent) => void;
}

export interface Outbox {
  /** Loads what is on disk and starts sending; anything left `sending` by a crash is asked again with its key. */
  start(): Promise<void>;
  /** Stops taking new work and waits for the attempt in flight to be written down. */
  stop(): Promise<void>;
  /**
   * Writes payload and record (queued) before returning. A report already held (duplicate-guard.ts: received, or
   * on its way) returns that submission instead of a second one; other bytes under its identity are refused.
   */
  enqueue(input: EnqueueInput): Promise<Submission>;
  /** Only a queued or a waiting (failed) submission can be cancelled: never one whose bytes may be on the wire. */
  cancel(id: string): Promise<Submission>;
  /** A failed submission goes back to the queue now, with its own key (so it is never taken twice). */
  retry(id: string): Promise<Submission>;
  list(): Submission[];
  get(id: string): Submission | undefined;
  /** The exact bytes a submission sends (or sent). */
  payload(id: string): Promise<SubmissionPayload>;
  connectivity(): Connectivity;
  /** Resolves when nothing is queued, sending or waiting for an automatic retry (for the CLI and tests). */
  whenSettled(): Promise<void>;
}

/** The profile id an outbox made without a store keeps its records under, in a store of its own. */
export const STANDALONE_PROFILE = 'standalone';

export function outboxError(code: string, nb: string, en: string): AppError {
  return new AppError(code, { nb, en });
}

/**
 * A durable queue per profile. The rule everything follows: a state is on disk before it is acted on. A
 * submission is written (key, payload hash, `queued`) before its first byte is sent and marked `sending` before
 * each attempt, so after a crash a `sending` record means "may have arrived" and is sent again with the same key,
 * which Skatteetaten answers with the same receipt. One submission is sent at a time.
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const store = options.store ?? dataStore(options.dir).submissions(STANDALONE_PROFILE);
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const submissions = new Map<string, Submission>();
  let connectivity: Connectivity = 'online';
  /** After a 429 or while offline, nothing is sent before this time (ms). */
  let holdUntil = 0;
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: () => void = () => undefined;
  let settledWaiters: (() => void)[] = [];
  // Every change to a record goes through this chain, so a cancel and a claim never interleave.
  let lock: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = lock.then(fn);
    lock = next.catch(() => undefined);
    return next;
  };

  const emit = (event: OutboxEvent) => {
    try {
      options.onEvent?.(event);
    } catch {
      // An observer's failure must not stop the queue.
    }
  };
  const audit = async (submission: Submission, record: Omit<AuditRecord, 'submissionId'>) => {
    await options.audit?.append({
      submissionId: submission.id,
      service: submission.target.service,
      label: submission.label,
      idempotencyKey: submission.idempotencyKey,
      payloadSha256: submission.payloadSha256,
      ...record,
    });
  };

  /** Audit first, then the record: a state on disk always has its entry in the log (a crash between may repeat one). */
  async function transition(
    submission: Submission,
    state: SubmissionState,
    record?: Omit<AuditRecord, 'submissionId'>,
    patch: Partial<Submission> = {},
  ) {
    const next: Submission = { ...submission, ...patch, state, updatedAt: now().toISOString() };
    if (record) await audit(next, record);
    await store.write(next);
    submissions.set(next.id, next);
    emit({ type: 'changed', submission: next });
    return next;
  }

  function setConnectivity(value: Connectivity) {
    if (connectivity === value) return;
    connectivity = value;
    emit({ type: 'connectivity', connectivity: value });
  }

  function dueAt(s: Submission): number | undefined {
    if (s.state.kind === 'queued' || s.state.kind === 'sending') return Date.parse(s.createdAt);
    if (s.state.kind === 'failed' && s.state.retryAt) return Date.parse(s.state.retryAt);
    return undefined;
  }

  function nextDue(): { submission?: Submission; waitMs?: number } {
    const t = now().getTime();
    let best: Submission | undefined;
    let bestAt = Infinity;
    for (const s of submissions.values()) {
      const at = dueAt(s);
      if (at !== undefined && at < bestAt) {
        best = s;
        bestAt = at;
      }
    }
    if (!best) return {};
    const ready = Math.max(bestAt, holdUntil);
    return ready <= t ? { submission: best } : { waitMs: ready - t };
  }

  function checkSettled() {
    if ([...submissions.values()].some((s) => dueAt(s) !== undefined)) return;
    const waiters = settledWaiters;
    settledWaiters = [];
    for (const w of waiters) w();
  }

  async function attempt(claimed: Submission): Promise<void> {
    let current = claimed;
    try {
      const payload = await store.readPayload(current.id);
      const receipt = await options.transport.send(current, payload, {
        saveCheckpoint: (checkpoint: SubmissionCheckpoint) =>
          serial(async () => {
            current = { ...current, checkpoint, updatedAt: now().toISOString() };
            await store.write(current);
            submissions.set(current.id, current);
          }),
        progress: (done, total, phase) => emit({ type: 'progress', id: current.id, done, total, phase }),
      });
      setConnectivity('online');
      await serial(() =>
        transition(
          current,
          { kind: 'received', at: now().toISOString(), receipt },
          {
            event: 'received',
            ids: Object.fromEntries(Object.entries(receipt).filter(([, v]) => typeof v === 'string')) as Record<
              string,
              string
            >,
          },
        ),
      );
    } catch (error) {
      const verdict = classifyFailure(error);
      const at = now().toISOString();
      const attemptNo = current.state.kind === 'sending' ? current.state.attempt : 1;
      const errorRecord = {
        code: verdict.error.code,
        ...(verdict.error.status !== undefined ? { status: verdict.error.status } : {}),
        ...(verdict.error.korrelasjonsid ? { korrelasjonsid: verdict.error.korrelasjonsid } : {}),
      };
      if (verdict.outcome === 'retry') {
        setConnectivity(verdict.reason === 'offline' ? 'offline' : 'online');
        // Offline waits as long as it takes; other passing faults get `maxAttempts` before the user is asked.
        const giveUp = verdict.reason !== 'offline' && attemptNo >= policy.maxAttempts;
        const delay = retryDelayMs(policy, attemptNo, verdict.reason, random, verdict.retryAfterMs);
        if (verdict.reason === 'rate-limited' || verdict.reason === 'offline') holdUntil = now().getTime() + delay;
        const state: SubmissionState = {
          kind: 'failed',
          at,
          error: verdict.error,
          reason: giveUp ? 'gave-up' : verdict.reason,
          attempt: attemptNo,
          retryAt: giveUp ? null : new Date(now().getTime() + delay).toISOString(),
        };
        await serial(() => transition(current, state, { event: 'failed', attempt: attemptNo, error: errorRecord }));
      } else if (verdict.outcome === 'needs-action') {
        setConnectivity('online');
        await serial(() =>
          transition(
            current,
            { kind: 'failed', at, error: verdict.error, reason: 'needs-action', attempt: attemptNo, retryAt: null },
            { event: 'failed', attempt: attemptNo, error: errorRecord },
          ),
        );
      } else {
        setConnectivity('online');
        await serial(() =>
          transition(
            current,
            { kind: 'rejected', at, error: verdict.error },
            { event: 'rejected', attempt: attemptNo, error: errorRecord },
          ),
        );
      }
    }
  }

  async function run(): Promise<void> {
    while (running) {
      const { submission, waitMs } = nextDue();
      if (submission) {
        // The claim: `sending` is on disk (and in the log) before the first byte goes out.
        const claimed = await serial(async () => {
          const fresh = submissions.get(submission.id);
          if (!fresh || dueAt(fresh) === undefined) return undefined;
          const resumed = fresh.state.kind === 'sending';
          const attemptNo =
            fresh.state.kind === 'failed'
              ? fresh.state.attempt + 1
              : fresh.state.kind === 'sending'
                ? fresh.state.attempt
                : 1;
          return transition(
            fresh,
            { kind: 'sending', since: now().toISOString(), attempt: attemptNo },
            { event: resumed ? 'resumed' : 'attempt', attempt: attemptNo },
            { attempts: fresh.attempts + 1 },
          );
        });
        if (claimed) await attempt(claimed).catch(() => sleep(1000)); // the disk failed: try again shortly
        checkSettled();
        continue;
      }
      checkSettled();
      const woken = new Promise<void>((resolve) => {
        wake = resolve;
      });
      await (waitMs === undefined ? woken : Promise.race([sleep(waitMs), woken]));
    }
  }

  const require = (id: string) => {
    const s = submissions.get(id);
    if (!s) throw outboxError('OUTBOX_NOT_FOUND', `Fant ikke innsendingen ${id}.`, `Submission ${id} was not found.`);
    return s;
  };

  return {
    async start() {
      if (running) return;
      const { submissions: loaded } = await store.load();
      for (const s of loaded) submissions.set(s.id, s);
      running = true;
      loop = run();
    },

    async stop() {
      running = false;
      wake();
      await loop;
      await lock;
    },

    enqueue(input) {
      return serial(async () => {
        if (input.draftId) {
          const live = [...submissions.values()].find(
            (s) => s.draftId === input.draftId && s.state.kind !== 'cancelled' && s.state.kind !== 'rejected',
          );
          if (live) return live;
        }
        if (input.payload.service !== input.target.service) {
          throw outboxError(
            'OUTBOX_PAYLOAD_MISMATCH',
            'Innholdet passer ikke til tjenesten.',
            'The payload does not match the service.',
          );
        }
        const digest = payloadDigest(input.payload);
        // Under the lock: a second enqueue of the same report (a double click, a rerun) finds the first.
        const at = now().toISOString();
        const held = guardEnqueue(submissions.values(), {
          target: input.target,
          payloadSha256: digest.sha256,
          createdAt: at,
        });
        if (held) return held;
        const submission: Submission = {
          id: randomUUID(),
          idempotencyKey: randomUUID(),
          payloadSha256: digest.sha256,
          payloadBytes: digest.bytes,
          ...(input.draftId ? { draftId: input.draftId } : {}),
          label: input.label,
          target: input.target,
          createdAt: at,
          updatedAt: at,
          attempts: 0,
          checkpoint: {},
          state: { kind: 'queued', since: at },
        };
        // The payload first: a record always has its payload; a payload alone is swept away at the next start.
        await store.writePayload(submission.id, input.payload);
        const written = await transition(submission, submission.state, { event: 'queued' });
        wake();
        return written;
      });
    },

    cancel(id) {
      return serial(async () => {
        const s = require(id);
        if (s.state.kind !== 'queued' && s.state.kind !== 'failed') {
          throw outboxError(
            'OUTBOX_CANNOT_CANCEL',
            s.state.kind === 'sending'
              ? 'Innsendingen er på vei til Skatteetaten og kan ikke avbrytes nå.'
              : 'Innsendingen er allerede avsluttet.',
            s.state.kind === 'sending'
              ? 'The submission is on its way to Skatteetaten and cannot be cancelled now.'
              : 'The submission is already finished.',
          );
        }
        const next = await transition(s, { kind: 'cancelled', at: now().toISOString() }, { event: 'cancelled' });
        checkSettled();
        return next;
      });
    },

    retry(id) {
      return serial(async () => {
        const s = require(id);
        if (s.state.kind !== 'failed') {
          throw outboxError(
            'OUTBOX_CANNOT_RETRY',
            'Bare en feilet innsending kan prøves på nytt.',
            'Only a failed submission can be retried.',
          );
        }
        holdUntil = 0;
        const next = await transition(s, { kind: 'queued', since: now().toISOString() }, { event: 'retry' });
        wake();
        return next;
      });
    },

    list: () => [...submissions.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    get: (id) => submissions.get(id),
    payload: (id) => store.readPayload(require(id).id),
    connectivity: () => connectivity,

    whenSettled() {
      return new Promise<void>((resolve) => {
        settledWaiters.push(resolve);
        checkSettled();
      });
    },
  };
}

export { isFinal, payloadDigest };
