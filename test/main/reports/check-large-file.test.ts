import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkReportFiles, type CheckReportOptions } from '../../../main/reports/check-report-files';
import { READ_AGAIN_FROM_BYTES, readReportFileAgain } from '../../../main/reports/read-report-file';
import type { CheckResult } from '../../../shared/reports/check-result';
import { writeAMeldingXml } from '../../../shared/reports/amelding/to-xml';
import { generateAMelding } from '../../bench/generate-amelding';

// Counts the reads again, so the test knows the large file took that path.
vi.mock('../../../main/reports/read-report-file', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../main/reports/read-report-file')>();
  return { ...original, readReportFileAgain: vi.fn(original.readReportFileAgain) };
});

const NOW = new Date('2026-11-23T09:00:00.000Z');
const options: CheckReportOptions = { environment: 'test', today: '2026-01-25', now: () => NOW };
const dir = mkdtempSync(join(tmpdir(), 'innsender-large-'));

/** A result without the name its file was given by (a path, or a dropped file's name). */
const unnamed = (result: CheckResult | undefined) =>
  result && {
    ...result,
    files: result.files.map(({ path: _path, ...file }) => file),
    findings: result.findings.map(({ file: _file, ...finding }) => finding),
  };

describe('an a-melding of 32 MiB or more', () => {
  it('is parsed from its file again in chunks, with the results of a check of the same bytes read whole', async () => {
    // 20,000 people: about 35 MiB.
    const xml = writeAMeldingXml(generateAMelding(20_000), 'v2_2');
    const withRuleError = xml.replace('<sumForskuddstrekk>', '<sumForskuddstrekk>1');
    const at = xml.lastIndexOf('<stillingsprosent>100</stillingsprosent>');
    const withXsdError = `${xml.slice(0, at)}<stillingsprosent>abc</stillingsprosent>${xml.slice(at + 39)}`;
    for (const [name, text] of [
      ['rules.xml', withRuleError],
      ['xsd.xml', withXsdError],
    ] as const) {
      const path = join(dir, name);
      writeFileSync(path, text);
      expect(statSync(path).size).toBeGreaterThanOrEqual(READ_AGAIN_FROM_BYTES);
      vi.mocked(readReportFileAgain).mockClear();
      const [fromFile] = await checkReportFiles([path], options);
      expect(readReportFileAgain).toHaveBeenCalledTimes(1);
      // Dropped bytes are never read again: the text is decoded whole.
      const [whole] = await checkReportFiles([{ name, bytes: new Uint8Array(Buffer.from(text)) }], options);
      expect(readReportFileAgain).toHaveBeenCalledTimes(1);
      expect(unnamed(fromFile)).toEqual(unnamed(whole));
      expect(fromFile!.findings.map((f) => f.code)).toContain(
        name === 'rules.xml' ? 'AMELDING_SUM_FORSKUDDSTREKK' : 'XSD_INVALID',
      );
    }
  }, 120_000);
});
