import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/domain/app-error';
import { reportedPeriod, targetOrg } from '../../../shared/outbox/submission';
import { MIGRATIONS } from '../../../main/store/sqlite/migrations';
import { DATABASE_FILE, openSqliteStore } from '../../../main/store/sqlite/sqlite-store';
import { RECEIVED_PERIODS_SQL } from '../../../main/store/sqlite/sqlite-periods';
import { SUMMARY_SQL } from '../../../main/store/sqlite/sqlite-summary';
import { emptyClientSummary, type Store } from '../../../main/store/store';
import {
  aMeldingPayload,
  aMeldingSubmission,
  clientOrgNumbers,
  feedbackDialog,
  firmClient,
  tredjepartSubmission,
} from './store-fixtures';

const NOW = () => new Date('2026-12-07T12:00:00.000Z');
const [A, B, C] = clientOrgNumbers(3) as [string, string, string];

describe('the SQLite store', () => {
  let dir: string;
  let store: Store | undefined;
  const open = () => (store = openSqliteStore(dir, { now: NOW }));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'innsender-store-'));
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes one database file with the newest schema, WAL, synchronous=FULL, readable by its owner only', () => {
    open();
    const file = join(dir, DATABASE_FILE);
    expect(readdirSync(dir).filter((n) => !n.startsWith(DATABASE_FILE))).toEqual([]);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
    // The data is personal (payroll): the file is the user's alone, as the JSON files were.
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keeps one profile’s submissions apart from another’s, with their payloads, and lists a client newest first', async () => {
    open();
    const mine = store!.submissions('p1');
    const other = store!.submissions('p2');
    for (let n = 0; n < 5; n++) {
      await mine.writePayload(aMeldingSubmission(A, n).id, aMeldingPayload(n));
      await mine.write(aMeldingSubmission(A, n));
    }
    await mine.write(aMeldingSubmission(B, 0, 'queued'));
    expect((await mine.load()).submissions).toHaveLength(6);
    expect((await other.load()).submissions).toEqual([]);
    // A record of another profile is never overwritten through this one.
    await expect(other.write(aMeldingSubmission(A, 0))).rejects.toThrow(/another profile/);
    await expect(other.readPayload(aMeldingSubmission(A, 0).id)).rejects.toThrow(/no payload/);
    expect(await mine.readPayload(aMeldingSubmission(A, 3).id)).toEqual(aMeldingPayload(3));

    expect((await mine.list()).map((s) => s.createdAt)).toEqual(
      (await mine.load()).submissions
        .map((s) => s.createdAt)
        .sort()
        .reverse(),
    );
    const history = await mine.history(A, { limit: 3 });
    expect(history.map((s) => s.label)).toEqual([4, 3, 2].map((n) => `A-melding ${A} ${n}`));
    const older = await mine.history(A, { limit: 3, before: history[2]!.createdAt });
    expect(older.map((s) => s.label)).toEqual([1, 0].map((n) => `A-melding ${A} ${n}`));
  });

  it('sets a record that does not read aside (kept, reported once), and sweeps a payload without a record', async () => {
    open();
    const repo = store!.submissions('p1');
    const good = aMeldingSubmission(A, 1);
    await repo.writePayload(good.id, aMeldingPayload(1));
    await repo.write(good);
    await repo.writePayload('00000000-0000-4000-8000-000000000000', aMeldingPayload(2));
    await store!.close();
    const db = new Database(join(dir, DATABASE_FILE));
    db.prepare("UPDATE submissions SET record = '{\"half' WHERE id = ?").run(good.id);
    db.close();

    open();
    const reopened = store!.submissions('p1');
    // Listing (the outbox not running here, maybe running elsewhere) touches nothing: the orphan payload stays.
    expect(await reopened.list()).toEqual([]);
    expect(await reopened.readPayload('00000000-0000-4000-8000-000000000000')).toEqual(aMeldingPayload(2));
    expect(await reopened.load()).toEqual({ submissions: [], corrupt: [good.id] });
    expect(await reopened.load()).toEqual({ submissions: [], corrupt: [] });
    await expect(reopened.readPayload('00000000-0000-4000-8000-000000000000')).rejects.toThrow(/no payload/);
    await store!.close();
    const check = new Database(join(dir, DATABASE_FILE), { readonly: true });
    expect(check.prepare('SELECT id, record FROM submissions_set_aside').all()).toEqual([
      { id: good.id, record: '{"half' },
    ]);
    check.close();
    store = undefined;
  });

  it('keeps a firm’s clients in order with the last sync error, and replaces them in one transaction', async () => {
    open();
    const clients = store!.clients('firm');
    expect(await clients.read()).toEqual({ clients: [], altinnOnly: [], lastSyncError: null });
    const error = { nb: 'Altinn svarte ikke', en: 'Altinn did not answer' };
    const altinnOnly = [
      { orgNumber: C, name: 'Fra Altinn AS', altinnClientId: 'c0ffee00-0000-4000-8000-000000000001' },
    ];
    await clients.replace({ clients: [firmClient(B), firmClient(A)], altinnOnly, lastSyncError: error });
    expect(await clients.read()).toEqual({ clients: [firmClient(B), firmClient(A)], altinnOnly, lastSyncError: error });
    await clients.replace({ clients: [firmClient(A)], altinnOnly: [], lastSyncError: null });
    expect(await clients.read()).toEqual({ clients: [firmClient(A)], altinnOnly: [], lastSyncError: null });
    expect(await store!.clients('other').read()).toEqual({ clients: [], altinnOnly: [], lastSyncError: null });
  });

  it('keeps the feedback sync’s watermark and dialogs, writing only what changed, and the unread marks', async () => {
    open();
    const feedback = store!.feedback('p1');
    const d1 = feedbackDialog(A, 'd1', ['t1']);
    const d2 = feedbackDialog(B, 'd2', ['t2', 't3']);
    await feedback.save({ watermark: '2026-01-20T10:00:00Z', lastSyncAt: NOW().toISOString(), dialogs: { d1, d2 } });
    const loaded = await feedback.load();
    expect(loaded).toEqual({ watermark: '2026-01-20T10:00:00Z', lastSyncAt: NOW().toISOString(), dialogs: { d1, d2 } });

    // A row changed behind the repository's back shows whether a save writes a dialog that did not change.
    const db = new Database(join(dir, DATABASE_FILE));
    const marked = JSON.stringify({ ...d1, title: 'untouched' });
    db.prepare("UPDATE feedback_dialogs SET record = ? WHERE dialog_id = 'd1'").run(marked);
    const d2changed = feedbackDialog(B, 'd2', ['t2', 't3', 't4']);
    // As the sync does: the state as loaded, with the dialogs it saw again replaced by new objects.
    await feedback.save({ ...loaded, dialogs: { ...loaded.dialogs, d2: d2changed } });
    const row = (id: string) =>
      (db.prepare('SELECT record FROM feedback_dialogs WHERE dialog_id = ?').get(id) as { record: string }).record;
    expect(row('d1')).toBe(marked);
    expect(JSON.parse(row('d2'))).toEqual(d2changed);
    db.close();
    // A dialog gone from the state is gone from the store, with its transmissions.
    await feedback.save({ ...loaded, dialogs: { d2: d2changed } });
    expect(Object.keys((await feedback.load()).dialogs)).toEqual(['d2']);
    // A dialog given as another object with other content is written, whatever it was before.
    const d1again = { ...d1, title: 'Ny tittel' };
    await feedback.save({ ...loaded, dialogs: { d1: d1again, d2: d2changed } });
    expect((await feedback.load()).dialogs.d1?.title).toBe('Ny tittel');

    await feedback.addUnread(['t1', 't3', 't4']);
    await feedback.addUnread(['t1']);
    await feedback.markRead(['t3']);
    expect((await feedback.unread()).sort()).toEqual(['t1', 't4']);
    expect(await store!.feedback('p2').unread()).toEqual([]);
  });

  it('keeps the parties the feedback watermark covers (step 2), and none for a state saved without them', async () => {
    open();
    const feedback = store!.feedback('firm');
    const parties = [A, B].map((org) => `urn:altinn:organization:identifier-no:${org}`);
    await feedback.save({ watermark: '2026-01-20T10:00:00Z', lastSyncAt: NOW().toISOString(), dialogs: {}, parties });
    expect((await feedback.load()).parties).toEqual(parties);
    await feedback.save({ watermark: '2026-01-21T10:00:00Z', lastSyncAt: NOW().toISOString(), dialogs: {} });
    expect((await feedback.load()).parties).toBeUndefined();
  });

  it('answers the firm overview’s counts per client in one query that uses the indexes', async () => {
    open();
    await store!
      .clients('firm')
      .replace({ clients: [firmClient(A), firmClient(B), firmClient(C)], altinnOnly: [], lastSyncError: null });
    const repo = store!.submissions('firm');
    await repo.write(aMeldingSubmission(A, 0, 'received'));
    await repo.write(aMeldingSubmission(A, 1, 'rejected'));
    await repo.write(aMeldingSubmission(A, 2, 'queued'));
    await repo.write(aMeldingSubmission(B, 0, 'failed'));
    await repo.write(aMeldingSubmission(B, 1, 'queued'));
    await store!.submissions('another-profile').write(aMeldingSubmission(C, 9, 'queued'));
    const feedback = store!.feedback('firm');
    await feedback.save({
      watermark: null,
      lastSyncAt: null,
      dialogs: { d1: feedbackDialog(A, 'd1', ['t1', 't2']), d2: feedbackDialog(B, 'd2', ['t3']) },
    });
    await feedback.addUnread(['t1', 't2', 't3']);
    await feedback.markRead(['t3']);

    expect(await store!.summaryByClient('firm')).toEqual([
      {
        clientOrg: A,
        queued: 1,
        sending: 0,
        failed: 0,
        rejected: 1,
        received: 1,
        unreadFeedback: 2,
        // Both unread transmissions are in one dialog.
        unreadDialogs: 1,
        lastActivityAt: aMeldingSubmission(A, 2).updatedAt,
      },
      {
        clientOrg: B,
        queued: 1,
        sending: 0,
        failed: 1,
        rejected: 0,
        received: 0,
        unreadFeedback: 0,
        unreadDialogs: 0,
        lastActivityAt: aMeldingSubmission(B, 1).updatedAt,
      },
      // A client with nothing yet still has its line.
      emptyClientSummary(C),
    ]);

    // No full scan of a table: every table is reached through an index by the profile id.
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${SUMMARY_SQL}`).all({ profileId: 'firm' }) as { detail: string }[])
      .map((row) => row.detail)
      .join('\n');
    db.close();
    expect(plan).toContain('USING COVERING INDEX submissions_by_state');
    expect(plan).not.toMatch(/^SCAN (submissions|clients|feedback_\w+)$/m);
    // The unread part starts from the unread marks, not from every transmission of the profile.
    expect(plan).toMatch(/SEARCH u USING PRIMARY KEY \(profile_id=\?\)\nSEARCH t USING PRIMARY KEY/);
  });

  it('answers each client’s received periods once, from the period index alone (step 3)', async () => {
    open();
    const repo = store!.submissions('firm');
    const tredjepart = tredjepartSubmission(B, 5, 'boligselskap', '2025');
    await repo.write(aMeldingSubmission(A, 0, 'received'));
    // The same month again (a replacement): one period.
    await repo.write({ ...aMeldingSubmission(A, 0, 'received'), id: aMeldingSubmission(A, 1).id });
    await repo.write(aMeldingSubmission(A, 2, 'rejected'));
    await repo.write(tredjepart);
    await store!.submissions('another-profile').write(aMeldingSubmission(C, 3, 'received'));
    const january = aMeldingSubmission(A, 0).target as { kalendermaaned: string };

    expect(await store!.receivedPeriods('firm')).toEqual([
      { clientOrg: A, service: 'a-melding', scheme: null, period: january.kalendermaaned },
      { clientOrg: B, service: 'tredjepart', scheme: 'boligselskap', period: '2025' },
    ]);
    // From a year on: the months of earlier years are left out, that year's months and the year itself kept.
    expect(await store!.receivedPeriods('firm', '2025')).toEqual([
      { clientOrg: B, service: 'tredjepart', scheme: 'boligselskap', period: '2025' },
    ]);
    expect((await store!.receivedPeriods('firm', january.kalendermaaned.slice(0, 4))).length).toBe(2);
    // A state change moves the row out of the answer with it.
    await repo.write({ ...tredjepart, state: { kind: 'cancelled', at: tredjepart.updatedAt } });
    expect((await store!.receivedPeriods('firm')).map((p) => p.clientOrg)).toEqual([A]);

    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN ${RECEIVED_PERIODS_SQL}`).all({ profileId: 'firm', from: '2025' }) as {
        detail: string;
      }[]
    )
      .map((row) => row.detail)
      .join('\n');
    db.close();
    expect(plan).toContain('USING COVERING INDEX submissions_by_period');
    // A range of the index, in its order: no sort, no temporary table for the DISTINCT.
    expect(plan).toMatch(
      /SEARCH submissions USING COVERING INDEX submissions_by_period \(profile_id=\? AND state=\? AND period>\?\)/,
    );
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('fills the period columns of submissions written before step 3 from their records', async () => {
    const db = new Database(join(dir, DATABASE_FILE));
    MIGRATIONS.slice(0, 2).forEach((step) => db.exec(step));
    db.pragma('user_version = 2');
    const insert = db.prepare(
      `INSERT INTO submissions (id, profile_id, client_org, service, state, created_at, updated_at, record)
       VALUES (?, 'firm', ?, ?, 'received', ?, ?, ?)`,
    );
    const aMelding = aMeldingSubmission(A, 0, 'received');
    const aksjonaer = {
      ...aMeldingSubmission(B, 1, 'received'),
      target: { service: 'aksjonaerregisteroppgave' as const, inntektsaar: '2025', oppgavegiver: B, underskjemaer: 1 },
    };
    const tredjepart = tredjepartSubmission(C, 2, 'aksjesparekonto', '2024');
    for (const [org, s] of [
      [A, aMelding],
      [B, aksjonaer],
      [C, tredjepart],
    ] as const) {
      insert.run(s.id, org, s.target.service, s.createdAt, s.updatedAt, JSON.stringify(s));
    }
    // A record that is not JSON does not stop the step: it is set aside at the next load, as before.
    insert.run('not-json', A, 'a-melding', aMelding.createdAt, aMelding.updatedAt, '{"target": ');
    db.close();

    open();
    expect((await store!.submissions('firm').load()).corrupt).toEqual(['not-json']);
    // Ordered by period: 2021-01, 2024, 2025.
    const expected = [aMelding, tredjepart, aksjonaer].map((s) => ({
      clientOrg: targetOrg(s.target),
      ...reportedPeriod(s.target),
    }));
    expect(await store!.receivedPeriods('firm')).toEqual(expected);
  });

  it('refuses a damaged file with a message in nb and en, and keeps it aside byte for byte', () => {
    const file = join(dir, DATABASE_FILE);
    const garbage = Buffer.from('this is not a database, but it was the outbox of someone'.repeat(200));
    writeFileSync(file, garbage);
    let thrown: unknown;
    try {
      open();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    const error = thrown as AppError;
    expect(error.code).toBe('STORE_CORRUPT');
    const keptAs = readdirSync(dir).find((n) => n.startsWith(`${DATABASE_FILE}.corrupt-2026-12-07T12-00-00-000Z`));
    expect(keptAs).toBeDefined();
    expect(readFileSync(join(dir, keptAs!))).toEqual(garbage);
    expect(existsSync(file)).toBe(false);
    expect(error.localized.nb).toContain('er skadet og kan ikke leses');
    expect(error.localized.nb).toContain(keptAs);
    expect(error.localized.en).toContain('is damaged and cannot be read');
    expect(error.localized.en).toContain(keptAs);
  });

  it('refuses a database whose pages were damaged (SQLite’s quick check), not only one that is not a database', async () => {
    open();
    const repo = store!.submissions('p1');
    for (let n = 0; n < 200; n++) {
      await repo.writePayload(aMeldingSubmission(A, n).id, aMeldingPayload(n));
      await repo.write(aMeldingSubmission(A, n));
    }
    await store!.close();
    store = undefined;
    const file = join(dir, DATABASE_FILE);
    const bytes = readFileSync(file);
    // Page 3 on is table and index data: overwrite the middle of the file, keeping the header valid.
    bytes.fill(0x5a, 4096 * 3, Math.min(bytes.length, 4096 * 12));
    writeFileSync(file, bytes);
    expect(() => open()).toThrow(expect.objectContaining({ code: 'STORE_CORRUPT' }) as Error);
    expect(readdirSync(dir).some((n) => n.startsWith(`${DATABASE_FILE}.corrupt-`))).toBe(true);
  });

  it('refuses a database from a newer Innsender instead of writing into a schema it does not know', async () => {
    open();
    await store!.close();
    store = undefined;
    const db = new Database(join(dir, DATABASE_FILE));
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => open()).toThrow(expect.objectContaining({ code: 'STORE_TOO_NEW' }) as Error);
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(true);
  });
});
