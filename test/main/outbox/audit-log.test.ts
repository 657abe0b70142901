import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../main/outbox/audit-log';

describe('the audit log', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'audit-'));
    file = join(dir, 'audit.jsonl');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function fiveEntries() {
    const log = new AuditLog(file, () => new Date('2026-02-01T10:00:00Z'));
    await log.append({ event: 'queued', submissionId: 's1', payloadSha256: 'a'.repeat(64), idempotencyKey: 'k1' });
    await log.append({ event: 'attempt', submissionId: 's1', attempt: 1 });
    await log.append({
      event: 'failed',
      submissionId: 's1',
      error: { code: 'SKATTEETATEN_AMLD_017', status: 503, korrelasjonsid: 'c1' },
    });
    await log.append({ event: 'attempt', submissionId: 's1', attempt: 2 });
    await log.append({
      event: 'received',
      submissionId: 's1',
      ids: { dialogId: 'd1', forsendelseId: 'f1', meldingsId: 'm,"1"' },
    });
    return log;
  }
  const lines = async () => (await readFile(file, 'utf8')).split('\n').filter(Boolean);
  const rewrite = (ls: string[]) => writeFile(file, `${ls.join('\n')}\n`);

  it('chains every entry to the one before and verifies, also after reopening', async () => {
    await fiveEntries();
    const reopened = new AuditLog(file);
    await reopened.append({ event: 'retry', submissionId: 's2' });
    const entries = await reopened.entries();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(entries[0]?.prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < entries.length; i++) expect(entries[i]?.prevHash).toBe(entries[i - 1]?.hash);
    expect(await reopened.verify()).toMatchObject({ ok: true, entries: 6 });
  });

  it('detects a changed entry at its line', async () => {
    await fiveEntries();
    const ls = await lines();
    ls[2] = (ls[2] as string).replace('"status":503', '"status":500');
    await rewrite(ls);
    expect(await new AuditLog(file).verify()).toMatchObject({
      ok: false,
      findings: [{ line: 3, code: 'AUDIT_HASH', reason: { en: expect.stringContaining('the entry was changed') } }],
    });
  });

  it('detects a removed entry, a reordering, and entries cut off the end', async () => {
    await fiveEntries();
    const original = await lines();
    await rewrite(original.filter((_, i) => i !== 1));
    expect(await new AuditLog(file).verify()).toMatchObject({
      ok: false,
      findings: [{ line: 2, code: 'AUDIT_SEQUENCE' }],
    });
    await rewrite([original[0], original[2], original[1], original[3], original[4]] as string[]);
    expect(await new AuditLog(file).verify()).toMatchObject({
      ok: false,
      findings: [{ line: 2 }, { line: 3 }, { line: 4 }],
    });
    await rewrite(original.slice(0, 3));
    expect(await new AuditLog(file).verify()).toMatchObject({
      ok: false,
      findings: [{ line: 4, code: 'AUDIT_TAIL_CUT', reason: { en: expect.stringContaining('removed from the end') } }],
    });
  });

  it('recovers from an entry left half-written by a crash, and logs that it did', async () => {
    await fiveEntries();
    await appendFile(file, '{"event":"attempt","seq":6,"at":"2026');
    const log = new AuditLog(file);
    await log.append({ event: 'attempt', submissionId: 's1', attempt: 3 });
    const entries = await log.entries();
    expect(entries.slice(-2).map((e) => e.event)).toEqual(['log-recovered', 'attempt']);
    expect(await log.verify()).toMatchObject({ ok: true, entries: 7 });
  });

  it('without a keychain: says the log is not anchored, and still never cuts an entry the head vouches for', async () => {
    await fiveEntries();
    const whole = await readFile(file, 'utf8');
    await writeFile(file, whole.slice(0, -1));
    const log = new AuditLog(file);
    expect(await log.verify()).toMatchObject({ ok: true, entries: 5, anchored: false, notes: [{}, {}] });
    await log.append({ event: 'retry', submissionId: 's1' });
    expect((await log.entries()).map((e) => e.event).slice(-3)).toEqual(['received', 'log-repaired', 'retry']);
    expect(await log.verify()).toMatchObject({ ok: true, entries: 7, anchored: false });
  });

  it('exports CSV (quoted, formula-safe) and JSON', async () => {
    const log = await fiveEntries();
    await log.append({ event: 'failed', submissionId: 's9', note: '=HYPERLINK("x")' });
    const csv = await log.exportCsv();
    const rows = csv.trimEnd().split('\r\n');
    expect(rows).toHaveLength(7);
    expect(rows[0]).toMatch(/^seq,at,event,submissionId/);
    expect(rows[5]).toContain('"m,""1"""');
    expect(rows[6]).toContain(`"'=HYPERLINK(""x"")"`);
    const json = JSON.parse(await log.exportJson()) as { event: string; ids?: { dialogId: string } }[];
    expect(json[4]?.ids?.dialogId).toBe('d1');
  });
});
