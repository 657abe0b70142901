import type Database from 'better-sqlite3';
import { orgOfParty } from '../../../shared/feedback/feedback-dialog';
import { moveLegacyAside, readLegacyLayout } from '../legacy-layout';
import { INSERT_SUBMISSION, submissionRow } from './sqlite-submissions';

export interface LegacyImportReport {
  submissions: number;
  clients: number;
  dialogs: number;
  /** Old files that did not read: moved aside with the rest, named so the log says which. */
  unreadable: string[];
}

/**
 * Imports the data dir's old JSON layout in one transaction, then moves each old file or folder aside. Every
 * insert leaves what the database already holds alone, so an import repeated after a crash between the commit and
 * the last rename adds nothing twice.
 */
export function importLegacyLayout(db: Database.Database, dataDir: string, now: () => Date): LegacyImportReport {
  const layout = readLegacyLayout(dataDir);
  const report: LegacyImportReport = { submissions: 0, clients: 0, dialogs: 0, unreadable: layout.unreadable };
  if (layout.moves.length === 0) return report;

  const insertSubmission = db.prepare(`${INSERT_SUBMISSION} ON CONFLICT (id) DO NOTHING`);
  const insertPayload = db.prepare('INSERT OR IGNORE INTO payloads (id, profile_id, payload) VALUES (?, ?, ?)');
  const hasRegistry = db.prepare('SELECT 1 FROM client_registries WHERE profile_id = ?');
  const insertRegistry = db.prepare('INSERT INTO client_registries (profile_id, last_sync_error) VALUES (?, ?)');
  const insertClient = db.prepare(
    'INSERT OR IGNORE INTO clients (profile_id, org, position, record) VALUES (?, ?, ?, ?)',
  );
  const insertSync = db.prepare(
    'INSERT OR IGNORE INTO feedback_sync (profile_id, watermark, last_sync_at) VALUES (?, ?, ?)',
  );
  const insertDialog = db.prepare(
    'INSERT OR IGNORE INTO feedback_dialogs (profile_id, dialog_id, client_org, record) VALUES (?, ?, ?, ?)',
  );
  const insertTransmission = db.prepare(
    'INSERT OR IGNORE INTO feedback_transmissions (profile_id, transmission_id, dialog_id) VALUES (?, ?, ?)',
  );
  const insertUnread = db.prepare('INSERT OR IGNORE INTO feedback_unread (profile_id, transmission_id) VALUES (?, ?)');
  const insertImport = db.prepare('INSERT OR REPLACE INTO legacy_imports (path, imported_at) VALUES (?, ?)');

  db.transaction(() => {
    for (const p of layout.profiles) {
      for (const { submission: s, payload } of p.submissions) {
        // A record without its payload cannot be sent again; it is kept (listed, its receipt shown) all the same.
        insertSubmission.run(submissionRow(p.profileId, s));
        if (payload) insertPayload.run(s.id, p.profileId, JSON.stringify(payload));
        report.submissions++;
      }
      if (p.clients && !hasRegistry.get(p.profileId)) {
        insertRegistry.run(p.profileId, p.clients.lastSyncError ? JSON.stringify(p.clients.lastSyncError) : null);
        p.clients.clients.forEach((c, i) => insertClient.run(p.profileId, c.orgNumber, i, JSON.stringify(c)));
        report.clients += p.clients.clients.length;
      }
      if (p.feedback) {
        insertSync.run(p.profileId, p.feedback.watermark, p.feedback.lastSyncAt);
        for (const [id, dialog] of Object.entries(p.feedback.dialogs)) {
          insertDialog.run(p.profileId, id, orgOfParty(dialog.party), JSON.stringify(dialog));
          for (const t of dialog.transmissions) insertTransmission.run(p.profileId, t.id, id);
          report.dialogs++;
        }
      }
      for (const id of p.unread ?? []) insertUnread.run(p.profileId, id);
    }
    const at = now().toISOString();
    for (const move of layout.moves) insertImport.run(move.from, at);
  })();
  moveLegacyAside(layout);
  return report;
}
