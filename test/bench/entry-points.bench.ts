import { afterAll, bench, describe } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stageBuiltApp } from '../main/support/staged-app';

/**
 * Issue 11's lean entry points, on a fresh build staged as electron-builder.yml packs it: the preload's size in
 * bytes (it carries channel names only; main validates), and `innsender --help` as a whole process against
 * `node -e 0`, the floor any Node command pays.
 */
const staged = await stageBuiltApp({ renderer: false, preload: true });
const cli = join(staged.dir, 'out', 'cli', 'index.js');
const dataDir = mkdtempSync(join(tmpdir(), 'innsender-bench-cli-'));
const preloadBytes = statSync(join(staged.dir, 'out', 'preload', 'index.cjs')).size;
const run = (args: string[]) => execFileSync(process.execPath, args, { stdio: 'ignore' });

describe('entry points', () => {
  bench('node -e 0 (the floor)', () => void run(['-e', '0']), { iterations: 10, time: 0 });
  bench('innsender --help (built CLI)', () => void run([cli, '--data-dir', dataDir, '--help']), {
    iterations: 10,
    time: 0,
  });
});

afterAll(() => {
  console.log(`preload (out/preload/index.cjs): ${preloadBytes} bytes`);
});
