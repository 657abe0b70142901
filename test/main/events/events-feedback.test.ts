import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedbackService } from '../../../main/dialogporten/feedback-service';
import { memorySyncStore } from '../../../main/dialogporten/feedback-sync-state';
import { memoryEventsStore } from '../../../main/events/events-state';
import { ALTINN_EVENTS_SCOPE } from '../../../shared/domain/services-catalogue';
import {
  addFeedback,
  CUSTOMER_ORG,
  RF1086_RESOURCE,
  startDialogportenSandbox,
  submissionDialog,
} from '../support/dialogporten-sandbox';

type Sandbox = Awaited<ReturnType<typeof startDialogportenSandbox>>;

/** Dialogporten requests and Events pulls since `from` in the emulator's request log. */
function requestsSince(sandbox: Sandbox, from: number) {
  const all = sandbox.host.requests.list().slice(from);
  return {
    searches: all.filter((r) => r.path === '/dialogporten/api/v1/enduser/dialogs'),
    dialogporten: all.filter((r) => r.path.startsWith('/dialogporten/')),
    pulls: all.filter((r) => r.path === '/altinn/events/api/v1/events'),
    exchanges: all.filter((r) => r.path.endsWith('/exchange/maskinporten')),
  };
}

describe('Altinn Events as the feedback source between full Dialogporten searches', () => {
  let sandbox: Sandbox;
  let dataDir: string;
  const iso = () => sandbox.clock.now().toISOString();

  afterEach(async () => {
    await sandbox.host.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  function service(eventsStore = memoryEventsStore(), syncStore = memorySyncStore()) {
    return new FeedbackService({
      dataDir,
      profile: { id: 'p1', orgNumber: CUSTOMER_ORG },
      endpoints: sandbox.endpoints,
      services: ['a-melding', 'aksjonaerregisteroppgave'],
      accessToken: sandbox.tokenFor,
      now: sandbox.clock.now,
      syncStore,
      events: { store: eventsStore },
    });
  }

  describe('with the scope on the client', () => {
    beforeEach(async () => {
      sandbox = await startDialogportenSandbox(['a-melding', 'aksjonaerregisteroppgave'], [ALTINN_EVENTS_SCOPE]);
      dataDir = await mkdtemp(join(tmpdir(), 'innsender-events-'));
    });

    it('finds new feedback from an event without a full search, and an idle pass asks Dialogporten nothing', async () => {
      const feedback = service();
      const dialog = submissionDialog(sandbox.store, { at: iso(), externalReference: 'M-1' });
      // Events from just before a full search are looked at once more (the overlap); these are older.
      sandbox.clock.advance(5 * 60_000);
      const first = await feedback.syncOnce();
      expect(first.source).toBe('dialogporten');
      expect(first.initial).toBe(true);

      // Nothing happened: one pull per resource for the party, no Dialogporten request at all.
      sandbox.clock.advance(60_000);
      let mark = sandbox.host.requests.list().length;
      const idle = await feedback.syncOnce();
      expect(idle.source).toBe('events');
      expect(idle.changes).toEqual([]);
      expect(requestsSince(sandbox, mark).dialogporten).toHaveLength(0);
      expect(requestsSince(sandbox, mark).pulls).toHaveLength(2);

      // Skatteetaten's feedback arrives; the pull API shows it 30 s after it was registered.
      const added = addFeedback(sandbox.store, dialog, iso());
      sandbox.clock.advance(31_000);
      mark = sandbox.host.requests.list().length;
      const next = await feedback.syncOnce();
      expect(next.source).toBe('events');
      expect(next.changes.map((c) => c.newFeedback.map((t) => t.id))).toEqual([[added.id]]);
      const asked = requestsSince(sandbox, mark);
      // Only the dialogs the events named: one search narrowed to that party and resource, from the event's time.
      expect(asked.searches).toHaveLength(1);
      const query = new URLSearchParams(asked.searches[0]?.query ?? '');
      expect(query.getAll('serviceResource')).toEqual([dialog.serviceResource]);
      expect(Date.parse(query.get('updatedAfter') ?? '')).toBeGreaterThan(Date.parse(dialog.createdAt));

      // The cursor moved: the same event is not pulled again, and nothing is reported twice.
      sandbox.clock.advance(60_000);
      mark = sandbox.host.requests.list().length;
      const again = await feedback.syncOnce();
      expect(again.changes).toEqual([]);
      expect(requestsSince(sandbox, mark).dialogporten).toHaveLength(0);
    });

    it('does not see an event before Altinn shows it (30 s after registration)', async () => {
      const feedback = service();
      const dialog = submissionDialog(sandbox.store, { at: iso() });
      sandbox.clock.advance(5 * 60_000);
      await feedback.syncOnce();
      sandbox.clock.advance(60_000);
      addFeedback(sandbox.store, dialog, iso());
      sandbox.clock.advance(10_000);
      expect((await feedback.syncOnce()).changes).toEqual([]);
      sandbox.clock.advance(25_000);
      expect((await feedback.syncOnce()).changes).toHaveLength(1);
    });

    it('searches Dialogporten in full again after six hours, which catches what no event announced', async () => {
      const feedback = service();
      await feedback.syncOnce();
      // A silent update (no event): only the periodic full search can find it.
      const unannounced = submissionDialog(sandbox.store, { at: iso(), resource: RF1086_RESOURCE });
      const log = (sandbox.host.state.snapshot().altinnEvents as { events: { resourceinstance: string }[] }).events;
      log.splice(0, log.length, ...log.filter((e) => e.resourceinstance !== unannounced.id));
      sandbox.clock.advance(60_000);
      expect((await feedback.syncOnce()).changes).toEqual([]);
      sandbox.clock.advance(6 * 60 * 60_000);
      const full = await feedback.syncOnce();
      expect(full.source).toBe('dialogporten');
      expect(full.changes.map((c) => c.dialog.id)).toEqual([unannounced.id]);
    });

    it('searches in full when Events is down, and tries Events again on the next pass', async () => {
      const feedback = service();
      const dialog = submissionDialog(sandbox.store, { at: iso() });
      await feedback.syncOnce();
      sandbox.host.faults.add({ kind: 'status', status: 503, pathPrefix: '/altinn/events/', times: 1 });
      sandbox.clock.advance(60_000);
      addFeedback(sandbox.store, dialog, iso());
      sandbox.clock.advance(31_000);
      const during = await feedback.syncOnce();
      expect(during).toMatchObject({ source: 'dialogporten', eventsFailure: 'ALTINN_EVENTS_UNAVAILABLE' });
      expect(during.changes).toHaveLength(1);
      sandbox.clock.advance(60_000);
      const after = await feedback.syncOnce();
      expect(after.source).toBe('events');
      // The event of the feedback the full search already reported is folded, not shown again.
      expect(after.changes).toEqual([]);
    });
  });

  describe('without altinn:events.subscribe on the Maskinporten client', () => {
    beforeEach(async () => {
      sandbox = await startDialogportenSandbox();
      dataDir = await mkdtemp(join(tmpdir(), 'innsender-events-'));
    });

    it('falls back to Dialogporten polling and asks Events again only a day later', async () => {
      const eventsStore = memoryEventsStore();
      const feedback = service(eventsStore);
      const dialog = submissionDialog(sandbox.store, { at: iso() });
      await feedback.syncOnce();
      sandbox.clock.advance(60_000);
      addFeedback(sandbox.store, dialog, iso());
      const refused = await feedback.syncOnce();
      expect(refused).toMatchObject({ source: 'dialogporten', eventsFailure: 'ALTINN_EVENTS_REFUSED' });
      expect(refused.changes).toHaveLength(1);
      expect((await eventsStore.load()).refusedCode).toBe('ALTINN_EVENTS_REFUSED');

      sandbox.clock.advance(60_000);
      const mark = sandbox.host.requests.list().length;
      const later = await feedback.syncOnce();
      expect(later.source).toBe('dialogporten');
      expect(later.eventsFailure).toBeUndefined();
      // Still said, so the user sees why feedback comes by polling (FeedbackWorkers' status shows it).
      expect(later.eventsRefused).toBe('ALTINN_EVENTS_REFUSED');
      expect(refused.eventsRefused).toBe('ALTINN_EVENTS_REFUSED');
      expect(requestsSince(sandbox, mark).pulls).toHaveLength(0);
    });
  });
});
