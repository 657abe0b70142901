import { mkdtempSync, openSync, closeSync, ftruncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReportFile, readReportFileAgain } from '../../../main/reports/read-report-file';
import { fixturePath } from '../../shared/reports/fixtures';

const tmp = mkdtempSync(join(tmpdir(), 'innsender-read-'));

describe('readReportFile', () => {
  it('reads, hashes and decodes a report', async () => {
    const result = await readReportFile(fixturePath('amelding-example-v2_2.xml'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.file.text).toContain('<melding');
    expect(result.file.encoding).toBe('utf-8');
  });

  it('refuses a 300 MB file from its size alone, without reading it', async () => {
    const path = join(tmp, 'huge.xml');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 300 * 1024 * 1024); // sparse: no disk space, no reading
    closeSync(fd);
    const before = process.memoryUsage().rss;
    const result = await readReportFile(path);
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
    expect(!result.ok && result.finding.code).toBe('REPORT_TOO_LARGE');
    expect(!result.ok && result.finding.message.en).toBe(
      'The file is 300.0 MiB; the limit is 256.0 MiB. Split the report or raise the limit in the settings.',
    );
  });

  it('honours a configured ceiling', async () => {
    const path = join(tmp, 'small.xml');
    writeFileSync(path, '<a>' + 'x'.repeat(2000) + '</a>');
    const result = await readReportFile(path, { maxBytes: 1000 });
    expect(!result.ok && result.finding.code).toBe('REPORT_TOO_LARGE');
  });

  it('reports broken UTF-8 with line and column, a missing file and a directory', async () => {
    const broken = await readReportFile(fixturePath('broken-utf8.xml'));
    expect(!broken.ok && broken.finding).toMatchObject({ code: 'REPORT_ENCODING_INVALID', line: 4, column: 23 });
    const missing = await readReportFile(join(tmp, 'nope.xml'));
    expect(!missing.ok && missing.finding.code).toBe('REPORT_FILE_NOT_FOUND');
    const directory = await readReportFile(tmp);
    expect(!directory.ok && directory.finding.code).toBe('REPORT_NOT_A_FILE');
  });
});

describe('readReportFileAgain', () => {
  const text = '<a>æøå ' + '€'.repeat(400_000) + '</a>';
  const path = join(tmp, 'again.xml');
  // A byte order mark, and characters of two and three bytes that the 1 MiB chunks split.
  writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));

  it('hands the text over in pieces that make the whole text, when the bytes are those read before', async () => {
    const first = await readReportFile(path);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const pieces: string[] = [];
    expect(await readReportFileAgain(path, { sha256: first.file.sha256 }, (piece) => pieces.push(piece))).toEqual({
      ok: true,
    });
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(first.file.text);
  });

  it('says the file changed when its bytes are not those read before', async () => {
    const read = await readReportFileAgain(path, { sha256: '0'.repeat(64) }, () => {});
    expect(!read.ok && read.finding).toMatchObject({
      code: 'REPORT_FILE_CHANGED',
      severity: 'error',
      message: {
        nb: 'Filen ble endret mens den ble kontrollert. Kontroller den på nytt når den er ferdig lagret.',
        en: 'The file changed while it was being checked. Check it again once it has been saved completely.',
      },
    });
  });
});
