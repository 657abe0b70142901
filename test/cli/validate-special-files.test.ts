import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './run-cli';

describe('innsender validate on what is not a regular file', () => {
  it('refuses a FIFO, /dev/zero and a folder at once (exit 2), without opening the FIFO for reading', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innsender-cli-special-'));
    const fifo = join(dir, 'report.xml');
    execFileSync('mkfifo', [fifo]);
    for (const path of [fifo, '/dev/zero', dir]) {
      const started = performance.now();
      const run = await Promise.race([
        runCliCaptured(dir, ['--lang', 'en', 'validate', path]),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${path}: still waiting`)), 3000)),
      ]);
      expect(performance.now() - started, path).toBeLessThan(3000);
      expect(run.code, path).toBe(2);
      expect(run.out, path).toMatch(
        /\[REPORT_NOT_A_FILE\] .* is (a named pipe \(FIFO\)|a device|a folder), not a regular file/,
      );
    }
  });
});
