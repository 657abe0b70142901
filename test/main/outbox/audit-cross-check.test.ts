import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entryHash, type AuditEntry } from '../../../main/outbox/audit-entry';
import { crossCheckOutbox } from '../../../main/outbox/audit-cross-check';
import { AuditLog } from '../../../main/outbox/audit-log';
import { createOutbox } from '../../../main/outbox/outbox';
import type { SubmissionTransport } from '../../../main/outbox/transport';
import { skatteetatenError } from '../../../main/skatteetaten/skatteetaten-errors';

// The log against the outbox's own records, in every state a record can be left in.
describe('the audit log checked against the outbox', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'audit-cross-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('expects queued, each attempt and the entry of the current state; names what is missing per submission', async () => {
    const clock = Date.parse('2026-02-01T10:00:00Z');
    const http = (status: number, kode: string) =>
      skatteetatenError(status, { kode, melding: 'x', korrelasjonsid: 'k', spesifisering: [] }, undefined);
    const answers = [http(400, 'AMLD_010'), http(403, 'AMLD_005'), http(403, 'AMLD_005')];
    const transport: SubmissionTransport = {
      async send(s) {
        const next = answers.shift();
        if (next) throw next;
        return { dialogId: `d-${s.id}` };
      },
    };
    const audit = new AuditLog(join(dir, 'audit.jsonl'), () => new Date(clock));
    const outbox = createOutbox({ dir: join(dir, 'outbox'), transport, audit, now: () => new Date(clock) });
    const input = (n: number) => ({
      label: `A-melding ${n}`,
      target: {
        service: 'a-melding' as const,
        kalendermaaned: '2026-01',
        opplysningspliktig: '211785462',
        meldingsId: `m${n}`,
      },
      payload: { service: 'a-melding' as const, body: `{"m":${n}}` },
    });
    const rejected = await outbox.enqueue(input(1));
    const failed = await outbox.enqueue(input(2));
    const requeued = await outbox.enqueue(input(3));
    await outbox.start();
    await outbox.whenSettled();
    await outbox.stop();
    const cancelled = await outbox.enqueue(input(4));
    await outbox.cancel(cancelled.id);
    await outbox.retry(requeued.id);
    const submissions = outbox.list();
    expect(Object.fromEntries(submissions.map((s) => [s.label, s.state.kind]))).toEqual({
      'A-melding 1': 'rejected',
      'A-melding 2': 'failed',
      'A-melding 3': 'queued',
      'A-melding 4': 'cancelled',
    });
    const entries = await audit.entries();
    expect(crossCheckOutbox(entries, submissions)).toEqual([]);

    // Each submission's last entry taken out, one by one: each is named with what it lacks.
    const lastOf = (id: string) => entries.findLast((e) => e.submissionId === id) as AuditEntry;
    const lacking = (id: string) =>
      crossCheckOutbox(
        entries.filter((e) => e !== lastOf(id)),
        submissions,
      ).map((f) => f.reason.en.replace(/ \([0-9a-f-]{36}\)/, ''));
    expect(lacking(rejected.id)).toEqual([
      'Submission “A-melding 1” is rejected in the outbox, but the log lacks its rejected entries',
    ]);
    expect(lacking(failed.id)).toEqual([
      'Submission “A-melding 2” is failed in the outbox, but the log lacks its failed entries',
    ]);
    expect(lacking(requeued.id)).toEqual([
      'Submission “A-melding 3” is queued in the outbox, but the log lacks its retry entries',
    ]);
    expect(lacking(cancelled.id)).toEqual([
      'Submission “A-melding 4” is cancelled in the outbox, but the log lacks its cancelled entries',
    ]);
    const withoutAttempt = crossCheckOutbox(
      entries.filter((e) => !(e.submissionId === failed.id && e.event === 'attempt')),
      submissions,
    );
    expect(withoutAttempt.map((f) => f.reason.nb)).toEqual([
      `Innsendingen «A-melding 2» (${failed.id}) er feilet i utboksen, men loggen mangler oppføringene attempt × 1`,
    ]);

    // Through verify: a log whose chain holds (re-chained after the cut) still shows the loss.
    const file = join(dir, 'audit.jsonl');
    const kept = (await readFile(file, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as AuditEntry)
      .filter((e) => e.submissionId !== rejected.id);
    let prevHash = '0'.repeat(64);
    const rechained = kept.map((e, i) => {
      const { hash: _hash, ...body } = { ...e, seq: i + 1, prevHash };
      const entry = { ...body, hash: entryHash(body) };
      prevHash = entry.hash;
      return entry;
    });
    await writeFile(file, `${rechained.map((e) => JSON.stringify(e)).join('\n')}\n`);
    await writeFile(`${file}.head`, JSON.stringify({ seq: rechained.length, hash: prevHash }));
    const result = await new AuditLog(file).verify(submissions);
    expect(result).toMatchObject({ ok: false, findings: [{ line: null, code: 'AUDIT_SUBMISSION_MISSING' }] });
    expect(await new AuditLog(file).verify()).toMatchObject({ ok: true, anchored: false });
  });
});
