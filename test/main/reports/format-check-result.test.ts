import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReportFiles } from '../../../main/reports/check-report-files';
import { formatCheckResult } from '../../../main/reports/format-check-result';
import { writeRf1086Return } from '../../bench/generate-rf1086';

describe("innsender validate's text for a large RF-1086 return", () => {
  it('names a return of 1,200 forms by its first files and a count, and groups its counts the Norwegian way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innsender-format-'));
    const [result] = await checkReportFiles(writeRf1086Return(1_200, dir), {
      environment: 'test',
      today: '2026-01-25',
    });
    // The heading names the paths as given; the folder is left out here.
    const nb = formatCheckResult(result!, 'nb').replaceAll(`${dir}/`, '').split('\n');
    // One heading line of three names and a count, not 1,201 names.
    expect(nb[0]).toBe('== hovedskjema.xml, underskjema-00001.xml, underskjema-00002.xml og 1 198 til (1 201 filer)');
    expect(nb).toContain('Aksjonærer: 1 200');
    expect(nb.find((line) => line.includes(' aksjer, '))).toMatch(
      /^ {2}.+: \d{1,3}( \d{3})+ aksjer, 1 200 aksjonærer, /,
    );
    const en = formatCheckResult(result!, 'en').replaceAll(`${dir}/`, '').split('\n');
    expect(en[0]).toBe('== hovedskjema.xml, underskjema-00001.xml, underskjema-00002.xml and 1,198 more (1,201 files)');
    expect(en).toContain('Shareholders: 1,200');
  });

  it('names every file of a small set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innsender-format-'));
    const [result] = await checkReportFiles(writeRf1086Return(3, dir), { environment: 'test', today: '2026-01-25' });
    expect(formatCheckResult(result!, 'nb').replaceAll(`${dir}/`, '').split('\n')[0]).toBe(
      '== hovedskjema.xml, underskjema-00001.xml, underskjema-00002.xml, underskjema-00003.xml',
    );
  });
});
