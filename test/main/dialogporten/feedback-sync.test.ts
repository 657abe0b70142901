import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncFeedback, type FeedbackSyncOptions } from '../../../main/dialogporten/feedback-sync';
import { memorySyncStore, type FeedbackSyncStore } from '../../../main/dialogporten/feedback-sync-state';
import { DialogportenError } from '../../../main/dialogporten/dialogporten-errors';
import { dialogportenSlice } from '../../../main/sandbox/dialogporten/dialog-store';
import type { FeedbackChange } from '../../../shared/feedback/feedback-dialog';
import {
  addFeedback,
  AMELDING_RESOURCE,
  CUSTOMER_ORG,
  dialogportenRequests,
  RF1086_RESOURCE,
  startDialogportenSandbox,
  submissionDialog,
} from '../support/dialogporten-sandbox';

const PARTY = `urn:altinn:organization:identifier-no:${CUSTOMER_ORG}`;

describe('the incremental feedback sync, against the sandbox Dialogporten', () => {
  let sandbox: Awaited<ReturnType<typeof startDialogportenSandbox>>;
  let store: FeedbackSyncStore;
  /** Every transmission id ever reported, to prove nothing is shown twice. */
  let reported: string[];

  const iso = () => sandbox.clock.now().toISOString();
  const options = (extra: Partial<FeedbackSyncOptions> = {}): FeedbackSyncOptions => ({
    client: sandbox.client(),
    store,
    parties: [PARTY],
    serviceResources: [AMELDING_RESOURCE, RF1086_RESOURCE],
    pageSize: 2,
    now: sandbox.clock.now,
    ...extra,
  });
  const collect = (changes: FeedbackChange[]) => {
    for (const c of changes) reported.push(...c.newTransmissions.map((t) => t.id));
  };
  async function sync(extra: Partial<FeedbackSyncOptions> = {}) {
    const result = await syncFeedback(options(extra));
    collect(result.changes);
    return result;
  }
  async function fault(body: object) {
    const response = await fetch(`${sandbox.host.baseUrl}/__admin/faults`, {
      method: 'POST',
      headers: { 'x-innsender-admin': sandbox.host.adminToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBeLessThan(300);
  }
  const expectNoDuplicates = () => expect(new Set(reported).size).toBe(reported.length);

  beforeEach(async () => {
    sandbox = await startDialogportenSandbox();
    store = memorySyncStore();
    reported = [];
  });
  afterEach(() => sandbox.host.stop());

  it('follows every page on the first sync, then an idle poll is exactly one request', async () => {
    for (let i = 0; i < 5; i++) {
      const dialog = submissionDialog(sandbox.store, { at: iso() });
      sandbox.clock.advance(1000);
      addFeedback(sandbox.store, dialog, iso());
      sandbox.clock.advance(1000);
    }
    const first = await sync();
    expect(first.initial).toBe(true);
    expect(first.changes).toHaveLength(5);
    expect(first.changes.every((c) => c.isNewDialog && c.newFeedback.length === 1)).toBe(true);
    const searches = dialogportenRequests(sandbox.host).filter((r) => r.path.endsWith('/enduser/dialogs'));
    expect(searches).toHaveLength(3); // 2 + 2 + 1 with limit=2
    expect(searches[0]?.query).toContain('orderBy=updatedAt_asc');
    expect(searches[1]?.query).toContain('continuationToken=');

    // With the default page size the overlap's already-seen dialogs fit one page: one search, nothing else.
    sandbox.host.requests.clear();
    sandbox.clock.advance(30_000);
    const idle = await sync({ pageSize: 100 });
    expect(idle.changes).toEqual([]);
    expect(idle.initial).toBe(false);
    const requests = dialogportenRequests(sandbox.host);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.query).toContain('updatedAfter=');
    expectNoDuplicates();
  });

  it('reports a later feedback transmission once, and only the new one', async () => {
    const dialog = submissionDialog(sandbox.store, { at: iso() });
    sandbox.clock.advance(1000);
    const first = await sync();
    expect(first.changes[0]?.newTransmissions).toHaveLength(1);
    expect(first.changes[0]?.newFeedback).toHaveLength(0); // only the business's own submission so far

    sandbox.clock.advance(5000);
    const feedback = addFeedback(sandbox.store, dialog, iso());
    const second = await sync();
    expect(second.changes).toHaveLength(1);
    expect(second.changes[0]?.newFeedback.map((t) => t.id)).toEqual([feedback.id]);
    expect(second.changes[0]?.dialog.status).toBe('Completed');
    expect((await sync()).changes).toEqual([]);
    expectNoDuplicates();
  });

  it('finds dialogs sharing one updatedAt across a page boundary, and one committed late inside the overlap', async () => {
    const at = iso();
    for (let i = 0; i < 3; i++) submissionDialog(sandbox.store, { at });
    expect((await sync({ pageSize: 1 })).changes).toHaveLength(3);

    // A dialog whose timestamp is older than the watermark (it was written late): the overlap brings it in.
    sandbox.clock.advance(10_000);
    const late = submissionDialog(sandbox.store, { at: new Date(Date.parse(at) - 60_000).toISOString() });
    const second = await sync({ pageSize: 1 });
    expect(second.changes.map((c) => c.dialog.id)).toEqual([late.id]);
    expectNoDuplicates();
    expect(reported).toHaveLength(4);
  });

  it('sees a dialog that is updated while a poll is paging, and shows it once', async () => {
    const dialogs = [0, 1, 2, 3].map(() => {
      const d = submissionDialog(sandbox.store, { at: iso() });
      sandbox.clock.advance(1000);
      return d;
    });
    await sync();
    sandbox.clock.advance(10_000);
    for (const d of dialogs) {
      addFeedback(sandbox.store, d, iso());
      sandbox.clock.advance(1000);
    }
    // After the first page is answered, Skatteetaten updates a dialog already on that page and adds a new one.
    let searches = 0;
    let lateDialog = '';
    const client = sandbox.client({
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (String(input).includes('/enduser/dialogs?') && ++searches === 1) {
          sandbox.clock.advance(1000);
          addFeedback(sandbox.store, dialogs[0]!, iso());
          lateDialog = submissionDialog(sandbox.store, { at: iso() }).id;
        }
        return response;
      },
    });
    const during = await sync({ client });
    const after = await sync();
    const all = [...during.changes, ...after.changes];
    expect(new Set(all.map((c) => c.dialog.id))).toEqual(new Set([...dialogs.map((d) => d.id), lateDialog]));
    const firstDialogFeedback = all.filter((c) => c.dialog.id === dialogs[0]!.id).flatMap((c) => c.newFeedback);
    expect(firstDialogFeedback).toHaveLength(2);
    // 4 submissions (first sync), 4 feedbacks, 1 more on dialog 0, the late dialog's submission.
    expect(reported).toHaveLength(4 + 4 + 1 + 1);
    expectNoDuplicates();
  });

  it('waits out a short 503 or 429 and keeps what it had when a long one stops it half-way', async () => {
    for (let i = 0; i < 4; i++) {
      submissionDialog(sandbox.store, { at: iso() });
      sandbox.clock.advance(1000);
    }
    await fault({ kind: 'status', status: 503, pathPrefix: '/dialogporten/', times: 1 });
    const first = await sync({ pageSize: 10 });
    expect(first.changes).toHaveLength(4);

    submissionDialog(sandbox.store, { at: iso() });
    sandbox.clock.advance(1000);
    await fault({ kind: 'rate-limit', retryAfterSeconds: 2, pathPrefix: '/dialogporten/', times: 1 });
    const before = sandbox.clock.now().getTime();
    expect((await sync({ pageSize: 10 })).changes).toHaveLength(1);
    expect(sandbox.clock.now().getTime() - before).toBe(2000); // Retry-After honoured, then one retry

    for (let i = 0; i < 4; i++) {
      submissionDialog(sandbox.store, { at: iso() });
      sandbox.clock.advance(1000);
    }
    // The overlap brings back the 5 dialogs already seen; with 7 a page, the first page also has 2 new ones.
    // The second page meets a long 429: the sync stops with a typed error, the first page is kept and heard.
    const heard: FeedbackChange[] = [];
    let searches = 0;
    const client = sandbox.client({
      fetch: async (input, init) => {
        if (String(input).includes('/enduser/dialogs?') && ++searches === 2) {
          await fault({ kind: 'rate-limit', retryAfterSeconds: 600, pathPrefix: '/dialogporten/', times: 1 });
        }
        return fetch(input, init);
      },
    });
    const error = await syncFeedback(options({ client, pageSize: 7 }), (c) => heard.push(...c)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DialogportenError);
    expect(error).toMatchObject({ code: 'DIALOGPORTEN_RATE_LIMITED', retryAfterMs: 600_000 });
    collect(heard);
    expect(heard).toHaveLength(2);

    const rest = await sync();
    expect(rest.changes).toHaveLength(2);
    expect(reported).toHaveLength(9);
    expectNoDuplicates();
  });

  it('never opens a dialog (no seen-log entries) and sees only the system user’s own party', async () => {
    submissionDialog(sandbox.store, { at: iso() });
    submissionDialog(sandbox.store, { at: iso(), org: '310000002' });
    const result = await sync();
    expect(result.changes).toHaveLength(1);
    const paths = dialogportenRequests(sandbox.host).map((r) => r.path);
    expect(paths.some((p) => /\/enduser\/dialogs\/[^/]+$/.test(p))).toBe(false);
    expect(dialogportenSlice(sandbox.host.state).dialogs.every((d) => d.seenSinceLastUpdate.length === 0)).toBe(true);
  });

  /** Parties the system user cannot see: Dialogporten answers 200 with no items for them (§2.4). */
  const others = (n: number) =>
    Array.from({ length: n }, (_, i) => `urn:altinn:organization:identifier-no:${String(320000000 + i)}`);
  const searches = (from: number) =>
    dialogportenRequests(sandbox.host)
      .slice(from)
      .filter((r) => r.path.endsWith('/enduser/dialogs'));

  it('searches many parties in batches of the limit, ceil(n / limit) searches a pass; one over is refused with 400', async () => {
    const dialog = submissionDialog(sandbox.store, { at: iso() });
    addFeedback(sandbox.store, dialog, iso());
    const parties = [...others(44), PARTY];
    const mark = dialogportenRequests(sandbox.host).length;
    const first = await sync({ parties, maxPartiesPerSearch: 20 });
    expect(first.changes.map((c) => c.dialog.id)).toEqual([dialog.id]);
    const made = searches(mark);
    expect(made.map((r) => new URLSearchParams(r.query).getAll('party').length)).toEqual([20, 20, 5]);

    // The emulator holds Dialogporten's documented 20: 21 parties in one search is a validation error.
    await expect(sync({ parties: [...others(20), PARTY] })).rejects.toMatchObject({
      failure: 'rejected',
      details: expect.arrayContaining(["error: Party.Count 'Party Count' must be less than or equal to '20'."]),
    });
  });

  it('searches a party added since from the start once: what is older than the last pass is history, the rest news', async () => {
    const older = submissionDialog(sandbox.store, { at: iso() });
    addFeedback(sandbox.store, older, iso());
    sandbox.clock.advance(60_000);
    await sync({ parties: others(1) });
    sandbox.clock.advance(60_000);
    const newer = submissionDialog(sandbox.store, { at: iso() });
    addFeedback(sandbox.store, newer, iso());

    const heard: { ids: string[]; initial: boolean }[] = [];
    const mark = dialogportenRequests(sandbox.host).length;
    await syncFeedback(options({ parties: [...others(1), PARTY] }), (changes, context) =>
      heard.push({ ids: changes.map((c) => c.dialog.id), initial: context.initial }),
    );
    expect(heard).toEqual([
      { ids: [older.id], initial: true },
      { ids: [newer.id], initial: false },
    ]);
    // The added party's search had no updatedAfter; the next pass covers both parties from the watermark.
    expect(searches(mark).map((r) => new URLSearchParams(r.query).getAll('party'))).toEqual([others(1), [PARTY]]);
    const next = dialogportenRequests(sandbox.host).length;
    await sync({ parties: [...others(1), PARTY] });
    expect(searches(next)).toHaveLength(1);
    expect(new URLSearchParams(searches(next)[0]!.query).has('updatedAfter')).toBe(true);
  });
});
