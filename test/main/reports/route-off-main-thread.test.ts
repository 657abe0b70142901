import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkReportFilesInWorker, identifyReportsInWorker } from '../../../main/reports/check-in-worker';
import { createReportsService } from '../../../main/reports/reports-service';
import { routingTargetsFor } from '../../../main/reports/route-targets';
import type { Profile } from '../../../shared/domain/profile';
import type { RouteProgress } from '../../../shared/reports/report-routing';
import { fixtureText } from '../../shared/reports/fixtures';

// As check-off-main-thread.test.ts: reading a report on this thread is forbidden, so routing a folder can succeed
// only if reading who each file is for and the checks all ran in worker threads.
vi.mock('../../../shared/reports/read-report-document', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/reports/read-report-document')>()),
  readReportDocument: () => {
    throw new Error('a report was parsed on the main thread');
  },
}));

const NOW = () => new Date('2026-01-25T12:00:00Z');
/** Four clients with valid org numbers; the first is the a-melding fixture's opplysningspliktig. */
const CLIENTS = ['211785462', '311000004', '312000008', '313000002'].map((orgNumber, i) => ({
  orgNumber,
  name: `Klient ${i + 1} AS`,
}));

const aMeldingFor = (org: string, n: number) =>
  fixtureText('amelding-example-v2_2.xml')
    .replace(/<meldingsId>[^<]+<\/meldingsId>/, `<meldingsId>route${String(n).padStart(4, '0')}</meldingsId>`)
    .replace('<norskIdentifikator>211785462</norskIdentifikator>', `<norskIdentifikator>${org}</norskIdentifikator>`);

describe('routing a folder of 200 files', () => {
  it('reads and checks every file in worker threads, at most two at a time, with progress', async () => {
    const draftsDir = mkdtempSync(join(tmpdir(), 'innsender-route-200-'));
    try {
      const firm: Profile = {
        id: randomUUID(),
        orgNumber: '974761076',
        displayName: 'Regnskap AS',
        environment: 'sandbox',
        kind: 'firm',
        createdAt: '2026-01-01T00:00:00.000Z',
      };
      let running = 0;
      let most = 0;
      const counted =
        <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
        async (...args: A): Promise<R> => {
          most = Math.max(most, ++running);
          try {
            return await run(...args);
          } finally {
            running--;
          }
        };
      const progress: RouteProgress[] = [];
      const service = createReportsService({
        draftsDir,
        activeProfile: () => firm,
        desktop: { pickFiles: async () => [] },
        language: () => 'nb',
        checkFiles: counted((inputs, options) => checkReportFilesInWorker(inputs, options)),
        check: { now: NOW, today: '2026-01-25' },
        routing: {
          targets: (active) =>
            routingTargetsFor(active, {
              profiles: () => [firm],
              clients: async () => CLIENTS,
              submissionsOf: async () => [],
              check: { now: NOW, today: '2026-01-25' },
            }),
          identify: counted((inputs, limits) => identifyReportsInWorker(inputs, limits)),
          onProgress: (p) => progress.push(p),
        },
      });
      const files = Array.from({ length: 200 }, (_, i) => ({
        name: `melding-${i}.xml`,
        contentBase64: Buffer.from(aMeldingFor(CLIENTS[i % 4]!.orgNumber, i)).toString('base64'),
      }));

      const started = performance.now();
      const routed = await service.routeContent(files);
      const seconds = (performance.now() - started) / 1000;

      expect(routed.groups.map((g) => [g.target.orgNumber, g.checks.length])).toEqual(
        CLIENTS.map((c) => [c.orgNumber, 50]),
      );
      expect(routed.groups.flatMap((g) => g.checks).every((c) => c.result.kind === 'amelding')).toBe(true);
      expect(routed.unknown).toEqual([]);
      expect(routed.unreadable).toEqual([]);
      expect(most).toBeLessThanOrEqual(2);
      expect(progress.filter((p) => p.phase === 'reading').map((p) => p.done)).toEqual([0, 50, 100, 150, 200]);
      expect(progress.at(-1)).toEqual({ phase: 'checking', done: 200, total: 200 });
      // The figure for the report, not a bound: time on two shared cores proves nothing, and a hang fails on the
      // test's timeout; what the test proves is counted above (workers at a time, progress, groups).
      console.info(`routed 200 files in ${seconds.toFixed(1)} s`);

      // Inline, the same routing reaches the forbidden parser: the mock is in force, so the pass above proves it.
      const inline = createReportsService({
        draftsDir,
        activeProfile: () => firm,
        desktop: { pickFiles: async () => [] },
        language: () => 'nb',
        routing: { targets: async () => [] },
      });
      await expect(inline.routeContent(files.slice(0, 1))).rejects.toThrow('a report was parsed on the main thread');
    } finally {
      rmSync(draftsDir, { recursive: true, force: true });
    }
  }, 180_000);
});
