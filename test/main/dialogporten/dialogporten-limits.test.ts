import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DialogportenClient } from '../../../main/dialogporten/dialogporten-client';
import { startDialogportenSandbox } from '../support/dialogporten-sandbox';

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
