import { mkdtempSync } from 'node:fs';
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

  it('stop a check that runs past its time, with a message instead of a spinner', async () => {
    await expect(
      checkReportFilesInWorker([fixturePath('amelding-example-v2_2.xml')], options, { timeoutMs: 1 }),
    ).rejects.toMatchObject({
      code: 'REPORT_CHECK_TIMED_OUT',
      localized: { en: 'The check took more than 0 seconds and was stopped. Is it the right file?' },
    });
  });
});
