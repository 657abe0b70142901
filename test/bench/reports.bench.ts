import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, bench, describe } from 'vitest';
import { checkReportFiles } from '../../main/reports/check-report-files';
import { validateAgainstXsd } from '../../main/reports/xsd-validate';
import { checkAMeldingRules } from '../../shared/reports/amelding/check-rules';
import { writeAMeldingXml } from '../../shared/reports/amelding/to-xml';
import { readReportDocument } from '../../shared/reports/read-report-document';
import { formatTable, ISSUE_CASES, measureInFreshProcesses, TABLE_SIZES } from '../../scripts/measure-report-memory';
import { generateAMelding } from './generate-amelding';

const dir = mkdtempSync(join(tmpdir(), 'innsender-bench-'));

// The yardstick of issue 4: libxml2's own command line, XSD only. CI does not install it, so the case is skipped there.
const NATIVE_XMLLINT = '/usr/bin/xmllint';
const hasNativeXmllint = existsSync(NATIVE_XMLLINT);
const AMELDING_XSD = fileURLToPath(new URL('../../assets/schemas/amelding_v2_2.xsd', import.meta.url));
const run = promisify(execFile);
if (!hasNativeXmllint) console.warn(`Skipping the native xmllint comparison: ${NATIVE_XMLLINT} is not installed.`);

/** Wall times of the full check per size, in this (warm) process, for the table printed at the end. */
const fullCheckMs = new Map<number, number[]>();

for (const recipients of TABLE_SIZES) {
  const leveranse = generateAMelding(recipients);
  const xml = writeAMeldingXml(leveranse, 'v2_2');
  const path = join(dir, `amelding-${recipients}.xml`);
  writeFileSync(path, xml);
  const options = { time: 0, iterations: recipients >= 10_000 ? 3 : 5, warmupIterations: 1 };
  const timings: number[] = [];
  fullCheckMs.set(recipients, timings);

  describe(`a-melding with ${recipients} income recipients (${(xml.length / 1024 / 1024).toFixed(2)} MiB)`, () => {
    bench(
      'parse (saxes) straight onto the model',
      () => {
        readReportDocument(xml, path);
      },
      options,
    );

    bench(
      'XSD validation (xmllint-wasm, in its worker)',
      async () => {
        await validateAgainstXsd([{ key: path, xml }], 'amelding_v2_2');
      },
      options,
    );

    bench.skipIf(!hasNativeXmllint)(
      'native xmllint --noout --schema … (XSD only)',
      async () => {
        await run(NATIVE_XMLLINT, ['--noout', '--schema', AMELDING_XSD, path]);
      },
      options,
    );

    bench(
      'business rules',
      () => {
        checkAMeldingRules(leveranse, { environment: 'test', today: '2026-01-25', source: 'xml' });
      },
      options,
    );

    bench(
      'full check (read file, parse ∥ XSD, rules, summary)',
      async () => {
        const started = performance.now();
        const [result] = await checkReportFiles([path], { environment: 'test', today: '2026-01-25' });
        timings.push(performance.now() - started);
        if (!result?.valid)
          throw new Error(`benchmark input should be valid: ${JSON.stringify(result?.findings.slice(0, 3))}`);
      },
      options,
    );
  });
}

// Peak memory cannot be told apart per size inside this shared process, so each of issue 12's cases (a-melding
// 1k/10k/50k, RF-1086 500/2,000/5,000 shareholder forms) is also checked once in a fresh process
// (scripts/measure-report-memory.ts), side by side with native xmllint; the a-melding sizes timed here add a warm mean.
afterAll(() => {
  const measured = measureInFreshProcesses(ISSUE_CASES);
  const rows = measured.map((m) => {
    // The first run is the warm-up iteration.
    const warm = m.kind === 'amelding' ? (fullCheckMs.get(m.size) ?? []).slice(1) : [];
    return warm.length ? { ...m, warmMs: warm.reduce((a, b) => a + b, 0) / warm.length } : m;
  });
  console.log(`\nIssue 12: report checks against native xmllint\n${formatTable(rows)}\n`);
  // Six fresh processes, each generating its files once and checking a 50,000-person a-melding at the largest: far
  // past the default 10 s a hook may take.
}, 600_000);
