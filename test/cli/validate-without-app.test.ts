import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixturePath } from '../shared/reports/fixtures';

// A plain `innsender validate` checks files with what validate-data.ts reads of the data folder, not with the
// app's services (issue 12: they were loaded and opened for every check: the keychain's addon, the emulator's
// modules, the database). Each test holds a condition under which the earlier CLI failed.

const FIXTURE = fixturePath('amelding-example-v2_2.xml');

async function cli(dataDir: string, ...args: string[]) {
  const { runCliCaptured } = await import('./run-cli');
  return runCliCaptured(dataDir, args);
}

describe('a plain innsender validate', () => {
  afterEach(() => {
    vi.doUnmock('../../main/app-services');
    vi.doUnmock('../../main/store/data-store');
    vi.resetModules();
  });

  it('checks a file when the data folder cannot be created, and writes nothing into one that exists', async () => {
    // A folder beneath a regular file cannot be made, even by root: the app's services failed on it (exit 3).
    const work = mkdtempSync(join(tmpdir(), 'innsender-cli-no-app-'));
    writeFileSync(join(work, 'a-file'), '');
    const run = await cli(join(work, 'a-file', 'data'), '--json', 'validate', '--env', 'test', FIXTURE);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ ok: true, value: [{ kind: 'amelding', valid: true }] });

    // The app's services wrote settings.json, innsender.db and logs/ into the folder for a check of a file.
    const empty = mkdtempSync(join(tmpdir(), 'innsender-cli-no-app-'));
    expect((await cli(empty, 'validate', '--env', 'test', FIXTURE)).code).toBe(0);
    expect(readdirSync(empty)).toEqual([]);
  });

  it('checks a file with neither the app’s services nor the database there to load, where --route needs them', async () => {
    const unavailable = (what: string) => () => {
      throw new Error(`${what} is not available in this test`);
    };
    vi.resetModules();
    vi.doMock('../../main/app-services', unavailable('the app services module'));
    vi.doMock('../../main/store/data-store', unavailable('the database module'));
    const dir = mkdtempSync(join(tmpdir(), 'innsender-cli-no-app-'));
    const run = await cli(dir, '--lang', 'en', 'validate', '--env', 'test', FIXTURE);
    expect(run.code).toBe(0);
    expect(run.out).toContain('No errors found.');

    // Routing does open the app's services: the mocks do bite (vitest reports the thrown factory as its own error).
    const routed = await cli(dir, 'validate', '--route', FIXTURE);
    expect(routed.code).toBe(3);
    expect(routed.err).toMatch(/^INTERNAL: /);
  });
});
