import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { checkReportFilesInWorker } from '../../../main/reports/check-in-worker';
import { checkReportFiles, type CheckReportOptions, type ReportInput } from '../../../main/reports/check-report-files';
import { writeAMeldingXml } from '../../../shared/reports/amelding/to-xml';
import type { CheckResult } from '../../../shared/reports/check-result';
import { generateAMelding } from '../../bench/generate-amelding';
import { fixturePath } from '../../shared/reports/fixtures';

const NOW = new Date('2026-11-23T09:00:00.000Z');
const options: CheckReportOptions = { environment: 'test', profileOrg: '211785462', now: () => NOW };
const dir = mkdtempSync(join(tmpdir(), 'innsender-check-worker-'));

/** The longest the main thread's event loop was held while `run` went on (perf_hooks' histogram, in ms). */
async function longestStall(run: () => Promise<unknown>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  try {
    await run();
    // The sampling timer records a stall only when it fires after it: let it, before the histogram stops.
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    histogram.disable();
  }
  return histogram.max / 1e6;
}

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

  it('never hold the main event loop while a large a-melding is checked; the same check inline does', async () => {
    const path = join(dir, 'large.xml');
    writeFileSync(path, writeAMeldingXml(generateAMelding(10_000), 'v2_2'));
    const BOUND_MS = 200;

    // The worker first: the inline check leaves a large heap behind, and its collection would stall either run.
    let worker: CheckResult[] = [];
    const workerStall = await longestStall(async () => (worker = await checkReportFilesInWorker([path], options)));
    let inline: CheckResult[] = [];
    const inlineStall = await longestStall(async () => (inline = await checkReportFiles([path], options)));

    console.info(`longest main-thread stall: inline ${inlineStall.toFixed(0)} ms, worker ${workerStall.toFixed(0)} ms`);
    expect(worker).toEqual(inline);
    expect(worker[0]).toMatchObject({ kind: 'amelding', summary: { inntektsmottakere: 10_000 } });
    // The bound is one a blocking check fails (the inline run proves it on this machine, under this load): inline
    // stalls measured 1.2–1.5 s before the batched XSD engine and 370–400 ms after it, the worker's 15–130 ms (timer lateness on 2 shared cores, not the check).
    expect(inlineStall).toBeGreaterThan(BOUND_MS);
    expect(workerStall).toBeLessThan(BOUND_MS);
  }, 60_000);
});
