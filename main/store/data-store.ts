import { resolve } from 'node:path';
import type { Store } from './store';
import { openSqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store';

/**
 * The one open store per data dir in this process. The app opens it where it assembles its services
 * (`openDataStore`, so a damaged database stops the start with its message); the modules that are given a data
 * dir (the outbox, the firm's clients, the feedback state) find that same store here rather than each opening the
 * file again.
 */
const open = new Map<string, Store>();

export function openDataStore(dataDir: string, options: SqliteStoreOptions = {}): Store {
  const key = resolve(dataDir);
  let store = open.get(key);
  if (!store) {
    store = openSqliteStore(key, options);
    open.set(key, store);
  }
  return store;
}

/** The data dir's store, opened now if nothing opened it yet (a CLI command, a test). */
export function dataStore(dataDir: string): Store {
  return openDataStore(dataDir);
}

export async function closeDataStore(dataDir: string): Promise<void> {
  const key = resolve(dataDir);
  const store = open.get(key);
  open.delete(key);
  await store?.close();
}
