import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutbox } from '../../../main/outbox/outbox';
import type { Submission } from '../../../main/outbox/submission';
import { SET_ASIDE_SUFFIX } from '../../../main/store/legacy-layout';
import type { LegacyImportReport } from '../../../main/store/sqlite/sqlite-legacy-import';
import { openSqliteStore } from '../../../main/store/sqlite/sqlite-store';
import type { Store } from '../../../main/store/store';
import { aMeldingPayload, aMeldingSubmission, clientOrgNumbers, feedbackDialog, firmClient } from './store-fixtures';

const [A, B] = clientOrgNumbers(2) as [string, string];
const PROFILE = '6f1c2a7e-4b8d-4c1e-9a55-0d2f3b4c5d6e';

/** A data dir as Innsender kept it before the database, written file by file as the old stores wrote them. */
function oldLayout(dataDir: string) {
  const outbox = join(dataDir, 'profiles', PROFILE, 'outbox');
  mkdirSync(join(outbox, 'submissions'), { recursive: true });
  mkdirSync(join(outbox, 'payloads'), { recursive: true });
  const received = aMeldingSubmission(A, 0, 'received');
  // Left `sending` by a crash: after the import it is asked again with its own key.
  const sending: Submission = { ...aMeldingSubmission(B, 1, 'sending'), checkpoint: { uploadId: 'u-1' } };
  for (const [s, n] of [
    [received, 0],
    [sending, 1],
  ] as const) {
    writeFileSync(join(outbox, 'submissions', `${s.id}.json`), JSON.stringify(s));
    writeFileSync(join(outbox, 'payloads', `${s.id}.json`), JSON.stringify(aMeldingPayload(n)));
  }
  const torn = '11111111-1111-4111-8111-111111111111';
  writeFileSync(join(outbox, 'submissions', `${torn}.json`), '{"id":"half');
  writeFileSync(join(outbox, 'submissions', `.${received.id}.json.abc.tmp`), '{"half');
  writeFileSync(
    join(dataDir, 'profiles', PROFILE, 'clients.json'),
    JSON.stringify({
      schemaVersion: 1,
      clients: [firmClient(A), firmClient(B)],
      lastSyncError: { nb: 'Altinn svarte ikke', en: 'Altinn did not answer' },
    }),
  );
  const feedback = join(dataDir, 'feedback', PROFILE);
  mkdirSync(feedback, { recursive: true });
  const dialogs = { d1: feedbackDialog(A, 'd1', ['t1', 't2']) };
  writeFileSync(
    join(feedback, 'sync-state.json'),
    JSON.stringify({
      version: 1,
      watermark: '2026-01-20T10:00:00.000Z',
      lastSyncAt: '2026-01-21T08:00:00.000Z',
      dialogs,
    }),
  );
  writeFileSync(join(feedback, 'read-state.json'), JSON.stringify({ version: 1, unread: ['t2'] }));
  // Not the store's: left where it is.
  writeFileSync(join(feedback, 'events-state.json'), '{}');
  return { received, sending, torn, dialogs, outbox, feedback };
}

describe('the first open of a data dir in the JSON layout', () => {
  let dataDir: string;
  let store: Store | undefined;
  const reports: LegacyImportReport[] = [];
  const open = () => (store = openSqliteStore(dataDir, { onLegacyImport: (r) => reports.push(r) }));

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'innsender-legacy-'));
    reports.length = 0;
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('imports submissions, payloads, clients and feedback state, and moves the old files aside', async () => {
    const old = oldLayout(dataDir);
    open();
    const repo = store!.submissions(PROFILE);
    const { submissions } = await repo.load();
    expect(submissions.sort((a, b) => a.createdAt.localeCompare(b.createdAt))).toEqual([old.received, old.sending]);
    expect(await repo.readPayload(old.sending.id)).toEqual(aMeldingPayload(1));
    expect(await store!.clients(PROFILE).read()).toEqual({
      clients: [firmClient(A), firmClient(B)],
      altinnOnly: [],
      lastSyncError: { nb: 'Altinn svarte ikke', en: 'Altinn did not answer' },
    });
    expect(await store!.feedback(PROFILE).load()).toEqual({
      watermark: '2026-01-20T10:00:00.000Z',
      lastSyncAt: '2026-01-21T08:00:00.000Z',
      dialogs: old.dialogs,
    });
    expect(await store!.feedback(PROFILE).unread()).toEqual(['t2']);
    expect(reports).toEqual([
      {
        submissions: 2,
        clients: 2,
        dialogs: 1,
        unreadable: [join(old.outbox, 'submissions', `${old.torn}.json`)],
      },
    ]);

    // Moved aside, never deleted: the torn record is still there to be looked at.
    expect(existsSync(old.outbox)).toBe(false);
    expect(readdirSync(join(`${old.outbox}${SET_ASIDE_SUFFIX}`, 'submissions'))).toContain(`${old.torn}.json`);
    expect(existsSync(join(dataDir, 'profiles', PROFILE, `clients.json${SET_ASIDE_SUFFIX}`))).toBe(true);
    expect(readdirSync(old.feedback).sort()).toEqual([
      'events-state.json',
      `read-state.json${SET_ASIDE_SUFFIX}`,
      `sync-state.json${SET_ASIDE_SUFFIX}`,
    ]);

    // The next open imports nothing again.
    await store!.close();
    open();
    expect(reports).toHaveLength(1);
    expect((await store!.submissions(PROFILE).load()).submissions).toHaveLength(2);
  });

  it('imports nothing twice when old files are back in place after the import committed', async () => {
    const old = oldLayout(dataDir);
    open();
    await store!.close();
    // As after a crash between the commit and the renames, or a backup put back: the old files are there again.
    cpSync(`${old.outbox}${SET_ASIDE_SUFFIX}`, old.outbox, { recursive: true });
    cpSync(join(old.feedback, `read-state.json${SET_ASIDE_SUFFIX}`), join(old.feedback, 'read-state.json'));
    open();
    const { submissions } = await store!.submissions(PROFILE).load();
    expect(submissions.map((s) => s.id).sort()).toEqual([old.received.id, old.sending.id].sort());
    expect(await store!.feedback(PROFILE).unread()).toEqual(['t2']);
    expect(existsSync(old.outbox)).toBe(false);
    expect(existsSync(`${old.outbox}${SET_ASIDE_SUFFIX}-2`)).toBe(true);
  });

  it('lets the outbox carry on from the imported records: one left sending is asked again with its own key', async () => {
    const old = oldLayout(dataDir);
    open();
    const seen: Submission[] = [];
    const outbox = createOutbox({
      dir: join(dataDir, 'profiles', PROFILE, 'outbox'),
      store: store!.submissions(PROFILE),
      transport: {
        send: async (s, payload) => {
          seen.push(s);
          expect(payload).toEqual(aMeldingPayload(1));
          return { dialogId: 'd-new', forsendelseId: 'f-new' };
        },
      },
      now: () => new Date('2026-12-07T12:00:00.000Z'),
      sleep: async () => undefined,
    });
    await outbox.start();
    await outbox.whenSettled();
    await outbox.stop();
    expect(seen.map((s) => [s.id, s.idempotencyKey, s.checkpoint])).toEqual([
      [old.sending.id, old.sending.idempotencyKey, { uploadId: 'u-1' }],
    ]);
    expect(outbox.get(old.sending.id)?.state.kind).toBe('received');
    expect(outbox.get(old.received.id)).toEqual(old.received);
  });
});
