import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { writeFileAtomic } from '../../main/disk/atomic-write';
import { FeedbackSyncStateSchema } from '../../main/dialogporten/feedback-sync-state';
import { createOutbox } from '../../main/outbox/outbox';
import { targetOrg, type Submission } from '../../main/outbox/submission';
import { openSqliteStore } from '../../main/store/sqlite/sqlite-store';
import { emptyClientSummary, type ClientSummary, type SubmissionRepository } from '../../main/store/store';
import { orgOfParty, type FeedbackDialog } from '../../shared/feedback/feedback-dialog';
import { FIRM, writeFirmHistory } from './history-data';
import { OutboxStore } from './json-outbox-store';

/**
 * Issue 14's firm: 500 clients × 60 a-meldinger = 30,000 submissions with payloads and receipts, a feedback
 * dialog for each received one, and the unread marks. "before" is the JSON layout (a file per record), "after"
 * the database the same files were imported into. Each case runs a few times: one start is the figure that counts.
 */
const beforeDir = mkdtempSync(join(tmpdir(), 'bench-history-json-'));
const { orgs, outboxDir } = writeFirmHistory(beforeDir);
const afterDir = mkdtempSync(join(tmpdir(), 'bench-history-db-'));
writeFirmHistory(afterDir);
const importStarted = performance.now();
await openSqliteStore(afterDir).close();
console.log(
  `history bench: ${FIRM.clients * FIRM.perClient} submissions; the one-time import of the JSON layout took ` +
    `${Math.round(performance.now() - importStarted)} ms`,
);

const idle = { send: async () => ({ dialogId: 'd', forsendelseId: 'f' }) };
const once = { iterations: 3, time: 0, warmupIterations: 1, warmupTime: 0 };
const client = orgs[123] as string;
const syncStateFile = join(beforeDir, 'feedback', FIRM.profileId, 'sync-state.json');
const readStateFile = join(beforeDir, 'feedback', FIRM.profileId, 'read-state.json');

/** The old store, as the outbox used it: its `history` could only read every record and keep one client's. */
const jsonRepository = (): SubmissionRepository => {
  const files = new OutboxStore(outboxDir);
  return Object.assign(files, {
    list: async () => (await files.load()).submissions,
    history: async (org: string) =>
      (await files.load()).submissions
        .filter((s) => targetOrg(s.target) === org)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  });
};

async function startAndStop(store: SubmissionRepository): Promise<Submission[]> {
  const outbox = createOutbox({ dir: outboxDir, store, transport: idle });
  await outbox.start();
  const listed = outbox.list();
  await outbox.stop();
  return listed;
}

describe('start at 30,000 submissions (open, load every record, outbox running)', () => {
  bench('before: JSON files', async () => void (await startAndStop(jsonRepository())), once);
  bench(
    'after: database (open + quick check + load)',
    async () => {
      const store = openSqliteStore(afterDir);
      await startAndStop(store.submissions(FIRM.profileId));
      await store.close();
    },
    once,
  );
  bench(
    'before: feedback sync state (one JSON file, 30,000 dialogs, read as fileSyncStore read it)',
    () => void FeedbackSyncStateSchema.parse(JSON.parse(readFileSync(syncStateFile, 'utf8'))),
    once,
  );
  bench(
    'after: feedback sync state (database)',
    async () => {
      const store = openSqliteStore(afterDir);
      await store.feedback(FIRM.profileId).load();
      await store.close();
    },
    once,
  );
});

describe('the feedback sync saves after a page: one dialog changed of 30,000', () => {
  const store = openSqliteStore(afterDir).feedback(FIRM.profileId);
  const state = FeedbackSyncStateSchema.parse(JSON.parse(readFileSync(syncStateFile, 'utf8')));
  const some = Object.keys(state.dialogs)[7] as string;
  let page = 0;
  const next = () => {
    page += 1;
    const dialog = state.dialogs[some] as FeedbackDialog;
    state.dialogs[some] = { ...dialog, updatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, page)).toISOString() };
    return state;
  };
  bench(
    'before: the whole sync-state.json rewritten (atomic, fsync)',
    async () => {
      await writeFileAtomic(
        join(beforeDir, 'feedback', FIRM.profileId, 'bench-sync-state.json'),
        JSON.stringify(next()),
      );
    },
    once,
  );
  // The load (what the sync does once per pass) is the warm-up; each measured run is one page's save.
  let loaded = false;
  bench(
    'after: database (the changed dialog only)',
    async () => {
      if (!loaded) loaded = !!(await store.load());
      await store.save({ watermark: null, lastSyncAt: null, dialogs: next().dialogs });
    },
    { iterations: 20, time: 0, warmupIterations: 1, warmupTime: 0 },
  );
});

describe('one client’s history (60 submissions) from the store', () => {
  const json = jsonRepository();
  const db = openSqliteStore(afterDir).submissions(FIRM.profileId);
  bench('before: JSON files (every record read)', async () => void (await json.history(client)), once);
  bench('after: database (indexed by profile and client)', async () => void (await db.history(client, { limit: 60 })));
});

describe('the overview’s counts per client (500 clients)', () => {
  const store = openSqliteStore(afterDir);
  let listed: Submission[] = [];
  bench(
    'before: from the records in memory and the feedback files',
    async () => {
      listed = listed.length ? listed : await startAndStop(jsonRepository());
      summarise(
        listed,
        JSON.parse(readFileSync(syncStateFile, 'utf8')),
        JSON.parse(readFileSync(readStateFile, 'utf8')),
      );
    },
    once,
  );
  bench('after: summaryByClient (one query)', async () => void (await store.summaryByClient(FIRM.profileId)));
});

/** What an overview had to do before: count each client's states, and its unread feedback through the dialogs. */
function summarise(
  submissions: Submission[],
  sync: { dialogs: Record<string, FeedbackDialog> },
  reads: { unread: string[] },
): ClientSummary[] {
  const byOrg = new Map<string, ClientSummary>();
  const line = (org: string) => {
    let found = byOrg.get(org);
    if (!found) {
      found = emptyClientSummary(org);
      byOrg.set(org, found);
    }
    return found;
  };
  for (const s of submissions) {
    const l = line(targetOrg(s.target));
    if (s.state.kind !== 'cancelled') l[s.state.kind] += 1;
    if (!l.lastActivityAt || s.updatedAt > l.lastActivityAt) l.lastActivityAt = s.updatedAt;
  }
  const dialogOf = new Map<string, string | null>();
  for (const d of Object.values(sync.dialogs)) for (const t of d.transmissions) dialogOf.set(t.id, orgOfParty(d.party));
  for (const t of reads.unread) {
    const org = dialogOf.get(t);
    if (org) line(org).unreadFeedback += 1;
  }
  return [...byOrg.values()];
}
