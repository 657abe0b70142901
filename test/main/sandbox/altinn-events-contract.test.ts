import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AltinnTokenExchange } from '../../../main/events/altinn-token-exchange';
import { DialogCloudEventSchema } from '../../../main/events/dialog-cloud-event';
import { EventsClient } from '../../../main/events/events-client';
import { orgParty } from '../../../main/sandbox/dialogporten/dialog-store';
import { ALTINN_EVENTS_SCOPE } from '../../../shared/domain/services-catalogue';
import {
  addFeedback,
  AMELDING_RESOURCE,
  startDialogportenSandbox,
  submissionDialog,
} from '../support/dialogporten-sandbox';

/**
 * The published shape: Altinn/dialogporten-samples SDK/DotNetSamples/ServiceOwner/AltinnEvents/EventRequest.http
 * @ 3a7171f370e2812fb1cdfadf939ce8e9b062e4fa ("POST Created event"), as Altinn Events delivers Dialogporten's events.
 */
const PUBLISHED_CREATED_EVENT = {
  specversion: '1.0',
  id: 'a4f4e30d-564e-4e36-b111-41e08238ebce',
  time: '2026-03-16T11:43:32.4136593Z',
  type: 'dialogporten.dialog.created.v1',
  source: 'https://platform.tt02.altinn.no/dialogporten/api/v1/enduser/dialogs/019ebbb5-ac51-75ab-a98b-786e3581350e',
  subject: 'urn:altinn:person:identifier-no:23905497111',
  resource: 'urn:altinn:resource:super-simple-service',
  resourceinstance: '019ebbb5-ac51-75ab-a98b-786e3581350e',
};

describe('the sandbox Altinn Events pull API against the published contract', () => {
  let sandbox: Awaited<ReturnType<typeof startDialogportenSandbox>>;
  let eventsUrl: string;
  let altinnToken: () => Promise<string>;

  beforeEach(async () => {
    sandbox = await startDialogportenSandbox(['a-melding'], [ALTINN_EVENTS_SCOPE]);
    eventsUrl = `${sandbox.endpoints.altinn.platform}/events/api/v1/events`;
    const exchange = new AltinnTokenExchange({
      platform: sandbox.endpoints.altinn.platform,
      maskinportenToken: () => sandbox.tokenFor(ALTINN_EVENTS_SCOPE),
      now: sandbox.clock.now,
    });
    altinnToken = () => exchange.token();
  });
  afterEach(() => sandbox.host.stop());

  const get = async (query: string, token?: string) =>
    fetch(`${eventsUrl}?${query}`, { headers: { authorization: `Bearer ${token ?? (await altinnToken())}` } });

  it('reads the published example, and serves events with exactly its fields (plus data on transmissions)', async () => {
    expect(DialogCloudEventSchema.parse(PUBLISHED_CREATED_EVENT)).toEqual(PUBLISHED_CREATED_EVENT);
    const dialog = submissionDialog(sandbox.store, { at: sandbox.clock.now().toISOString() });
    sandbox.clock.advance(60_000);
    addFeedback(sandbox.store, dialog, sandbox.clock.now().toISOString());
    sandbox.clock.advance(31_000);
    const response = await get(`resource=${encodeURIComponent(AMELDING_RESOURCE)}&after=0`);
    expect(response.status).toBe(200);
    const events = (await response.json()) as Record<string, unknown>[];
    const created = events.find((e) => e.type === 'dialogporten.dialog.created.v1');
    expect(Object.keys(created ?? {}).sort()).toEqual(Object.keys(PUBLISHED_CREATED_EVENT).sort());
    expect(created).toMatchObject({ resourceinstance: dialog.id, subject: dialog.party, resource: AMELDING_RESOURCE });
    expect(String(created?.source)).toBe(`${sandbox.host.baseUrl}/dialogporten/api/v1/enduser/dialogs/${dialog.id}`);
    // dialogporten-events.md §4.3: transmission events carry data.senderType and the transmission in `source`.
    const feedback = events.filter((e) => e.type === 'dialogporten.dialog.transmission.created.v1').at(-1);
    expect(feedback?.data).toEqual({ senderType: 'ServiceOwner' });
    expect(String(feedback?.source)).toMatch(new RegExp(`/dialogs/${dialog.id}/transmissions/[0-9a-f-]{36}$`));
    expect(events.map((e) => e.type)).toContain('dialogporten.dialog.updated.v1');
  });

  it('refuses a Maskinporten token as it is (401), and a bad resource or a missing after (400)', async () => {
    expect(
      (await get('resource=urn:altinn:resource:x&after=0', await sandbox.tokenFor(ALTINN_EVENTS_SCOPE))).status,
    ).toBe(401);
    const badResource = await get('resource=ske-innrapportering-amelding&after=0');
    expect(badResource.status).toBe(400);
    // Altinn/altinn-events src/Events/Controllers/EventsController.cs
    expect(((await badResource.json()) as { detail: string }).detail).toBe(
      "The 'resource' parameter must begin with `urn:altinn:resource:`",
    );
    const noAfter = await get(`resource=${encodeURIComponent(AMELDING_RESOURCE)}`);
    expect(((await noAfter.json()) as { detail: string }).detail).toBe("The 'after' parameter must be defined.");
  });

  it('pages by the last id, sets `next` only for a page with events, and leaves out what the system user may not see', async () => {
    submissionDialog(sandbox.store, { at: sandbox.clock.now().toISOString() });
    submissionDialog(sandbox.store, { at: sandbox.clock.now().toISOString(), org: '310000002' });
    sandbox.clock.advance(31_000);
    const first = await get(`resource=${encodeURIComponent(AMELDING_RESOURCE)}&after=0&size=1`);
    const [one] = (await first.json()) as { id: string; subject: string }[];
    expect(one?.subject).toBe(orgParty('310000001'));
    expect(new URL(first.headers.get('next') ?? '').searchParams.get('after')).toBe(one?.id);

    const client = new EventsClient({ platform: sandbox.endpoints.altinn.platform, accessToken: altinnToken });
    const rest = await client.pull({ resource: AMELDING_RESOURCE, after: one?.id ?? '' });
    // Only the own org's events: the other org's dialog is filtered out, not refused.
    expect(rest.events.every((e) => e.subject === orgParty('310000001'))).toBe(true);
    const empty = await get(`resource=${encodeURIComponent(AMELDING_RESOURCE)}&after=${rest.after}`);
    expect(await empty.json()).toEqual([]);
    expect(empty.headers.get('next')).toBeNull();
  });
});
