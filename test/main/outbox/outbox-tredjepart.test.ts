import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxEndpoints } from '../../../main/environments/table';
import { AuditLog } from '../../../main/outbox/audit-log';
import { createOutbox } from '../../../main/outbox/outbox';
import { skatteetatenTransport } from '../../../main/outbox/transport';
import { createSkatteetatenHttp } from '../../../main/skatteetaten/skatteetaten-http';
import { TredjepartClient } from '../../../main/skatteetaten/tredjepart-client';
import { clientsFor, startSkatteetatenSandbox, type SkatteetatenSandbox } from '../support/skatteetaten-sandbox';

const ORG = '974761076';
const PATH = '/skatteetaten/innrapporteringgavertilfrivillige/v1/';

// Gaver meldinger through the real outbox, client and emulator while the connection drops, the service fails and
// rate-limits: each ends received, registered exactly once per idempotency key, with every attempt audited.
describe('the outbox sends tredjepart meldinger once, whatever the network does', () => {
  let sandbox: SkatteetatenSandbox;
  let dir: string;
  beforeAll(async () => {
    sandbox = await startSkatteetatenSandbox([ORG], { services: ['tredjepart-gaver-frivillige'] });
    dir = await mkdtemp(join(tmpdir(), 'outbox-tredjepart-'));
  });
  afterAll(async () => {
    await sandbox.host.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('survives a dropped connection, a 503 and a 429 with one receipt per submission', async () => {
    const body = await readFile(join(__dirname, '../../fixtures/tredjepart/gavertilfrivillige.json'), 'utf8');
    sandbox.host.faults.add({ kind: 'drop', method: 'POST', pathPrefix: PATH, times: 1 });
    sandbox.host.faults.add({ kind: 'status', status: 503, method: 'POST', pathPrefix: PATH, times: 1 });
    sandbox.host.faults.add({ kind: 'rate-limit', retryAfterSeconds: 0, method: 'POST', pathPrefix: PATH, times: 1 });
    const http = createSkatteetatenHttp({ tokens: sandbox.tokensFor(ORG), timeoutMs: 5000 });
    const audit = new AuditLog(join(dir, 'audit.jsonl'));
    const outbox = createOutbox({
      dir: join(dir, 'outbox'),
      transport: skatteetatenTransport({
        ...clientsFor(sandbox, ORG),
        tredjepart: new TredjepartClient({
          http,
          template: sandboxEndpoints(sandbox.host.baseUrl).skatteetaten.tredjepartTemplate,
        }),
      }),
      audit,
      retry: { baseDelayMs: 20, maxDelayMs: 200, offlineMaxDelayMs: 200, maxAttempts: 10 },
    });
    const subs = [];
    for (let i = 0; i < 3; i++) {
      const melding = JSON.parse(body);
      melding.leveranse.oppgavegiversLeveranseReferanse = `Gaver-2025-${i}`;
      subs.push(
        await outbox.enqueue({
          label: `Gaver ${i}`,
          target: {
            service: 'tredjepart',
            scheme: 'gavertilfrivillige',
            inntektsaar: '2025',
            oppgavegiver: ORG,
            antallOppgaver: 3,
          },
          payload: {
            service: 'tredjepart',
            scheme: 'gavertilfrivillige',
            inntektsaar: '2025',
            body: JSON.stringify(melding),
          },
        }),
      );
    }
    await outbox.start();
    await outbox.whenSettled();
    await outbox.stop();
    const state = (await (
      await fetch(`${sandbox.host.baseUrl}/__admin/state`, {
        headers: { 'x-innsender-admin': sandbox.host.adminToken },
      })
    ).json()) as { tredjepart: { receiptsByIdempotencyKey: Record<string, number>; submissions: unknown[] } };
    expect(subs.map((s) => outbox.get(s.id)?.state.kind)).toEqual(['received', 'received', 'received']);
    for (const s of subs) expect(state.tredjepart.receiptsByIdempotencyKey[s.idempotencyKey]).toBe(1);
    expect(state.tredjepart.submissions).toHaveLength(3);
    expect(subs.reduce((n, s) => n + (outbox.get(s.id)?.attempts ?? 0), 0)).toBeGreaterThan(3);
    const receipts = subs
      .map((s) => outbox.get(s.id)?.state)
      .map((st) => (st?.kind === 'received' ? st.receipt : null));
    expect(receipts.map((r) => r?.oppgavegiversLeveranseReferanse)).toEqual([
      'Gaver-2025-0',
      'Gaver-2025-1',
      'Gaver-2025-2',
    ]);
    expect((await audit.verify()).ok).toBe(true);
  });
});
