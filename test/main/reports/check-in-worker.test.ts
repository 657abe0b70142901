import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReportFilesInWorker } from '../../../main/reports/check-in-worker';
import { checkReportFiles, type CheckReportOptions, type ReportInput } from '../../../main/reports/check-report-files';
import type { CheckResult } from '../../../shared/reports/check-result';
import { fixturePath } from '../../shared/reports/fixtures';

const NOW = new Date('2026-11-23T09:00:00.000Z');
const options: CheckReportOptions = { environment: 'test', profileOrg: '211785462', now: () => NOW };
const dir = mkdtempSync(join(tmpdir(), 'innsender-check-worker-'));

describe('report checks in a worker thread', () => {
  it('give the same results as the check on the main thread, for paths and for dropped bytes', async () => {
    const inputs: ReportInput[] = [
      fixturePath('amelding-example-v2_2.xml'),
      { name: 'dropped.xml', bytes: new Uint8Array(Buffer.from('<melding><x></melding>')) },
      join(dir, 'missing.xml'),
    ];
    const inWorker = await checkReportFilesInWorker(inputs, options);
    expect(inWorker).toEqual(await checkReportFiles(inputs, options));
    expect(inWorker.map((r: CheckResult) => r.kind)).toEqual(['unreadable', 'unreadable', 'amelding']);
  });

  it('run once more with a larger heap when the first limit is too small, with the same results', async () => {
    const limits: number[] = [];
    const heapLimits = {
      // 4 MiB cannot even load the check's modules: the worker runs out of memory.
      first: (totalBytes: number, files: number) => (
        limits.push(totalBytes, files),
        { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 }
      ),
      retry: (first: { maxOldGenerationSizeMb: number }) => {
        limits.push(first.maxOldGenerationSizeMb);
        return { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 };
      },
    };
    const inputs = [fixturePath('amelding-example-v2_2.xml')];
    const results = await checkReportFilesInWorker(inputs, options, { heapLimits });
    expect(results).toEqual(await checkReportFiles(inputs, options));
    // The first limit was asked for the file's size and count; the retry was given the limit that ran out.
    expect(limits).toEqual([statSync(inputs[0]!).size, 1, 4]);
  });

  it('say in words when the check runs out of memory again, instead of crashing', async () => {
    const tiny = { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 };
    const heapLimits = { first: () => tiny, retry: () => tiny };
    await expect(
      checkReportFilesInWorker([fixturePath('amelding-example-v2_2.xml')], options, { heapLimits }),
    ).rejects.toMatchObject({
      code: 'REPORT_CHECK_OUT_OF_MEMORY',
      localized: {
        nb: 'Filene er for store til å kontrolleres med minnet Innsender har til rådighet. Kontroller færre filer om gangen, eller del opp rapporten.',
        en: 'The files are too large to check with the memory Innsender has available. Check fewer files at a time, or split the report.',
      },
    });
  });

  it('stop a check that runs past its time, with a message instead of a spinner', async () => {
    await expect(
      checkReportFilesInWorker([fixturePath('amelding-example-v2_2.xml')], options, { timeoutMs: 1 }),
    ).rejects.toMatchObject({
      code: 'REPORT_CHECK_TIMED_OUT',
      localized: { en: 'The check took more than 0 seconds and was stopped. Is it the right file?' },
    });
  });
});
