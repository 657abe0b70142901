import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../main/store/sqlite/sqlite-store';

const require = createRequire(import.meta.url);
/** The addon node_modules holds (built for this Node): what `npm start` hands over is a file like it, for Electron. */
const nodeBuild = join(
  dirname(require.resolve('better-sqlite3/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
);

/** `npm start` runs Electron from the source tree with an addon built for it (scripts/electron-native.mjs). */
describe('the SQLite addon the store loads', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'innsender-binding-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('is the one named in nativeBinding when given', async () => {
    const store = openSqliteStore(dataDir(), { nativeBinding: nodeBuild });
    expect(await store.submissions('7f0c1c1e-5d53-4a43-9d4e-2b1f0c3e9a10').list()).toEqual([]);
    await store.close();
  });

  it('is not silently replaced by node_modules’ own when the named one cannot load, and the data stays put', () => {
    const dir = dataDir();
    expect(() => openSqliteStore(dir, { nativeBinding: join(dir, 'missing.node') })).toThrow();
    // An addon that does not load says nothing about the database: it is not set aside as damaged.
    expect(readdirSync(dir).filter((name) => name.includes('corrupt'))).toEqual([]);
  });
});
