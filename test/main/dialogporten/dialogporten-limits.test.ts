import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DialogportenClient } from '../../../main/dialogporten/dialogporten-client';
import { FeedbackService } from '../../../main/dialogporten/feedback-service';
import { memorySyncStore } from '../../../main/dialogporten/feedback-sync-state';
import { CUSTOMER_ORG, dialogportenRequests, startDialogportenSandbox } from '../support/dialogporten-sandbox';

// Dialogporten's search limits: `GET {dp}/api/v1/metadata/limits` (no token; dialogporten-events.md §1.2, §5), whose
// `endUserSearch.maxPartyFilterValues` says how many `party` values one search may take.
describe('Dialogporten’s published search limits', () => {
  let sandbox: Awaited<ReturnType<typeof startDialogportenSandbox>>;
  beforeEach(async () => {
    sandbox = await startDialogportenSandbox();
  });
  afterEach(() => sandbox.host.stop());

  it('are served by the emulator without a token, in the documented shape, and read by the client', async () => {
    const response = await fetch(`${sandbox.endpoints.dialogporten.base}/api/v1/metadata/limits`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      endUserSearch: {
        maxPartyFilterValues: 20,
        maxServiceResourceFilterValues: 20,
        maxOrgFilterValues: 20,
        maxExtendedStatusFilterValues: 20,
      },
      serviceOwnerSearch: {
        maxPartyFilterValues: 20,
        maxServiceResourceFilterValues: 20,
        maxOrgFilterValues: 20,
        maxExtendedStatusFilterValues: 20,
      },
    });
    expect(await sandbox.client().partyFilterLimit()).toBe(20);
  });

  it('batch every sync of the service (the app’s and the CLI’s): read once, then ceil(n / limit) searches', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'innsender-limits-'));
    try {
      const service = new FeedbackService({
        dataDir,
        profile: { id: 'firm', orgNumber: CUSTOMER_ORG },
        endpoints: sandbox.endpoints,
        services: ['a-melding'],
        otherOrgs: Array.from({ length: 44 }, (_, i) => String(330000000 + i)),
        accessToken: sandbox.tokenFor,
        now: sandbox.clock.now,
        syncStore: memorySyncStore(),
      });
      const mark = dialogportenRequests(sandbox.host).length;
      await service.syncOnce();
      await service.syncOnce();
      const made = dialogportenRequests(sandbox.host).slice(mark);
      expect(made.filter((r) => r.path.endsWith('/metadata/limits'))).toHaveLength(1);
      expect(made.filter((r) => r.path.endsWith('/enduser/dialogs'))).toHaveLength(6);
      expect(made.every((r) => r.status === 200)).toBe(true);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('are null where the server has no such endpoint (404) or no usable number, so the configured default is used', async () => {
    const answering = (status: number, body: unknown) =>
      new DialogportenClient({
        base: 'https://dialogporten.example/dialogporten',
        accessToken: async () => 'unused',
        fetch: (async () => Response.json(body, { status })) as typeof fetch,
      });
    expect(await answering(404, { title: 'Not Found' }).partyFilterLimit()).toBeNull();
    expect(await answering(200, { endUserSearch: { maxPartyFilterValues: 'many' } }).partyFilterLimit()).toBeNull();
    expect(await answering(200, { endUserSearch: { maxPartyFilterValues: 100 } }).partyFilterLimit()).toBe(100);
    await expect(answering(503, {}).partyFilterLimit()).rejects.toMatchObject({ code: 'DIALOGPORTEN_UNAVAILABLE' });
  });
});
