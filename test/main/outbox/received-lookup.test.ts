import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxEndpoints } from '../../../main/environments/table';
import { DialogportenClient } from '../../../main/dialogporten/dialogporten-client';
import { AuditLog } from '../../../main/outbox/audit-log';
import { createOutbox, type Outbox } from '../../../main/outbox/outbox';
import { dialogportenReceivedLookup, type ReceivedLookup } from '../../../main/outbox/received-lookup';
import { skatteetatenTransport } from '../../../main/outbox/transport';
import { DIALOGPORTEN_SCOPE } from '../../../shared/domain/services-catalogue';
import { aMeldingBody } from '../support/report-fixtures';
import {
  AMELDING_ORG,
  clientsFor,
  skatteetatenState,
  startSkatteetatenSandbox,
  type SkatteetatenSandbox,
} from '../support/skatteetaten-sandbox';

const REPLAY_MS = 60_000;

// An earlier attempt arrived but its answer was lost, and Skatteetaten answers the repeat of the key with
// 409 AMLD_019 "Idempotensnøkkel er benyttet tidligere" (skatteetaten-apis.md §0.3, from Skatteetaten/
// api-dokumentasjon docs/api/innrapportering-amelding.md's error table). The outbox finds the receipt in
// Dialogporten instead of showing a rejection, and never sends under a new key.
describe('a 409 for a key already used is resolved in Dialogporten', () => {
  let sandbox: SkatteetatenSandbox;
  let dir: string;
  let clock = Date.parse('2026-03-02T09:00:00Z');
  beforeAll(async () => {
    sandbox = await startSkatteetatenSandbox([AMELDING_ORG], {
      services: ['a-melding'],
      now: () => new Date(clock),
      // The emulator replays a key's answer for a minute; after that a repeat is the 409 the real API gives.
      emulator: { answerReplayMs: REPLAY_MS },
    });
    dir = await mkdtemp(join(tmpdir(), 'received-lookup-'));
  });
  afterAll(async () => {
    await sandbox.host.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const lookup = (): ReceivedLookup =>
    dialogportenReceivedLookup(
      new DialogportenClient({
        base: sandboxEndpoints(sandbox.host.baseUrl).dialogporten.base,
        accessToken: () => sandbox.tokensFor(AMELDING_ORG).token(DIALOGPORTEN_SCOPE),
        now: () => new Date(clock),
        sleep: async () => {},
      }),
    );

  /** Enqueues an a-melding and delivers it behind the outbox's back, as an attempt whose answer was lost. */
  async function arrivedEarlier(name: string, receivedLookup: ReceivedLookup | undefined) {
    const outbox: Outbox = createOutbox({
      dir: join(dir, name),
      transport: skatteetatenTransport({
        ...clientsFor(sandbox, AMELDING_ORG),
        ...(receivedLookup ? { receivedLookup } : {}),
      }),
      audit: new AuditLog(join(dir, `${name}.jsonl`)),
      now: () => new Date(clock),
      // The outbox's waits pass on the test's clock.
      sleep: async (ms) => {
        clock += ms;
        await new Promise((r) => setTimeout(r, 1));
      },
      retry: { baseDelayMs: 20, maxDelayMs: 50, offlineMaxDelayMs: 50, maxAttempts: 2 },
    });
    const meldingsId = `lookup${name}`;
    const body = aMeldingBody(meldingsId);
    const submission = await outbox.enqueue({
      label: meldingsId,
      target: { service: 'a-melding', kalendermaaned: '2026-01', opplysningspliktig: AMELDING_ORG, meldingsId },
      payload: { service: 'a-melding', body },
    });
    const first = await clientsFor(sandbox, AMELDING_ORG).amelding.submit({
      kalendermaaned: '2026-01',
      opplysningspliktig: AMELDING_ORG,
      body,
      idempotencyKey: submission.idempotencyKey,
    });
    clock += REPLAY_MS + 1;
    await outbox.start();
    await outbox.whenSettled();
    await outbox.stop();
    return { outbox, submission, first, meldingsId };
  }

  it('takes the receipt of the dialog Skatteetaten made, with one delivery', async () => {
    const { outbox, submission, first, meldingsId } = await arrivedEarlier('found', lookup());
    const done = outbox.get(submission.id);
    expect(done?.state).toMatchObject({
      kind: 'received',
      receipt: { dialogId: first.dialogId, forsendelseId: first.forsendelseId, meldingsId },
    });
    const { skatteetaten } = await skatteetatenState(sandbox.host);
    expect(skatteetaten.receiptsByMeldingsId[`${AMELDING_ORG}/${meldingsId}`]).toBe(1);
  });

  it('was shown as a rejection without the lookup', async () => {
    const { outbox, submission } = await arrivedEarlier('without', undefined);
    expect(outbox.get(submission.id)?.state).toMatchObject({ kind: 'rejected', error: { status: 409 } });
  });

  it('waits and looks again while Dialogporten shows nothing yet, never rejecting', async () => {
    let asked = 0;
    const { outbox, submission } = await arrivedEarlier('later', async () => {
      asked += 1;
      return null;
    });
    expect(asked).toBe(2);
    expect(outbox.get(submission.id)?.state).toMatchObject({
      kind: 'failed',
      reason: 'gave-up',
      error: { code: 'OUTBOX_RECEIVED_NOT_FOUND_YET' },
    });
  });

  it('tries again by itself when Dialogporten is down while it looks, and then takes the receipt', async () => {
    // A passing outage (503 to the search and to the client's own one retry): Dialogporten's own words are
    // "Innsender prøver igjen senere", so the outbox must not stop and wait for the user.
    sandbox.host.faults.add({ kind: 'status', status: 503, pathPrefix: '/dialogporten/', times: 2 });
    const { outbox, submission, first } = await arrivedEarlier('outage', lookup());
    expect(outbox.get(submission.id)?.state).toMatchObject({
      kind: 'received',
      receipt: { dialogId: first.dialogId, forsendelseId: first.forsendelseId },
    });
    // Both 503s were answered: the lookup did meet the outage.
    expect(sandbox.host.faults.list()).toEqual([]);
  });
});
