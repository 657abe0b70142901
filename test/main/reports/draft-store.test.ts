import { copyFileSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReportFiles } from '../../../main/reports/check-report-files';
import { createDraftStore, DraftStoreError } from '../../../main/reports/draft-store';
import type { AMeldingCheckResult } from '../../../shared/reports/check-result';
import { fixturePath } from '../../shared/reports/fixtures';

async function checkedCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'innsender-drafts-'));
  const source = join(dir, 'a-melding.xml');
  copyFileSync(fixturePath('amelding-example-v2_2.xml'), source);
  const [result] = await checkReportFiles([source], { environment: 'test', today: '2026-01-25' });
  return { dir, source, result: result as AMeldingCheckResult };
}

describe('draft store', () => {
  it('saves a checked report and finds it again after re-opening the store', async () => {
    const { dir, result } = await checkedCopy();
    const saved = await createDraftStore(join(dir, 'drafts')).save('profile-1', result);
    const reopened = createDraftStore(join(dir, 'drafts'));
    expect(await reopened.get('profile-1', saved.id)).toEqual(saved);
    const list = await reopened.list('profile-1');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: saved.id, kind: 'amelding', checkedAt: result.checkedAt });
    expect(list[0]?.files[0]).not.toHaveProperty('contentBase64');
    expect(await reopened.list('profile-2')).toEqual([]);
    expect(Buffer.from(saved.files[0]!.contentBase64, 'base64').toString()).toContain('<melding');
    expect(saved.result.kind === 'amelding' && saved.result.summary?.kalendermaaned).toBe('2026-01');
  });

  it("stamps savedAt with the clock it is given, not the machine's", async () => {
    const { dir, result } = await checkedCopy();
    const store = createDraftStore(join(dir, 'drafts'), () => new Date('2026-01-25T09:30:00.000Z'));
    const saved = await store.save('p', result);
    expect(saved.savedAt).toBe('2026-01-25T09:30:00.000Z');
    expect((await store.list('p'))[0]?.savedAt).toBe('2026-01-25T09:30:00.000Z');
  });

  it('writes atomically, leaving no temp files', async () => {
    const { dir, result } = await checkedCopy();
    const store = createDraftStore(join(dir, 'drafts'));
    await store.save('p', result);
    await store.save('p', result);
    expect(readdirSync(join(dir, 'drafts', 'p')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(await store.list('p')).toHaveLength(2);
  });

  it('detects a changed or deleted source file, and refuses to save one changed since checking', async () => {
    const { dir, source, result } = await checkedCopy();
    const store = createDraftStore(join(dir, 'drafts'));
    const draft = await store.save('p', result);
    expect(await store.isSourceChanged(draft)).toBe(false);
    writeFileSync(source, 'changed');
    expect(await store.isSourceChanged(draft)).toBe(true);
    await expect(store.save('p', result)).rejects.toMatchObject({ code: 'DRAFT_SOURCE_CHANGED' });
    await expect(store.save('p', result)).rejects.toBeInstanceOf(DraftStoreError);
  });

  it('lists a draft again only once its file changed, and forgets a deleted one', async () => {
    const { dir, result } = await checkedCopy();
    const store = createDraftStore(join(dir, 'drafts'));
    const draft = await store.save('p', result);
    const path = join(dir, 'drafts', 'p', `${draft.id}.json`);
    const at = new Date('2026-01-25T12:00:00.000Z');
    utimesSync(path, at, at);
    const [first] = await store.list('p');
    // The same inode, size and time count as the same draft: the file is not read again (the overview's refetch
    // stats each draft instead of parsing it), so blanking it in place and putting the time back goes unnoticed.
    const same = readFileSync(path);
    writeFileSync(path, Buffer.alloc(same.byteLength, 0x20));
    utimesSync(path, at, at);
    expect((await store.list('p'))[0]).toBe(first);
    writeFileSync(path, same);
    // Replaced (a temp file renamed over it): read again.
    const rechecked = { ...result, checkedAt: '2026-01-26T10:00:00.000Z', findings: [] };
    await store.replaceResult('p', draft.id, rechecked);
    expect((await store.list('p'))[0]).toMatchObject({ id: draft.id, checkedAt: '2026-01-26T10:00:00.000Z' });
    await store.delete('p', draft.id);
    expect(await store.list('p')).toEqual([]);
  });

  it('deletes drafts and refuses ids that could escape the folder', async () => {
    const { dir, result } = await checkedCopy();
    const store = createDraftStore(join(dir, 'drafts'));
    const draft = await store.save('p', result);
    expect(await store.delete('p', draft.id)).toBe(true);
    expect(await store.delete('p', draft.id)).toBe(false);
    expect(await store.get('p', draft.id)).toBeUndefined();
    expect(() => store.get('../p', draft.id)).toThrow(DraftStoreError);
    expect(() => store.get('p', '../x')).toThrow(DraftStoreError);
  });
});
