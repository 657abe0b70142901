import type Database from 'better-sqlite3';
import { FeedbackDialogSchema, orgOfParty, type FeedbackDialog } from '../../../shared/feedback/feedback-dialog';
import type { FeedbackState, FeedbackStateRepository } from '../store';

/**
 * The feedback sync's memory and the unread marks of one profile. Dialogs are rows (with the client's org from
 * the dialog's party), and each transmission is indexed to its dialog, so unread feedback counts per client in
 * one query. `save` writes only the dialogs that changed since this repository last loaded or saved them: the
 * sync saves after every page, and rewriting (or even serialising) years of dialogs each time would cost more than
 * the page. A dialog the sync saw again is a new object (feedback-sync.ts replaces it, never edits it in place), so
 * an unchanged one is known by being the same object with the same `updatedAt` and number of transmissions.
 */
export function sqliteFeedback(db: Database.Database, profileId: string): FeedbackStateRepository {
  const selectSync = db.prepare<
    [string],
    { watermark: string | null; last_sync_at: string | null; parties: string | null }
  >('SELECT watermark, last_sync_at, parties FROM feedback_sync WHERE profile_id = ?');
  const selectDialogs = db.prepare<[string], { dialog_id: string; record: string }>(
    'SELECT dialog_id, record FROM feedback_dialogs WHERE profile_id = ?',
  );
  const upsertSync = db.prepare(
    `INSERT INTO feedback_sync (profile_id, watermark, last_sync_at, parties) VALUES (?, ?, ?, ?)
     ON CONFLICT (profile_id) DO UPDATE SET watermark = excluded.watermark, last_sync_at = excluded.last_sync_at,
       parties = excluded.parties`,
  );
  const upsertDialog = db.prepare(
    `INSERT INTO feedback_dialogs (profile_id, dialog_id, client_org, record) VALUES (?, ?, ?, ?)
     ON CONFLICT (profile_id, dialog_id) DO UPDATE SET client_org = excluded.client_org, record = excluded.record`,
  );
  const deleteDialog = db.prepare('DELETE FROM feedback_dialogs WHERE profile_id = ? AND dialog_id = ?');
  const deleteTransmissions = db.prepare('DELETE FROM feedback_transmissions WHERE profile_id = ? AND dialog_id = ?');
  const insertTransmission = db.prepare(
    'INSERT OR REPLACE INTO feedback_transmissions (profile_id, transmission_id, dialog_id) VALUES (?, ?, ?)',
  );
  const selectUnread = db.prepare<[string], { transmission_id: string }>(
    'SELECT transmission_id FROM feedback_unread WHERE profile_id = ?',
  );
  const insertUnread = db.prepare('INSERT OR IGNORE INTO feedback_unread (profile_id, transmission_id) VALUES (?, ?)');
  const deleteUnread = db.prepare('DELETE FROM feedback_unread WHERE profile_id = ? AND transmission_id = ?');

  /** Each dialog as last read or written here: `save` skips the ones that are still exactly that. */
  let known = new Map<string, Known>();

  const save = db.transaction((state: FeedbackState) => {
    upsertSync.run(profileId, state.watermark, state.lastSyncAt, state.parties ? JSON.stringify(state.parties) : null);
    const next = new Map<string, Known>();
    for (const [id, dialog] of Object.entries(state.dialogs)) {
      const seen = known.get(id);
      if (seen && unchanged(seen, dialog)) {
        next.set(id, seen);
        continue;
      }
      upsertDialog.run(profileId, id, orgOfParty(dialog.party), JSON.stringify(dialog));
      deleteTransmissions.run(profileId, id);
      for (const t of dialog.transmissions) insertTransmission.run(profileId, t.id, id);
      next.set(id, knownOf(dialog));
    }
    for (const id of known.keys()) {
      if (next.has(id)) continue;
      deleteDialog.run(profileId, id);
      deleteTransmissions.run(profileId, id);
    }
    known = next;
  });
  const addUnread = db.transaction((ids: readonly string[]) => {
    for (const id of ids) insertUnread.run(profileId, id);
  });
  const markRead = db.transaction((ids: readonly string[]) => {
    for (const id of ids) deleteUnread.run(profileId, id);
  });

  return {
    async load() {
      const sync = selectSync.get(profileId);
      const dialogs: Record<string, FeedbackDialog> = {};
      known = new Map();
      for (const row of selectDialogs.iterate(profileId)) {
        const dialog = FeedbackDialogSchema.parse(JSON.parse(row.record));
        dialogs[row.dialog_id] = dialog;
        known.set(row.dialog_id, knownOf(dialog));
      }
      const parties = sync?.parties ? (JSON.parse(sync.parties) as unknown) : null;
      return {
        watermark: sync?.watermark ?? null,
        lastSyncAt: sync?.last_sync_at ?? null,
        dialogs,
        ...(Array.isArray(parties) ? { parties: parties.map(String) } : {}),
      };
    },
    async save(state) {
      save(state);
    },
    async unread() {
      return selectUnread.all(profileId).map((row) => row.transmission_id);
    },
    async addUnread(ids) {
      addUnread(ids);
    },
    async markRead(ids) {
      markRead(ids);
    },
  };
}

interface Known {
  dialog: FeedbackDialog;
  updatedAt: string;
  transmissions: number;
}

const knownOf = (dialog: FeedbackDialog): Known => ({
  dialog,
  updatedAt: dialog.updatedAt,
  transmissions: dialog.transmissions.length,
});

const unchanged = (seen: Known, dialog: FeedbackDialog): boolean =>
  seen.dialog === dialog && seen.updatedAt === dialog.updatedAt && seen.transmissions === dialog.transmissions.length;
