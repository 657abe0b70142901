import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../main/outbox/audit-log';
import { openSqliteStore } from '../../../main/store/sqlite/sqlite-store';
import type { Store } from '../../../main/store/store';

describe('the audit index in the store', () => {
  let dir: string;
  let store: Store;
  let clock: number;
  const log = () => new AuditLog(join(dir, 'audit.jsonl'), () => new Date(clock++), undefined, store.auditIndex('p1'));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'innsender-audit-index-'));
    store = openSqliteStore(dir);
    clock = Date.parse('2026-02-01T10:00:00Z');
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists a submission’s entries as appended, and catches up with entries the index missed', async () => {
    const audit = log();
    await audit.append({ event: 'queued', submissionId: 's1' });
    await audit.append({ event: 'queued', submissionId: 's2' });
    await audit.append({ event: 'attempt', submissionId: 's1', attempt: 1 });
    expect((await audit.trail('s1')).map((e) => [e.seq, e.event])).toEqual([
      [1, 'queued'],
      [3, 'attempt'],
    ]);
    // Entries written while the index was not told (a crash between the log and the index, or an older build).
    await store.auditIndex('p1').clear();
    const reopened = log();
    expect((await reopened.trail('s1')).map((e) => e.seq)).toEqual([1, 3]);
    await reopened.append({ event: 'received', submissionId: 's1' });
    expect((await reopened.trail('s1')).map((e) => [e.seq, e.event, e.at])).toEqual([
      [1, 'queued', '2026-02-01T10:00:00.000Z'],
      [3, 'attempt', '2026-02-01T10:00:00.002Z'],
      [4, 'received', '2026-02-01T10:00:00.003Z'],
    ]);
    expect(await store.auditIndex('p2').forSubmission('s1')).toEqual([]);
  });

  it('indexes a log that was replaced by a shorter one again from its first line', async () => {
    const audit = log();
    for (let i = 0; i < 4; i++) await audit.append({ event: 'queued', submissionId: `s${i}` });
    const firstTwo = readFileSync(join(dir, 'audit.jsonl'), 'utf8').split('\n').slice(0, 2).join('\n');
    writeFileSync(join(dir, 'audit.jsonl'), `${firstTwo}\n`);
    const reopened = log();
    expect(await reopened.trail('s3')).toEqual([]);
    expect((await reopened.trail('s1')).map((e) => e.seq)).toEqual([2]);
    expect(await store.auditIndex('p1').lastSeq()).toBe(2);
  });
});
