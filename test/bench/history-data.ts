import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeedbackDialog } from '../../shared/feedback/feedback-dialog';
import type { SubmissionState } from '../../shared/outbox/submission';
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

/** Mostly received; the newest month queued for one client in ten, a rejection now and then, a few waiting. */
function stateOf(client: number, n: number, perClient: number): SubmissionState['kind'] {
  if (n === perClient - 1) return client % 10 === 0 ? 'queued' : client % 25 === 1 ? 'failed' : 'received';
  return (client + n) % 97 === 0 ? 'rejected' : 'received';
}
