import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fault } from '../../../main/sandbox/faults';
import { AuditLog } from '../../../main/outbox/audit-log';
import { createOutbox, type OutboxEvent } from '../../../main/outbox/outbox';
import { skatteetatenTransport } from '../../../main/outbox/transport';
import { aMeldingBody, rf1086Return } from '../support/report-fixtures';
import {
  AMELDING_ORG,
  clientsFor,
  RF1086_ORG,
  skatteetatenState,
  startSkatteetatenSandbox,
  type SkatteetatenSandbox,
} from '../support/skatteetaten-sandbox';

const AMELDING_PATH = '/skatteetaten/innrapporteringamelding/v1/innsending/';

// Each fault scenario: five a-meldinger through the real outbox, clients and emulator; every one must end
// received, with exactly one receipt per idempotency key and per meldingsId.
describe('the outbox under the emulator’s faults', () => {
  let sandbox: SkatteetatenSandbox;
  let dir: string;
  const figures: string[] = [];
  beforeAll(async () => {
    sandbox = await startSkatteetatenSandbox([AMELDING_ORG, RF1086_ORG]);
    dir = await mkdtemp(join(tmpdir(), 'outbox-faults-'));
  });
  afterAll(async () => {
    await sandbox.host.stop();
    await rm(dir, { recursive: true, force: true });
    console.log(`fault figures:\n${figures.join('\n')}`);
  });

  async function run(name: string, faults: Fault[], options: { timeoutMs?: number; directLimitBytes?: number } = {}) {
    sandbox.host.faults.clear();
    for (const f of faults) sandbox.host.faults.add(f);
    const events: OutboxEvent[] = [];
    const audit = new AuditLog(join(dir, name, 'audit.jsonl'));
    const outbox = createOutbox({
      dir: join(dir, name),
      transport: skatteetatenTransport(clientsFor(sandbox, AMELDING_ORG, options)),
      audit,
      retry: { baseDelayMs: 20, maxDelayMs: 200, offlineMaxDelayMs: 200, maxAttempts: 10 },
      onEvent: (e) => events.push(e),
    });
    const started = Date.now();
    const subs = [];
    for (let i = 0; i < 5; i++) {
      const meldingsId = `${name}-${i}`;
      subs.push(
        await outbox.enqueue({
          label: meldingsId,
          target: { service: 'a-melding', kalendermaaned: '2026-01', opplysningspliktig: AMELDING_ORG, meldingsId },
          payload: { service: 'a-melding', body: aMeldingBody(meldingsId) },
        }),
      );
    }
    await outbox.start();
    await outbox.whenSettled();
    await outbox.stop();
    const { skatteetaten } = await skatteetatenState(sandbox.host);
    const requests = sandbox.host.requests.list().filter((r) => r.path.startsWith('/skatteetaten/'));
    const attempts = subs.reduce((a, s) => a + (outbox.get(s.id)?.attempts ?? 0), 0);
    figures.push(
      `  ${name}: 5 submissions, ${attempts} attempts, ${faults.reduce((a, f) => a + (f.times ?? 0), 0)} faults injected ` +
        `(${requests.filter((r) => r.fault).length} answered by the fault), ` +
        `receipts per key ${subs.map((s) => skatteetaten.receiptsByIdempotencyKey[s.idempotencyKey] ?? 0).join('/')}, ${Date.now() - started} ms`,
    );
    sandbox.host.requests.clear();
    expect(subs.map((s) => outbox.get(s.id)?.state.kind)).toEqual(Array(5).fill('received'));
    for (const s of subs) {
      expect(skatteetaten.receiptsByIdempotencyKey[s.idempotencyKey]).toBe(1);
      expect(skatteetaten.receiptsByMeldingsId[`${AMELDING_ORG}/${s.label}`]).toBe(1);
    }
    expect(await audit.verify()).toMatchObject({ ok: true });
    return { events, subs, attempts };
  }

  it('429 with Retry-After', async () => {
    const { attempts } = await run('rate-limit', [
      { kind: 'rate-limit', retryAfterSeconds: 1, pathPrefix: AMELDING_PATH, times: 2 },
    ]);
    expect(attempts).toBe(7);
  });

  it('503', async () => {
    const { attempts } = await run('unavailable', [
      { kind: 'status', status: 503, pathPrefix: AMELDING_PATH, times: 4 },
    ]);
    expect(attempts).toBe(9);
  });

  it('timeouts: the server registers the first call after the client gave up, the retry is a replay', async () => {
    const { attempts } = await run('timeout', [{ kind: 'latency', ms: 600, pathPrefix: AMELDING_PATH, times: 3 }], {
      timeoutMs: 300,
    });
    expect(attempts).toBeGreaterThanOrEqual(8);
  });

  it('dropped connections', async () => {
    const { attempts } = await run('drop', [{ kind: 'drop', pathPrefix: AMELDING_PATH, times: 3 }]);
    expect(attempts).toBe(8);
  });

  it('a guest network’s login page (200, HTML) instead of Skatteetaten’s answer: waits in plain words, then is sent', async () => {
    const { attempts, events } = await run('captive-portal', [
      { kind: 'captive-portal', pathPrefix: AMELDING_PATH, times: 3 },
    ]);
    expect(attempts).toBe(8);
    const waiting = events.flatMap((e) =>
      e.type === 'changed' && e.submission.state.kind === 'failed' ? [e.submission.state] : [],
    );
    expect(waiting).toHaveLength(3);
    for (const state of waiting) {
      // A passing fault the outbox retries by itself, not one that waits for the user.
      expect(state).toMatchObject({ reason: 'transient', error: { code: 'SKATTEETATEN_UNREADABLE_ANSWER' } });
      // The page itself is not Skatteetaten's words: no HTML, and no "HTTP 502" it never answered.
      for (const text of [state.error.message.nb, state.error.message.en]) {
        expect(text).not.toMatch(/[<>]|HTTP \d/);
      }
      expect(state.error.message.nb).toContain('logg inn på nettet');
    }
  });

  it('all of them at once, on the large-file route', async () => {
    await run(
      'mixed-upload',
      [
        { kind: 'drop', method: 'PUT', times: 1 },
        {
          kind: 'status',
          status: 503,
          method: 'POST',
          pathPrefix: '/skatteetaten/innrapporteringamelding/v1/opplastinger',
          times: 1,
        },
        {
          kind: 'rate-limit',
          retryAfterSeconds: 1,
          method: 'GET',
          pathPrefix: '/skatteetaten/innrapporteringamelding/v1/opplastinger/',
          times: 1,
        },
        { kind: 'latency', ms: 600, method: 'PUT', times: 1 },
      ],
      { timeoutMs: 300, directLimitBytes: 100 },
    );
  });

  it('an RF-1086 return with faults in the middle: one return, progress reported', async () => {
    sandbox.host.faults.clear();
    sandbox.host.faults.add({
      kind: 'status',
      status: 503,
      method: 'POST',
      pathPrefix: '/skatteetaten/api/aksjonaerregister/v1/2025/',
      times: 2,
    });
    const events: OutboxEvent[] = [];
    const outbox = createOutbox({
      dir: join(dir, 'rf1086'),
      transport: skatteetatenTransport(clientsFor(sandbox, RF1086_ORG)),
      retry: { baseDelayMs: 20, maxDelayMs: 200 },
      onEvent: (e) => events.push(e),
    });
    const ret = rf1086Return();
    const s = await outbox.enqueue({
      label: 'RF-1086 2025',
      target: { service: 'aksjonaerregisteroppgave', inntektsaar: '2025', oppgavegiver: RF1086_ORG, underskjemaer: 1 },
      payload: { service: 'aksjonaerregisteroppgave', ...ret, underskjemaer: [...ret.underskjemaer] },
    });
    await outbox.start();
    await outbox.whenSettled();
    await outbox.stop();
    expect(outbox.get(s.id)?.state).toMatchObject({ kind: 'received', receipt: { hovedskjemaId: expect.any(String) } });
    expect(outbox.get(s.id)?.checkpoint).toMatchObject({ underskjemaSent: 1 });
    expect(events.some((e) => e.type === 'progress' && e.done === e.total)).toBe(true);
    const { skatteetaten } = await skatteetatenState(sandbox.host);
    expect(skatteetaten.submissions.filter((x) => x.service === 'aksjonaerregisteroppgave')).toHaveLength(1);
  });
});
