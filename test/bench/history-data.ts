import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeedbackDialog } from '../../shared/feedback/feedback-dialog';
import type { SubmissionState, SubmissionTarget } from '../../shared/outbox/submission';
import type { SubmissionRepository } from '../../main/store/store';
import { dispatchOk, testAppServices } from '../main/support/test-app-services';
import {
  aMeldingPayload,
  aMeldingSubmission,
  clientOrgNumbers,
  feedbackDialog,
  firmClient,
} from '../main/store/store-fixtures';

/** The firm of issue 14: 500 clients, an a-melding a month for five years each (30,000 submissions). */
export const FIRM = { profileId: '0b7c5e1a-2f4d-4e6a-8c9b-1d2e3f4a5b6c', clients: 500, perClient: 60 };

/**
 * The history's last month is November 2025 (store-fixtures.ts): an app given this clock is in the December after,
 * so the deadlines it shows are ones the history meets or misses.
 */
export const AFTER_HISTORY = () => new Date('2025-12-10T09:00:00.000Z');

/**
 * A data dir with a firm profile made through the channels and the firm's history written beside it in the layout
 * before the database (imported when the app's services next open the data dir).
 */
export async function firmDataDir(dataDir: string): Promise<{ firmId: string; orgs: string[] }> {
  const first = testAppServices(dataDir).services;
  const firm = await dispatchOk(first)<{ id: string }>('profiles.create', {
    orgNumber: '974761076',
    displayName: 'Regnskap AS',
    environment: 'sandbox',
    kind: 'firm',
  });
  await first.dispose();
  const { orgs } = writeFirmHistory(dataDir, { ...FIRM, profileId: firm.id });
  return { firmId: firm.id, orgs };
}

/**
 * Writes a firm's history in the layout before the database (a JSON file per record and per payload, clients.json,
 * the feedback sync's state with a dialog per received submission and its receipt, the unread marks): the
 * "before" of history.bench.ts, and what the database imports for the "after". Plain writes, no fsync: setup only.
 */
export function writeFirmHistory(dataDir: string, scale = FIRM): { orgs: string[]; outboxDir: string } {
  const orgs = clientOrgNumbers(scale.clients);
  const profileDir = join(dataDir, 'profiles', scale.profileId);
  const outboxDir = join(profileDir, 'outbox');
  mkdirSync(join(outboxDir, 'submissions'), { recursive: true });
  mkdirSync(join(outboxDir, 'payloads'), { recursive: true });
  const dialogs: Record<string, FeedbackDialog> = {};
  const unread: string[] = [];
  orgs.forEach((org, c) => {
    for (let n = 0; n < scale.perClient; n++) {
      const s = aMeldingSubmission(org, n, stateOf(c, n, scale.perClient));
      writeFileSync(join(outboxDir, 'submissions', `${s.id}.json`), JSON.stringify(s));
      writeFileSync(join(outboxDir, 'payloads', `${s.id}.json`), JSON.stringify(aMeldingPayload(n)));
      if (s.state.kind === 'received') {
        const dialogId = s.state.receipt.dialogId;
        dialogs[dialogId] = feedbackDialog(org, dialogId, [`${dialogId}-t`]);
        // The newest month's feedback is not read yet.
        if (n === scale.perClient - 2) unread.push(`${dialogId}-t`);
      }
    }
  });
  writeFileSync(
    join(profileDir, 'clients.json'),
    JSON.stringify({ schemaVersion: 1, clients: orgs.map((o) => firmClient(o)), lastSyncError: null }),
  );
  const feedbackDir = join(dataDir, 'feedback', scale.profileId);
  mkdirSync(feedbackDir, { recursive: true });
  writeFileSync(
    join(feedbackDir, 'sync-state.json'),
    JSON.stringify({ version: 1, watermark: '2026-01-20T10:00:00.000Z', lastSyncAt: null, dialogs }),
  );
  writeFileSync(join(feedbackDir, 'read-state.json'), JSON.stringify({ version: 1, unread }));
  return { orgs, outboxDir };
}

/**
 * The same history written through a profile's repository, for a firm the app made with its clients (the browser
 * bench): a-meldinger for the `perClient` months up to `lastMonth` ('YYYY-MM'), in the states `writeFirmHistory` gives.
 */
export async function writeStoredHistory(
  repo: SubmissionRepository,
  orgs: readonly string[],
  lastMonth: string,
  perClient = FIRM.perClient,
): Promise<void> {
  const [year, month] = lastMonth.split('-').map(Number) as [number, number];
  for (const [c, org] of orgs.entries()) {
    for (let n = 0; n < perClient; n++) {
      const s = aMeldingSubmission(org, n, stateOf(c, n, perClient));
      const index = year * 12 + month - 1 - (perClient - 1 - n);
      const kalendermaaned = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
      await repo.write({ ...s, target: { ...s.target, kalendermaaned } as SubmissionTarget });
    }
  }
}

/** Mostly received; the newest month queued for one client in ten, a rejection now and then, a few waiting. */
function stateOf(client: number, n: number, perClient: number): SubmissionState['kind'] {
  if (n === perClient - 1) return client % 10 === 0 ? 'queued' : client % 25 === 1 ? 'failed' : 'received';
  return (client + n) % 97 === 0 ? 'rejected' : 'received';
}
