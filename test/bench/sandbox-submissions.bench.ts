import { randomUUID } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { journalFileOf } from '../../main/sandbox/state';
import { aMeldingBody } from '../main/support/report-fixtures';
import { AMELDING_ORG, clientsFor, startSkatteetatenSandbox } from '../main/support/skatteetaten-sandbox';

const SUBMISSIONS = 1000;
const WINDOW = 100;
/** The bar: the last hundred submissions may take at most this much longer than the first hundred. */
const MAX_RATIO = 1.5;

/**
 * Seven years of months, a dozen deliveries in each, as a business sends them. A month's tilbakemelding carries the
 * month's totals after all its deliveries (skatteetaten-apis.md §1.5; `amelding-feedback.ts`), so 1,000 in one
 * month would make the work of each answer grow with the month, which is the feedback's content, not the state.
 */
const monthOf = (i: number) => `${2020 + Math.floor((i % 84) / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;
const perHundred = (xs: number[]) =>
  Array.from({ length: xs.length / WINDOW }, (_, k) => median(xs.slice(k * WINDOW, (k + 1) * WINDOW)).toFixed(1));

/**
 * 1,000 a-meldinger through the sandbox as the app sends them (Innsender's AMeldingClient, a systembruker token,
 * the REST route that checks each one, registers it and writes its dialogs), with the state kept in a file as the
 * app keeps it. Time per submission must stay flat as the state grows: the state is saved incrementally, off the
 * main thread, not rewritten whole on every request. Wall time and the process's CPU time are both kept per
 * submission: on a shared machine the wall clock also counts other programs, the CPU time only this one.
 */
describe('the sandbox under 1,000 submissions', () => {
  bench(
    `${SUBMISSIONS} a-meldinger, first ${WINDOW} vs last ${WINDOW}`,
    async () => {
      const stateFile = join(mkdtempSync(join(tmpdir(), 'innsender-bench-sandbox-')), 'state.json');
      const sandbox = await startSkatteetatenSandbox([AMELDING_ORG], { services: ['a-melding'], stateFile });
      const { amelding } = clientsFor(sandbox, AMELDING_ORG);
      const wall: number[] = [];
      const cpu: number[] = [];
      try {
        for (let i = 0; i < SUBMISSIONS; i++) {
          const kalendermaaned = monthOf(i);
          const submission = {
            kalendermaaned,
            opplysningspliktig: AMELDING_ORG,
            body: aMeldingBody(`bench-${i}-${randomUUID()}`, { kalendermaaned }),
            idempotencyKey: randomUUID(),
          };
          const c0 = process.cpuUsage();
          const t0 = performance.now();
          await amelding.submit(submission);
          wall.push(performance.now() - t0);
          const c = process.cpuUsage(c0);
          cpu.push((c.user + c.system) / 1000);
        }
        await sandbox.host.state.flush();
      } finally {
        await sandbox.host.stop();
      }
      const ratio = (xs: number[]) => median(xs.slice(-WINDOW)) / median(xs.slice(0, WINDOW));
      const stateBytes = JSON.stringify(sandbox.host.state.snapshot()).length;
      const onDisk = statSync(stateFile).size + statSync(journalFileOf(stateFile)).size;
      const lines = [
        `sandbox submissions: ${SUBMISSIONS}, state ${(stateBytes / 1024 / 1024).toFixed(1)} MiB in memory, ${(onDisk / 1024 / 1024).toFixed(1)} MiB on disk (snapshot + journal)`,
        `  wall, first ${WINDOW}: median ${ms(median(wall.slice(0, WINDOW)))}; last ${WINDOW}: median ${ms(median(wall.slice(-WINDOW)))}; last/first ${ratio(wall).toFixed(2)}×`,
        `  cpu,  first ${WINDOW}: median ${ms(median(cpu.slice(0, WINDOW)))}; last ${WINDOW}: median ${ms(median(cpu.slice(-WINDOW)))}; last/first ${ratio(cpu).toFixed(2)}×`,
        `  wall per hundred (median): ${perHundred(wall).join(' · ')} ms`,
        `  cpu per hundred (median):  ${perHundred(cpu).join(' · ')} ms`,
        `  bar: last/first ≤ ${MAX_RATIO}×`,
      ];
      process.stdout.write(`\n${lines.join('\n')}\n`);
      if (ratio(wall) > MAX_RATIO && ratio(cpu) > MAX_RATIO) {
        throw new Error(`time per submission grew ${ratio(wall).toFixed(2)}× (CPU ${ratio(cpu).toFixed(2)}×)`);
      }
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
