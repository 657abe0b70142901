import type Database from 'better-sqlite3';
import { FeedbackDialogSchema, orgOfParty, type FeedbackDialog } from '../../../shared/feedback/feedback-dialog';
import type { FeedbackState, FeedbackStateRepository } from '../store';

/**
 * The feedback sync's memory and the unread marks of one profile. Dialogs are rows (with the client's org from
 * the dialog's party), and each transmission is indexed to its dialog, so unread feedback counts per client in
 * one query. `save` writes only the dialogs that changed since this repository last loaded or saved them: the
 * sync saves after every page, and rewriting years of dialogs each time would cost more than the page.
 */
export function sqliteFeedback(db: Database.Database, profileId: string): FeedbackStateRepository {
  const selectSync = db.prepare<[string], { watermark: string | null; last_sync_at: string | null }>(
    'SELECT watermark, last_sync_at FROM feedback_sync WHERE profile_id = ?',
  );
  const selectDialogs = db.prepare<[string], { dialog_id: string; record: string }>(
    'SELECT dialog_id, record FROM feedback_dialogs WHERE profile_id = ?',
  );
  const upsertSync = db.prepare(
    `INSERT INTO feedback_sync (profile_id, watermark, last_sync_at) VALUES (?, ?, ?)
     ON CONFLICT (profile_id) DO UPDATE SET watermark = excluded.watermark, last_sync_at = excluded.last_sync_at`,
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

  /** What each dialog looked like when last read or written here: `save` compares against it. */
  let written = new Map<string, string>();

  const save = db.transaction((state: FeedbackState) => {
    upsertSync.run(profileId, state.watermark, state.lastSyncAt);
    const next = new Map<string, string>();
    for (const [id, dialog] of Object.entries(state.dialogs)) {
      const json = JSON.stringify(dialog);
      next.set(id, json);
      if (written.get(id) === json) continue;
      upsertDialog.run(profileId, id, orgOfParty(dialog.party), json);
      deleteTransmissions.run(profileId, id);
      for (const t of dialog.transmissions) insertTransmission.run(profileId, t.id, id);
    }
    for (const id of written.keys()) {
      if (next.has(id)) continue;
      deleteDialog.run(profileId, id);
      deleteTransmissions.run(profileId, id);
    }
    written = next;
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
      written = new Map();
      for (const row of selectDialogs.iterate(profileId)) {
        dialogs[row.dialog_id] = FeedbackDialogSchema.parse(JSON.parse(row.record));
        written.set(row.dialog_id, row.record);
      }
      return { watermark: sync?.watermark ?? null, lastSyncAt: sync?.last_sync_at ?? null, dialogs };
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
