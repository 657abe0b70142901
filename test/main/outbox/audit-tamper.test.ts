import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { appendFile, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertKeychainUsable, createKeytarKeyStore } from '../../../main/keys/keytar-key-store';
import { entryHash, type AuditEntry } from '../../../main/outbox/audit-entry';
import { keychainAuditKeyring, type AuditKeyring } from '../../../main/outbox/audit-key';
import { AuditLog } from '../../../main/outbox/audit-log';
import { createOutbox } from '../../../main/outbox/outbox';
import type { AuditVerifyResult } from '../../../shared/outbox/outbox-views';

// Every way someone who can edit only the data folder might hide or change what the log says, against an audit
// log anchored by an HMAC key in the real OS keychain (Secret Service under scripts/with-keyring.sh, never a fake).
describe('the anchored audit log against tampering', () => {
  const keyStore = createKeytarKeyStore({ service: `no.innsender.test.${randomUUID()}` });
  const at = () => new Date('2026-02-01T10:00:00Z');
  let dir: string;
  let file: string;
  let keyring: AuditKeyring;
  let profileId: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'audit-tamper-'));
    file = join(dir, 'audit.jsonl');
    // A profile of its own per test, so each starts without a key.
    profileId = randomUUID();
    keyring = keychainAuditKeyring(keyStore, profileId);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  afterAll(async () => {
    for (const account of await keyStore.list()) await keyStore.delete(account);
  });

  const open = () => new AuditLog(file, at, keyring);
  async function written(count: number, log = open()) {
    for (let i = 1; i <= count; i++) {
      await log.append({ event: 'attempt', submissionId: `s${i}`, attempt: 1, label: `A-melding ${i}` });
    }
    return log;
  }
  const text = () => readFile(file, 'utf8');
  const lines = async () => (await text()).split('\n').filter(Boolean);
  const rewrite = (ls: string[]) => writeFile(file, `${ls.join('\n')}\n`);
  const codes = (result: AuditVerifyResult) => (result.ok ? [] : result.findings.map((f) => `${f.code}@${f.line}`));
  /** What an editor of the folder can do to an entry: change it, and recompute its hash (no key, so no MAC). */
  const rehash = (entry: AuditEntry): AuditEntry => {
    const { hash: _hash, mac: _mac, ...body } = entry;
    return { ...body, hash: entryHash(body) };
  };
  /** Recomputes the chain from `from` (0-based) on, as someone hiding an edit would. */
  const rechain = (entries: AuditEntry[], from: number) => {
    for (let i = from; i < entries.length; i++) {
      const prevHash = i === 0 ? '0'.repeat(64) : (entries[i - 1] as AuditEntry).hash;
      entries[i] = rehash({ ...(entries[i] as AuditEntry), seq: i + 1, prevHash });
    }
    return entries;
  };
  const parsed = async () => (await lines()).map((l) => JSON.parse(l) as AuditEntry);

  it('anchors a new log from its first entry: a MAC on every entry and on the head, the key in the keychain', async () => {
    await assertKeychainUsable(keyStore);
    await written(5);
    const entries = await parsed();
    expect(entries.every((e) => /^[0-9a-f]{64}$/.test(e.mac ?? ''))).toBe(true);
    expect(JSON.parse(await readFile(`${file}.head`, 'utf8'))).toMatchObject({ seq: 5, mac: expect.any(String) });
    expect(await keyring.read()).toMatchObject({ since: 1, pending: false });
    // The key is in the keychain, never in the data folder.
    const key = (await keyring.read())?.key.toString('base64') ?? '-';
    expect(await text()).not.toContain(key);
    expect(await open().verify()).toEqual({
      ok: true,
      entries: 5,
      lastHash: entries[4]?.hash,
      anchored: true,
      notes: [],
    });
  });

  it('finds entries cut off the end with the head left as it was, and the next write records it for good', async () => {
    await written(6);
    await rewrite((await lines()).slice(0, 4));
    const result = await open().verify();
    expect(codes(result)).toEqual(['AUDIT_TAIL_CUT@5']);
    expect(!result.ok && result.findings[0]?.reason.nb).toContain('Oppføring 5–6 er fjernet fra slutten');

    const log = open();
    await log.append({ event: 'retry', submissionId: 's9' });
    expect((await log.entries()).map((e) => e.event).slice(-2)).toEqual(['log-damaged', 'retry']);
    // The new head and MACs do not wash it out: verify names the entry where it was recorded.
    expect(codes(await log.verify())).toEqual(['AUDIT_DAMAGE_RECORDED@5']);
  });

  it('finds entries cut off the end with the head rewritten to match (no key, so no valid MAC)', async () => {
    await written(6);
    const kept = (await parsed()).slice(0, 4);
    await rewrite(kept.map((e) => JSON.stringify(e)));
    const last = kept[3] as AuditEntry;
    await writeFile(`${file}.head`, JSON.stringify({ seq: last.seq, hash: last.hash }));
    expect(codes(await open().verify())).toEqual(['AUDIT_HEAD_FORGED@null']);
    // A MAC made with a key of one's own does not pass either.
    const forged = createHmac('sha256', randomBytes(32)).update(`innsender-audit-head:4:${last.hash}`).digest('hex');
    await writeFile(`${file}.head`, JSON.stringify({ seq: last.seq, hash: last.hash, mac: forged }));
    expect(codes(await open().verify())).toEqual(['AUDIT_HEAD_FORGED@null']);

    const log = open();
    await log.append({ event: 'retry', submissionId: 's9' });
    expect(codes(await log.verify())).toEqual(['AUDIT_DAMAGE_RECORDED@5']);
  });

  it('finds the log and its head deleted together (the keychain remembers the log was written)', async () => {
    await written(5);
    await rm(file);
    await rm(`${file}.head`);
    const result = await open().verify();
    expect(codes(result)).toEqual(['AUDIT_ANCHOR_CUT@1']);
    expect(!result.ok && result.findings[0]?.reason.en).toContain('the log is empty or deleted');
    expect(result.entries).toBe(0);
  });

  it('finds the head deleted alone, also with a single entry once the keychain says its head was written', async () => {
    await written(5);
    await rm(`${file}.head`);
    expect(codes(await open().verify())).toEqual(['AUDIT_HEAD_MISSING@null']);

    keyring = keychainAuditKeyring(keyStore, randomUUID());
    await rm(file);
    await written(1);
    await rm(`${file}.head`);
    expect(codes(await open().verify())).toEqual(['AUDIT_HEAD_MISSING@null']);
  });

  it('refuses, in both languages, an audit key entry it cannot read, instead of replacing it', async () => {
    await written(2);
    await keyStore.set(`${profileId}:audit-log`, 'not a key');
    await expect(open().verify()).rejects.toMatchObject({
      code: 'AUDIT_KEY_UNREADABLE',
      localized: { nb: expect.stringContaining('kan ikke leses'), en: expect.stringContaining('cannot be read') },
    });
    await expect(open().append({ event: 'retry' })).rejects.toMatchObject({ code: 'AUDIT_KEY_UNREADABLE' });
    expect(await keyStore.get(`${profileId}:audit-log`)).toBe('not a key');
  });

  it('finds a last line cut in half that the head says was written whole, and keeps what was left', async () => {
    await written(5);
    const whole = await text();
    const lastLine = (await lines())[4] as string;
    await truncate(file, Buffer.byteLength(whole) - Math.floor(lastLine.length / 2) - 1);
    expect(codes(await open().verify())).toEqual(['AUDIT_TAIL_CUT@5']);

    const log = open();
    await log.append({ event: 'retry', submissionId: 's9' });
    const entries = await log.entries();
    expect(entries.map((e) => e.event)).toEqual(['attempt', 'attempt', 'attempt', 'attempt', 'log-damaged', 'retry']);
    // Never silently cut: the remains are kept in the entry that reports them.
    expect(entries[4]?.damage).toMatchObject({ kind: 'tail-cut', headSeq: 5, lastSeq: 4 });
    expect(lastLine.startsWith((entries[4]?.damage as { remains: string }).remains)).toBe(true);
    expect(codes(await log.verify())).toEqual(['AUDIT_DAMAGE_RECORDED@5']);
  });

  it('repairs a last line whose line end was stripped, and records that, instead of cutting the entry', async () => {
    await written(5);
    const whole = await text();
    await writeFile(file, whole.slice(0, -1));
    const before = await open().verify();
    expect(before).toMatchObject({ ok: true, entries: 5, anchored: true });
    expect(before.ok && before.notes.map((n) => n.en)).toEqual([expect.stringContaining('Line 5 has no line end')]);

    const log = open();
    await log.append({ event: 'retry', submissionId: 's9' });
    const entries = await log.entries();
    expect(entries.map((e) => e.event).slice(3)).toEqual(['attempt', 'attempt', 'log-repaired', 'retry']);
    expect((await text()).startsWith(whole)).toBe(true);
    expect(await log.verify()).toMatchObject({ ok: true, entries: 7, anchored: true, notes: [] });
  });

  it('finds two lines swapped, one entry edited (also with the chain recomputed), and an entry inserted', async () => {
    await written(5);
    const original = await lines();
    await rewrite([original[0], original[2], original[1], original[3], original[4]] as string[]);
    expect(codes(await open().verify())[0]).toBe('AUDIT_SEQUENCE@2');

    const entries = original.map((l) => JSON.parse(l) as AuditEntry);
    const edited = original.slice();
    edited[2] = JSON.stringify({ ...JSON.parse(original[2] as string), label: 'Noe annet' });
    await rewrite(edited);
    expect(codes(await open().verify())).toEqual(['AUDIT_HASH@3']);

    // With every hash after it recomputed, the chain holds; the MACs (and the head's) do not.
    const rechained = rechain(
      original.map((l) => JSON.parse(l) as AuditEntry).map((e, i) => (i === 2 ? { ...e, label: 'Noe annet' } : e)),
      2,
    );
    await rewrite(rechained.map((e) => JSON.stringify(e)));
    const last = rechained[4] as AuditEntry;
    await writeFile(`${file}.head`, JSON.stringify({ seq: 5, hash: last.hash }));
    expect(codes(await open().verify())).toEqual([
      'AUDIT_MAC_MISSING@3',
      'AUDIT_MAC_MISSING@4',
      'AUDIT_MAC_MISSING@5',
      'AUDIT_HEAD_FORGED@null',
    ]);

    // An entry inserted after line 2, sequence and chain recomputed to fit.
    const inserted = rechain(
      [...entries.slice(0, 2), { ...(entries[1] as AuditEntry), label: 'Innskutt' }, ...entries.slice(2)],
      2,
    );
    await rewrite(inserted.map((e) => JSON.stringify(e)));
    expect(codes(await open().verify())[0]).toBe('AUDIT_MAC_MISSING@3');
    // And a copied line put in as it is breaks the sequence where it stands.
    await rewrite([...original.slice(0, 3), original[1] as string, ...original.slice(3)]);
    expect(codes(await open().verify())[0]).toBe('AUDIT_SEQUENCE@4');
  });

  it('finds the key missing from the keychain, then anchors with a new key and keeps reporting the loss', async () => {
    await written(4);
    await keyStore.delete(`${profileId}:audit-log`);
    expect(codes(await open().verify())).toEqual(['AUDIT_KEY_MISSING@null']);

    const log = open();
    await log.append({ event: 'retry', submissionId: 's9' });
    expect(await keyring.read()).toMatchObject({ since: 5, pending: false });
    const entries = await log.entries();
    expect(entries[4]).toMatchObject({ event: 'log-damaged', damage: { kind: 'key-missing' } });
    expect(codes(await log.verify())).toEqual(['AUDIT_DAMAGE_RECORDED@5']);
  });

  it('still recovers a line half-written by a crash (the head does not vouch for it), and records that', async () => {
    await written(5);
    await appendFile(file, '{"event":"attempt","seq":6,"at":"2026');
    const before = await open().verify();
    expect(before).toMatchObject({ ok: true, entries: 5, anchored: true });
    expect(before.ok && before.notes[0]?.nb).toContain('Etter linje 5 står 37 byte');

    const log = open();
    await log.append({ event: 'attempt', submissionId: 's1', attempt: 3 });
    const entries = await log.entries();
    expect(entries.slice(-2).map((e) => e.event)).toEqual(['log-recovered', 'attempt']);
    expect(entries.at(-2)?.note).toBe('cut off 37 bytes of an entry left half-written');
    expect(await log.verify()).toMatchObject({ ok: true, entries: 7, anchored: true, notes: [] });
  });

  it('accepts a head one entry behind (a crash between the append and the head write) and carries on', async () => {
    await written(4);
    const behind = await readFile(`${file}.head`, 'utf8');
    await written(1, open());
    await writeFile(`${file}.head`, behind);
    expect(await open().verify()).toMatchObject({ ok: true, entries: 5, anchored: true });
    const log = open();
    await log.append({ event: 'retry', submissionId: 's9' });
    expect((await log.entries()).map((e) => e.event).at(-1)).toBe('retry');
    expect(await log.verify()).toMatchObject({ ok: true, entries: 6 });
  });

  it('opens a log from before anchoring as it is ("not anchored"), and anchors it with the next entry', async () => {
    await written(3, new AuditLog(file, at));
    const legacy = await open().verify();
    expect(legacy).toMatchObject({ ok: true, entries: 3, anchored: false });
    expect(legacy.ok && legacy.notes[0]?.en).toContain('not anchored yet');
    expect(await keyring.read()).toBeNull();

    const log = open();
    await log.append({ event: 'retry', submissionId: 's9' });
    expect(await keyring.read()).toMatchObject({ since: 4, pending: false });
    const entries = await log.entries();
    expect(entries.map((e) => !!e.mac)).toEqual([false, false, false, true]);
    expect(await log.verify()).toMatchObject({ ok: true, entries: 4, anchored: true, notes: [] });

    // From now on the log may not end before the anchored entry, even cut back to its legacy part.
    await rewrite((await lines()).slice(0, 3));
    await writeFile(`${file}.head`, JSON.stringify({ seq: 3, hash: entries[2]?.hash }));
    expect(codes(await open().verify())).toEqual(['AUDIT_ANCHOR_CUT@4']);
  });

  it('tells a crash between making the key and writing the first entry with it from a cut (pending anchor)', async () => {
    await written(2, new AuditLog(file, at));
    await keyring.create(3);
    expect(await open().verify()).toMatchObject({ ok: true, entries: 2, anchored: false });
    await written(1, open());
    expect(await keyring.read()).toMatchObject({ since: 3, pending: false });
    expect(await open().verify()).toMatchObject({ ok: true, entries: 3, anchored: true });
  });

  it('finds a log with fewer entries than the outbox history: 0 entries while 50 submissions were received', async () => {
    const outbox = createOutbox({
      dir: join(dir, 'outbox'),
      transport: { send: async (s) => ({ dialogId: `d-${s.id}`, forsendelseId: `f-${s.id}` }) },
      audit: open(),
      now: at,
    });
    for (let i = 0; i < 50; i++) {
      await outbox.enqueue({
        label: `A-melding ${i}`,
        target: {
          service: 'a-melding',
          kalendermaaned: '2026-01',
          opplysningspliktig: '211785462',
          meldingsId: `m${i}`,
        },
        payload: { service: 'a-melding', body: `{"m":${i}}` },
      });
    }
    await outbox.start();
    await outbox.whenSettled();
    await outbox.stop();
    const submissions = outbox.list();
    expect(submissions.every((s) => s.state.kind === 'received')).toBe(true);
    expect(await open().verify(submissions)).toMatchObject({ ok: true, entries: 150 });

    // Entries of one submission taken out of the middle, the rest re-chained (the MACs aside, the chain holds).
    const entries = await parsed();
    const victim = submissions[7]?.id;
    const thinned = entries.filter((e) => e.submissionId !== victim);
    await rewrite(rechain(thinned, 0).map((e) => JSON.stringify(e)));
    const missing = await open().verify(submissions);
    expect(!missing.ok && missing.findings.filter((f) => f.code === 'AUDIT_SUBMISSION_MISSING')).toEqual([
      expect.objectContaining({
        line: null,
        reason: expect.objectContaining({
          en:
            `Submission “${submissions[7]?.label}” (${victim}) is received in the outbox, but the log lacks its ` +
            'queued, attempt × 1, received entries',
        }),
      }),
    ]);

    // The whole log and head gone, and no keychain to ask (a log kept without a key): the outbox still tells.
    await rm(file);
    await rm(`${file}.head`);
    const gone = await new AuditLog(file, at).verify(submissions);
    expect(gone.ok).toBe(false);
    expect(!gone.ok && gone.findings.filter((f) => f.code === 'AUDIT_SUBMISSION_MISSING')).toHaveLength(50);
    expect(gone.entries).toBe(0);
  });
});
