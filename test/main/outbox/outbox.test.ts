import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../main/outbox/audit-log';
import {
  createOutbox,
  STANDALONE_PROFILE,
  type EnqueueInput,
  type Outbox,
  type OutboxEvent,
} from '../../../main/outbox/outbox';
import { closeDataStore, dataStore } from '../../../main/store/data-store';
import type { Submission, SubmissionReceipt } from '../../../main/outbox/submission';
import type { SubmissionTransport } from '../../../main/outbox/transport';
import { skatteetatenError, SkatteetatenUnreachableError } from '../../../main/skatteetaten/skatteetaten-errors';

const input = (n: number, draftId?: string): EnqueueInput => ({
  label: `A-melding ${n}`,
  target: { service: 'a-melding', kalendermaaned: '2026-01', opplysningspliktig: '211785462', meldingsId: `m${n}` },
  payload: { service: 'a-melding', body: `{"leveranse":{"meldingsId":"m${n}"}}` },
  ...(draftId ? { draftId } : {}),
});

const receipt = (s: Submission): SubmissionReceipt => ({
  dialogId: `d-${s.id}`,
  forsendelseId: `f-${s.id}`,
  meldingsId: 'x',
});
const http = (status: number, kode: string, retryAfterMs?: number) =>
  skatteetatenError(status, { kode, melding: 'test', korrelasjonsid: 'k-1', spesifisering: [] }, retryAfterMs);

/** A transport that answers from a script (one entry per call), then succeeds; it records every call. */
function scripted(script: (Error | 'ok')[] = []) {
  const calls: { id: string; key: string }[] = [];
  const transport: SubmissionTransport = {
    async send(s) {
      calls.push({ id: s.id, key: s.idempotencyKey });
      const next = script.shift() ?? 'ok';
      if (next !== 'ok') throw next;
      return receipt(s);
    },
  };
  return { transport, calls };
}

describe('the outbox state machine', () => {
  let dir: string;
  let clock: number;
  let outbox: Outbox | undefined;
  const events: OutboxEvent[] = [];
  const sleeps: number[] = [];
  /** What the outbox keeps: an outbox made with no store keeps its own in `dir`. */
  const stored = () => dataStore(dir).submissions(STANDALONE_PROFILE);
  const make = (transport: SubmissionTransport, audit?: AuditLog) =>
    createOutbox({
      dir,
      transport,
      ...(audit ? { audit } : {}),
      now: () => new Date(clock),
      // Time passes only when the outbox waits, so the tests see the exact delays it chose.
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
      random: () => 0.5,
      retry: { baseDelayMs: 1000, maxAttempts: 3 },
      onEvent: (e) => events.push(e),
    });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'outbox-'));
    clock = Date.parse('2026-02-01T10:00:00Z');
    events.length = 0;
    sleeps.length = 0;
  });
  afterEach(async () => {
    await outbox?.stop();
    outbox = undefined;
    await closeDataStore(dir);
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the submission (key, hash, queued) before sending, and ends received with the receipt', async () => {
    const { transport, calls } = scripted();
    const audit = new AuditLog(join(dir, 'audit.jsonl'), () => new Date(clock));
    outbox = make(transport, audit);
    const queued = await outbox.enqueue(input(1));
    const onDisk = (await stored().load()).submissions.find((x) => x.id === queued.id) as Submission;
    expect(onDisk.state.kind).toBe('queued');
    expect(onDisk.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(onDisk.payloadSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(calls).toHaveLength(0);
    await outbox.start();
    await outbox.whenSettled();
    const done = outbox.get(queued.id);
    expect(done?.state).toMatchObject({ kind: 'received', receipt: { forsendelseId: `f-${queued.id}` } });
    expect(calls).toEqual([{ id: queued.id, key: queued.idempotencyKey }]);
    expect(
      events.filter((e) => e.type === 'changed').map((e) => (e as { submission: Submission }).submission.state.kind),
    ).toEqual(['queued', 'sending', 'received']);
    expect((await audit.entries()).map((e) => e.event)).toEqual(['queued', 'attempt', 'received']);
    expect(await audit.verify()).toMatchObject({ ok: true, entries: 3 });
  });

  it('retries a 503 with backoff and jitter, and honours Retry-After on a 429, with the same key', async () => {
    const { transport, calls } = scripted([http(503, 'AMLD_017'), http(429, 'HTTP_429', 30_000)]);
    outbox = make(transport);
    const s = await outbox.enqueue(input(1));
    await outbox.start();
    await outbox.whenSettled();
    expect(outbox.get(s.id)?.state.kind).toBe('received');
    expect(calls.map((c) => c.key)).toEqual([s.idempotencyKey, s.idempotencyKey, s.idempotencyKey]);
    // attempt 1: 1000 ms × (0.5 + 0.5 × 0.5) = 750; attempt 2: 2000 × 0.75 = 1500 < Retry-After 30 s.
    expect(sleeps).toEqual([750, 30_000]);
    expect(outbox.get(s.id)?.attempts).toBe(3);
  });

  it('does not retry a 4xx that will not change; a 403 waits for the user', async () => {
    const { transport, calls } = scripted([http(400, 'AMLD_010'), http(403, 'AMLD_005')]);
    outbox = make(transport);
    const a = await outbox.enqueue(input(1));
    const b = await outbox.enqueue(input(2));
    await outbox.start();
    await outbox.whenSettled();
    expect(outbox.get(a.id)?.state).toMatchObject({
      kind: 'rejected',
      error: { code: 'SKATTEETATEN_AMLD_010', status: 400, korrelasjonsid: 'k-1' },
    });
    expect(outbox.get(b.id)?.state).toMatchObject({ kind: 'failed', reason: 'needs-action', retryAt: null });
    expect(calls).toHaveLength(2);
    await outbox.retry(b.id);
    await outbox.whenSettled();
    expect(outbox.get(b.id)?.state.kind).toBe('received');
    await expect(outbox.retry(a.id)).rejects.toMatchObject({ code: 'OUTBOX_CANNOT_RETRY' });
  });

  it('gives up on a passing fault after maxAttempts, keeping it for a manual retry', async () => {
    const { transport } = scripted([http(503, 'AMLD_017'), http(503, 'AMLD_017'), http(503, 'AMLD_017')]);
    outbox = make(transport);
    const s = await outbox.enqueue(input(1));
    await outbox.start();
    await outbox.whenSettled();
    expect(outbox.get(s.id)?.state).toMatchObject({ kind: 'failed', reason: 'gave-up', attempt: 3, retryAt: null });
    await outbox.retry(s.id);
    await outbox.whenSettled();
    expect(outbox.get(s.id)?.state.kind).toBe('received');
  });

  it('waits while offline without giving up or dropping anything, and says so', async () => {
    const offline = () => new SkatteetatenUnreachableError('offline', 'ECONNREFUSED');
    const { transport, calls } = scripted([offline(), offline(), offline(), offline(), offline()]);
    outbox = make(transport);
    const a = await outbox.enqueue(input(1));
    const b = await outbox.enqueue(input(2));
    await outbox.start();
    await outbox.whenSettled();
    expect([outbox.get(a.id)?.state.kind, outbox.get(b.id)?.state.kind]).toEqual(['received', 'received']);
    expect(calls.length).toBe(7);
    const connectivity = events
      .filter((e) => e.type === 'connectivity')
      .map((e) => (e as { connectivity: string }).connectivity);
    expect(connectivity).toEqual(['offline', 'online']);
    expect(outbox.connectivity()).toBe('online');
  });

  it('cancels a queued submission but never one that is sending; one live submission per draft', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    // Told when the transport is called, rather than guessed by a sleep (a loaded machine took longer than 20 ms).
    let entered: () => void = () => undefined;
    const onTheWire = new Promise<void>((r) => (entered = r));
    const transport: SubmissionTransport = {
      async send(s) {
        entered();
        await gate;
        return receipt(s);
      },
    };
    outbox = make(transport);
    const a = await outbox.enqueue(input(1, 'draft-a'));
    expect((await outbox.enqueue(input(1, 'draft-a'))).id).toBe(a.id);
    const b = await outbox.enqueue(input(2));
    await outbox.start();
    await onTheWire;
    expect(outbox.get(a.id)?.state.kind).toBe('sending');
    await expect(outbox.cancel(a.id)).rejects.toMatchObject({ code: 'OUTBOX_CANNOT_CANCEL' });
    expect((await outbox.cancel(b.id)).state.kind).toBe('cancelled');
    release();
    await outbox.whenSettled();
    expect(outbox.get(a.id)?.state.kind).toBe('received');
    expect(outbox.get(b.id)?.state.kind).toBe('cancelled');
  });

  it('after a crash, sends a submission left in sending again with the same key and its checkpoint', async () => {
    const first = scripted();
    outbox = make(first.transport);
    const s = await outbox.enqueue(input(1));
    // What a crash mid-send leaves: the record says sending, with a checkpoint; and a payload whose record never
    // got written (an enqueue cut between its two writes).
    const record = (await stored().load()).submissions.find((x) => x.id === s.id) as Submission;
    await stored().write({
      ...record,
      attempts: 1,
      checkpoint: { uploadId: 'u-1' },
      state: { kind: 'sending', since: record.createdAt, attempt: 1 },
    });
    const orphan = '00000000-0000-0000-0000-000000000000';
    await stored().writePayload(orphan, { service: 'a-melding', body: '{}' });
    const seen: Submission[] = [];
    const restarted = createOutbox({
      dir,
      transport: { send: async (x) => (seen.push(x), receipt(x)) },
      now: () => new Date(clock),
      sleep: async () => undefined,
    });
    await restarted.start();
    await restarted.whenSettled();
    await restarted.stop();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      idempotencyKey: s.idempotencyKey,
      checkpoint: { uploadId: 'u-1' },
      state: { kind: 'sending', attempt: 1 },
    });
    expect(restarted.get(s.id)?.state.kind).toBe('received');
    expect(await stored().readPayload(s.id)).toEqual(input(1).payload);
    await expect(stored().readPayload(orphan)).rejects.toThrow(/no payload/);
  });
});
