import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './run-cli';

describe('innsender on a data folder whose database is damaged', () => {
  const damaged = () => {
    const dir = mkdtempSync(join(tmpdir(), 'innsender-cli-damaged-'));
    writeFileSync(join(dir, 'innsender.db'), 'not a database '.repeat(400));
    return dir;
  };

  it('says so with the code and the kept file, in bokmål by default, and exits 3', async () => {
    const dir = damaged();
    const run = await runCliCaptured(dir, ['outbox', 'list']);
    const keptAs = readdirSync(dir).find((n) => n.startsWith('innsender.db.corrupt-'));
    expect(keptAs).toBeDefined();
    expect(run.code).toBe(3);
    expect(run.out).toBe('');
    expect(run.err).toMatch(/^STORE_CORRUPT: Databasen til Innsender .* er skadet og kan ikke leses\./);
    expect(run.err).toContain(keptAs);
    expect(run.err).not.toContain('INTERNAL');
  });

  it('gives the same error as JSON with --json, and in English with --lang en', async () => {
    const json = await runCliCaptured(damaged(), ['--json', 'outbox', 'list']);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, error: { code: 'STORE_CORRUPT' } });
    const en = await runCliCaptured(damaged(), ['--lang', 'en', 'outbox', 'list']);
    expect(en.err).toMatch(/^STORE_CORRUPT: Innsender's database .* is damaged and cannot be read\./);
  });
});
