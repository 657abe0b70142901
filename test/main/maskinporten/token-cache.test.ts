import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutbox, type Outbox } from '../../../main/outbox/outbox';
import { skatteetatenTransport } from '../../../main/outbox/transport';
import { serviceById } from '../../../shared/domain/services-catalogue';
import { aMeldingBody } from '../support/report-fixtures';
import { tokenRequests } from '../support/maskinporten-sandbox';
import {
  AMELDING_ORG,
  clientsFor,
  startSkatteetatenSandbox,
  type SkatteetatenSandbox,
} from '../support/skatteetaten-sandbox';

const SUBMITS = 5;

/** Issue 3's "a warm cache makes 0 token requests", through the outbox and the Skatteetaten client as the app sends. */
describe('the Maskinporten token cache on the submit path', () => {
  let sandbox: SkatteetatenSandbox;
  let dir: string;
  let outbox: Outbox;

  beforeAll(async () => {
    sandbox = await startSkatteetatenSandbox([AMELDING_ORG]);
    dir = await mkdtemp(join(tmpdir(), 'token-cache-'));
    outbox = createOutbox({ dir, transport: skatteetatenTransport(clientsFor(sandbox, AMELDING_ORG)) });
    await outbox.start();
  });
  afterAll(async () => {
    await outbox.stop();
    await sandbox.host.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const submit = async (meldingsId: string) => {
    const queued = await outbox.enqueue({
      label: meldingsId,
      target: { service: 'a-melding', kalendermaaned: '2026-01', opplysningspliktig: AMELDING_ORG, meldingsId },
      payload: { service: 'a-melding', body: aMeldingBody(meldingsId) },
    });
    await outbox.whenSettled();
    expect(outbox.get(queued.id)?.state.kind).toBe('received');
  };

  it('makes one token request on a cold cache, and none for the next submits', async () => {
    sandbox.maskinporten.invalidate({
      scopes: [serviceById('a-melding').scope],
      systemUser: { orgNumber: AMELDING_ORG },
    });
    sandbox.host.requests.clear();
    await submit('m-cold');
    expect(tokenRequests(sandbox.host)).toBe(1);

    sandbox.host.requests.clear();
    for (let i = 0; i < SUBMITS; i++) await submit(`m-warm-${i}`);
    const requests = sandbox.host.requests.list();
    expect(requests.filter((r) => r.path === '/maskinporten/token' && r.method === 'POST')).toHaveLength(0);
    // The submits did reach Skatteetaten: the count above is of a path that was used, not of one that was idle.
    expect(requests.filter((r) => r.path.startsWith('/skatteetaten/innrapporteringamelding/')).length).toBeGreaterThan(
      0,
    );
  });
});
