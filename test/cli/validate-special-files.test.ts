import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_REPORT_BYTES } from '../../shared/reports/xml/decode-report-bytes';
import { fifoHasReader, makeFifo, measuringBytesRead } from '../main/support/special-files';
import { runCliCaptured } from './run-cli';

describe('innsender validate on what is not a regular file', () => {
  it('refuses a FIFO, /dev/zero and a folder (exit 2) without reading them, leaving no reader on the FIFO', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innsender-cli-special-'));
    const fifo = makeFifo(join(dir, 'report.xml'));
    try {
      for (const path of [fifo, '/dev/zero', dir]) {
        // A FIFO opened for reading without a writer never settles: the test then fails on its timeout.
        const { value: run, bytesRead } = await measuringBytesRead(() =>
          runCliCaptured(dir, ['--lang', 'en', 'validate', path]),
        );
        expect(run.code, path).toBe(2);
        expect(run.out, path).toMatch(
          /\[REPORT_NOT_A_FILE\] .* is (a named pipe \(FIFO\)|a device|a folder), not a regular file/,
        );
        // Read to the report limit, /dev/zero would show 256 MiB here (the first run reads some MiB of modules).
        expect(bytesRead, path).toBeLessThan(DEFAULT_MAX_REPORT_BYTES / 4);
      }
      expect(fifoHasReader(fifo)).toBe(false);
    } finally {
      // Releases a reader that did open it blocking, so a failing run does not leave a thread waiting.
      fifoHasReader(fifo);
    }
  });
});
