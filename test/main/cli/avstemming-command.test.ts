import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../cli/run-cli';
import {
  removeSandboxProfileFolder,
  sandboxProfileFolder,
  type SandboxProfileFolder,
} from '../support/sandbox-profile';
import { aMeldingBody } from '../support/report-fixtures';
import { AMELDING_ORG, seedForeignAMelding } from '../support/skatteetaten-sandbox';
import { testAppServices } from '../support/test-app-services';

const EMPLOYEE = '08842199736';

// `innsender avstemming` on the app's data folder, against the emulator the CLI starts itself. The body sent is the
// project's a-melding example (test/fixtures/reports/amelding-example.json); the report's shape is Innsender's
// assumption, as Skatteetaten publishes no example (docs/api/avstemmingsrapport-amelding.md @ 3e022611).
describe('innsender avstemming', () => {
  let folder: SandboxProfileFolder;
  let dataDir: string;
  const cli = (...argv: string[]) => runCliCaptured(dataDir, ['--lang', 'en', ...argv], process.env);

  beforeAll(async () => {
    folder = await sandboxProfileFolder({
      name: 'cli-avstemming',
      orgNumber: AMELDING_ORG,
      displayName: 'Eksempel AS',
      services: ['a-melding', 'a-melding-avstemming'],
    });
    dataDir = folder.dataDir;
    const file = join(dataDir, 'januar.json');
    await writeFile(file, aMeldingBody('avst-cli-1'));
    const sent = await cli('submit', file);
    expect(sent.code).toBe(0);
  });
  afterAll(async () => {
    await removeSandboxProfileFolder(folder);
  });

  it('refuses a period that is neither YYYY-MM nor YYYY (exit 2)', async () => {
    const result = await cli('avstemming', '2026-13');
    expect(result.code).toBe(2);
    expect(result.err).toContain('AVSTEMMING_BAD_PERIOD');
  });

  it('prints the month per income recipient and in total, and writes the CSV (exit 0 when all matches)', async () => {
    const csv = join(dataDir, 'avstemming.csv');
    const result = await cli('avstemming', '2026-01', '--csv', csv);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Reconciliation for ${AMELDING_ORG}, 2026-01`);
    expect(result.out).toMatch(new RegExp(`^  ${EMPLOYEE}.*40000 / 40000  -12000 / -12000  Matches$`, 'm'));
    expect(result.out).toMatch(/^ {2}TOTAL {2}40000 \/ 40000 {2}-12000 \/ -12000 {2}Matches$/m);
    expect(result.out).toMatch(/^ {2}2026-01 {2}avst-cli-1 {2}registered at Skatteetaten, sent from Innsender$/m);
    const lines = (await readFile(csv, 'utf8')).trim().split('\r\n');
    expect(lines.at(-1)).toBe('2026-01;2026-01;SUM;;40000;40000;-12000;-12000;same');

    const year = await cli('--json', 'avstemming', '2026');
    expect(year.code).toBe(0);
    expect(JSON.parse(year.out)).toMatchObject({ ok: true, value: { fra: '2026-01', til: '2026-12' } });
  });

  it('exits 1 when the payroll system has replaced what Innsender sent', async () => {
    const { services } = testAppServices(dataDir);
    try {
      await services.sandbox.ensureRunning();
      const sandbox = services.sandbox.running();
      if (!sandbox) throw new Error('the sandbox is not running');
      const melding = {
        org: AMELDING_ORG,
        kalendermaaned: '2026-01',
        meldingsId: 'lonnssystem-1',
        erstatterMeldingsId: 'avst-cli-1',
      };
      expect(await seedForeignAMelding(sandbox, melding)).toBe(201);
    } finally {
      await services.dispose();
    }
    const result = await cli('avstemming', '2026-01');
    expect(result.code).toBe(1);
    expect(result.out).toMatch(new RegExp(`^! ${EMPLOYEE}.*– / 40000  – / -12000  Only sent from Innsender$`, 'm'));
    expect(result.out).toMatch(/^! TOTAL {2}0 \/ 40000/m);
    expect(result.out).toMatch(
      /^ {2}2026-01 {2}lonnssystem-1 {2}registered at Skatteetaten, not sent from Innsender$/m,
    );
  });
});
