import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxEndpoints } from '../../../main/environments/table';
import { AuditLog } from '../../../main/outbox/audit-log';
import { createOutbox, type OutboxEvent } from '../../../main/outbox/outbox';
import { skatteetatenTransport, type SubmissionTransport } from '../../../main/outbox/transport';
import { createSkatteetatenHttp } from '../../../main/skatteetaten/skatteetaten-http';
import { TpoFileReceptionClient } from '../../../main/skatteetaten/tpo-file-reception-client';
import { TredjepartClient } from '../../../main/skatteetaten/tredjepart-client';
import type { TredjepartSlice } from '../../../main/sandbox/skatteetaten/tredjepart-state';
import { clientsFor, startSkatteetatenSandbox, type SkatteetatenSandbox } from '../support/skatteetaten-sandbox';
import { tredjepartFixture } from '../support/tredjepart-fixtures';

const ORG = '974761076';
const MB = 1024 * 1024;

/**
 * An aksjesparekonto melding over the JSON API's 10 MB: the fixture (Skatteetaten's example, see
 * check-melding.test.ts) with its second account repeated under new account numbers, and the summary to match.
 */
function largeMelding(minBytes: number, reference: string): { body: string; antallOppgaver: number } {
  const melding = tredjepartFixture('aksjesparekonto');
  const template = melding.leveranse.oppgave[1];
  const size = JSON.stringify(template).length;
  const count = Math.ceil(minBytes / size) + 10;
  melding.leveranse.oppgave = Array.from({ length: count }, (_, i) => ({
    ...template,
    aksjesparekonto: { ...template.aksjesparekonto, kontonummer: String(100000000000 + i) },
  }));
  melding.leveranse.oppgavegiversLeveranseReferanse = reference;
  melding.leveranse.oppgaveoppsummering = {
    antallOppgaver: count,
    sumInngangsverdi: String(10 * count),
    sumInnskudd: String(10000 * count),
    sumUttak: '0',
    sumUbenyttetSkjerming: String(10 * count),
    sumAnvendtSkjerming: '0',
    sumSkattepliktigGevinstTap: '0',
    sumFormuesverdiKontantdel: String(4000 * count),
  };
  const body = JSON.stringify(melding);
  if (body.length <= minBytes) throw new Error('the melding came out too small');
  return { body, antallOppgaver: count };
}

async function tredjepartState(sandbox: SkatteetatenSandbox): Promise<TredjepartSlice> {
  const response = await fetch(`${sandbox.host.baseUrl}/__admin/state`, {
    headers: { 'x-innsender-admin': sandbox.host.adminToken },
  });
  return ((await response.json()) as { tredjepart: TredjepartSlice }).tredjepart;
}

// A large aksjesparekonto melding goes through the TPO file reception (docs/api/innrapportering-tpo-filmottak.md):
// uploaded as XML with progress, and after a crash mid-way finished from the saved upload, delivered once.
describe('the outbox sends a melding over 10 MB through the file reception', () => {
  let sandbox: SkatteetatenSandbox;
  let dir: string;
  let clock = Date.parse('2026-03-02T09:00:00Z');
  beforeAll(async () => {
    sandbox = await startSkatteetatenSandbox([ORG], {
      services: ['tredjepart-aksjesparekonto'],
      now: () => new Date(clock),
    });
    dir = await mkdtemp(join(tmpdir(), 'outbox-file-reception-'));
  });
  afterAll(async () => {
    await sandbox.host.stop();
    await rm(dir, { recursive: true, force: true });
  });

  function transport(): SubmissionTransport {
    const http = createSkatteetatenHttp({ tokens: sandbox.tokensFor(ORG), timeoutMs: 30_000 });
    const template = sandboxEndpoints(sandbox.host.baseUrl).skatteetaten.tredjepartTemplate;
    return skatteetatenTransport({
      ...clientsFor(sandbox, ORG),
      tredjepart: new TredjepartClient({ http, template }),
      // The sandbox validates an upload 300 ms after it arrives (on its own clock, which this test moves).
      tpoFileReception: new TpoFileReceptionClient({
        http,
        template,
        pollIntervalMs: 20,
        sleep: async (ms) => {
          clock += 100;
          await new Promise((r) => setTimeout(r, ms));
        },
      }),
    });
  }

  const target = (antallOppgaver: number, reference: string) =>
    ({
      service: 'tredjepart',
      scheme: 'aksjesparekonto',
      inntektsaar: '2025',
      oppgavegiver: ORG,
      antallOppgaver,
      leveransereferanse: reference,
    }) as const;

  it('is killed after the upload, and finishes after the restart with one upload and one delivery', async () => {
    const { body, antallOppgaver } = largeMelding(10.5 * MB, 'ASK-2025-stor');
    const outboxDir = join(dir, 'crash');
    const events: OutboxEvent[] = [];
    // The first run "dies" once the upload id is on disk: its checkpoint write never returns, as in a killed process
    // the record stays `sending` with the id, and nothing more is done.
    const real = transport();
    const dying: SubmissionTransport = {
      send: (submission, payload, context) =>
        real.send(submission, payload, {
          ...context,
          saveCheckpoint: async (checkpoint) => {
            await context.saveCheckpoint(checkpoint);
            await new Promise<never>(() => undefined);
          },
        }),
    };
    const first = createOutbox({
      dir: outboxDir,
      transport: dying,
      audit: new AuditLog(join(dir, 'crash-audit.jsonl')),
      onEvent: (e) => events.push(e),
    });
    const submission = await first.enqueue({
      label: 'Aksjesparekonto 2025',
      target: target(antallOppgaver, 'ASK-2025-stor'),
      payload: { service: 'tredjepart', scheme: 'aksjesparekonto', inntektsaar: '2025', body },
    });
    expect(submission.payloadBytes).toBeGreaterThan(10 * MB);
    await first.start();
    await expect.poll(() => first.get(submission.id)?.checkpoint.uploadId, { timeout: 30_000 }).toBeTruthy();
    const uploadId = first.get(submission.id)?.checkpoint.uploadId;
    expect(first.get(submission.id)?.state.kind).toBe('sending');
    expect(events.filter((e) => e.type === 'progress').map((e) => e.type === 'progress' && e.phase)).toEqual([
      'upload',
    ]);

    // The restart: a new outbox over the same folder resumes the upload it finds, with the same key.
    const restarted = createOutbox({
      dir: outboxDir,
      transport: transport(),
      audit: new AuditLog(join(dir, 'crash-audit-2.jsonl')),
      onEvent: (e) => events.push(e),
    });
    await restarted.start();
    await restarted.whenSettled();
    await restarted.stop();
    const done = restarted.get(submission.id);
    expect(done?.state.kind).toBe('received');
    expect(done?.checkpoint.uploadId).toBe(uploadId);
    expect(done?.state.kind === 'received' && done.state.receipt.oppgavegiversLeveranseReferanse).toBe('ASK-2025-stor');
    expect(events.flatMap((e) => (e.type === 'progress' ? [`${e.phase} ${e.done}/${e.total}`] : [])).slice(1)).toEqual([
      'upload 0/3',
      'submit 2/3',
      'done 3/3',
    ]);
    const state = await tredjepartState(sandbox);
    expect(state.uploadsReceived).toBe(1);
    expect(state.receiptsByIdempotencyKey[submission.idempotencyKey]).toBe(1);
    expect(state.submissions.filter((s) => s.reference === 'ASK-2025-stor')).toHaveLength(1);
    expect(state.submissions.find((s) => s.reference === 'ASK-2025-stor')?.antallOppgaver).toBe(antallOppgaver);
  }, 120_000);

  it('uploads again when Skatteetaten no longer has the upload a crashed attempt left', async () => {
    const { body, antallOppgaver } = largeMelding(10.5 * MB, 'ASK-2025-utloept');
    const outboxDir = join(dir, 'expired');
    const real = transport();
    const dying: SubmissionTransport = {
      send: (submission, payload, context) =>
        real.send(submission, payload, {
          ...context,
          saveCheckpoint: async (checkpoint) => {
            await context.saveCheckpoint(checkpoint);
            await new Promise<never>(() => undefined);
          },
        }),
    };
    const first = createOutbox({ dir: outboxDir, transport: dying, audit: new AuditLog(join(dir, 'exp-1.jsonl')) });
    const submission = await first.enqueue({
      label: 'Aksjesparekonto 2025',
      target: target(antallOppgaver, 'ASK-2025-utloept'),
      payload: { service: 'tredjepart', scheme: 'aksjesparekonto', inntektsaar: '2025', body },
    });
    await first.start();
    await expect.poll(() => first.get(submission.id)?.checkpoint.uploadId, { timeout: 30_000 }).toBeTruthy();
    const stale = first.get(submission.id)?.checkpoint.uploadId;
    const before = (await tredjepartState(sandbox)).uploadsReceived;
    // A day and more passes before the app is started again: the sandbox has let the unsent upload expire.
    clock += 25 * 60 * 60_000;

    const restarted = createOutbox({
      dir: outboxDir,
      transport: transport(),
      audit: new AuditLog(join(dir, 'exp-2.jsonl')),
    });
    await restarted.start();
    await restarted.whenSettled();
    await restarted.stop();
    const done = restarted.get(submission.id);
    expect(done?.state.kind).toBe('received');
    expect(done?.checkpoint.uploadId).toBeTruthy();
    expect(done?.checkpoint.uploadId).not.toBe(stale);
    const state = await tredjepartState(sandbox);
    expect(state.uploadsReceived).toBe(before + 1);
    expect(state.uploads[stale as string]).toBeUndefined();
    expect(state.receiptsByIdempotencyKey[submission.idempotencyKey]).toBe(1);
  }, 120_000);
});
