import { closeSync, existsSync, mkdirSync, openSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../store';
import { storeCorruptError, storeTooNewError } from '../store-errors';
import { migrate, NewerSchemaError } from './migrations';
import { sqliteAuditIndex } from './sqlite-audit-index';
import { sqliteClients } from './sqlite-clients';
import { sqliteFeedback } from './sqlite-feedback';
import { importLegacyLayout, type LegacyImportReport } from './sqlite-legacy-import';
import { sqliteSubmissions } from './sqlite-submissions';
import { sqliteReceivedPeriods } from './sqlite-periods';
import { sqliteSummaryByClient } from './sqlite-summary';

/** The one database file of a data dir. */
export const DATABASE_FILE = 'innsender.db';

export interface SqliteStoreOptions {
  now?: () => Date;
  /**
   * `FULL` (the default) fsyncs the WAL at every commit, so a committed state survives a power cut: the outbox's
   * promise. `NORMAL` survives a crash of the app but not of the machine; the bench measures both.
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** Told what the first open imported from the old JSON layout (for the log). */
  onLegacyImport?: (report: LegacyImportReport) => void;
  /**
   * The compiled addon to load instead of the one in node_modules: `npm start` runs Electron from the source tree,
   * whose node_modules addon is built for Node (the tests); scripts/electron-native.mjs builds one for Electron.
   */
  nativeBinding?: string;
}

/**
 * Opens (making it, the first time) `<dataDir>/innsender.db`: WAL, the schema brought up to date, and the old
 * JSON layout imported once. A file that is not a database or fails SQLite's quick check is moved aside and the
 * open fails with STORE_CORRUPT: starting empty would forget what the outbox sent.
 */
export function openSqliteStore(dataDir: string, options: SqliteStoreOptions = {}): Store {
  const now = options.now ?? (() => new Date());
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DATABASE_FILE);
  // Made by us first, so the database (and the WAL SQLite makes beside it with the same mode) is the user's alone.
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  let db: Database.Database | undefined;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DamagedError(String(check));
    migrate(db);
  } catch (error) {
    db?.close();
    if (error instanceof NewerSchemaError) throw storeTooNewError(file, error.found, error.known);
    if (error instanceof DamagedError || isCorruption(error)) {
      throw storeCorruptError(file, setAside(file, now()), (error as Error).message);
    }
    throw error;
  }
  const report = importLegacyLayout(db, dataDir, now);
  if (report.submissions + report.clients + report.dialogs + report.unreadable.length > 0) {
    options.onLegacyImport?.(report);
  }
  const open = db;
  const summary = sqliteSummaryByClient(open);
  const periods = sqliteReceivedPeriods(open);
  return {
    location: file,
    submissions: (profileId) => sqliteSubmissions(open, profileId, now),
    clients: (profileId) => sqliteClients(open, profileId),
    feedback: (profileId) => sqliteFeedback(open, profileId),
    auditIndex: (profileId) => sqliteAuditIndex(open, profileId),
    summaryByClient: async (profileId) => summary(profileId),
    receivedPeriods: async (profileId, from) => periods(profileId, from),
    close: async () => void open.close(),
  };
}

class DamagedError extends Error {}

/** SQLITE_CORRUPT, SQLITE_NOTADB and their extended codes (better-sqlite3's SqliteError carries them as `code`). */
function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

/** The damaged file and its WAL, renamed side by side (the WAL holds committed changes the file may lack). */
function setAside(file: string, at: Date): string {
  const keptAs = `${file}.corrupt-${at.toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, keptAs + suffix);
  }
  return keptAs;
}
