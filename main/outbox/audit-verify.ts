import type { AuditFinding, AuditVerifyResult } from '../../shared/outbox/outbox-views';
import type { Submission } from '../../shared/outbox/submission';
import { GENESIS, entryHash, entryMac, macMatches, type AuditEntry, type AuditHead } from './audit-entry';
import { crossCheckOutbox } from './audit-cross-check';
import { auditNote, damageFinding, lineFinding, recordedDamageFinding, type AuditDamage } from './audit-findings';
import type { AuditAnchor } from './audit-key';
import { judgeTail, readTail } from './audit-tail';

export interface VerifyInput {
  /** audit.jsonl, '' when it is missing. */
  text: string;
  head: AuditHead | null | 'unreadable';
  /** The profile's anchor from the keychain; null when it has none (or the log is kept without one). */
  anchor: AuditAnchor | null;
  /** The outbox's records, to find entries lost from a log whose chain still holds. */
  submissions?: readonly Submission[];
}

/** Where in the file a damage of the tail shows: the line after the last entry for what is missing from the end. */
function damageLine(damage: AuditDamage, entries: number): number | null {
  if (damage.kind === 'tail-cut' || damage.kind === 'tail-garbage' || damage.kind === 'anchor-cut') return entries + 1;
  if (damage.kind === 'tail-replaced') return damage.seq > 0 ? damage.seq : null;
  return null;
}

/**
 * Every line's sequence, link, hash and (from the anchor on) MAC; the end against the head and the anchor; the
 * entries the writer recorded as damage; and the outbox's records against the entries. Lists all it finds.
 */
export function verifyAudit(input: VerifyInput): AuditVerifyResult {
  const { anchor } = input;
  const tail = readTail(input.text);
  const findings: AuditFinding[] = [];
  const entries: AuditEntry[] = [];
  let prev = { seq: 0, hash: GENESIS };
  tail.entryLines.forEach((text, index) => {
    const line = index + 1;
    let entry: AuditEntry;
    try {
      entry = JSON.parse(text) as AuditEntry;
    } catch {
      findings.push(lineFinding.notJson(line));
      return;
    }
    entries.push(entry);
    const { hash, mac, ...body } = entry;
    const problem =
      entry.seq !== prev.seq + 1
        ? lineFinding.sequence(line, entry.seq, prev.seq + 1)
        : entry.prevHash !== prev.hash
          ? lineFinding.link(line)
          : entryHash(body) !== hash
            ? lineFinding.hash(line)
            : anchor && entry.seq >= anchor.since && !mac
              ? lineFinding.macMissing(line, anchor.since)
              : anchor && entry.seq >= anchor.since && !macMatches(entryMac(anchor.key, hash), mac)
                ? lineFinding.macMismatch(line)
                : undefined;
    if (problem) findings.push(problem);
    if (entry.event === 'log-damaged' && entry.damage)
      findings.push(recordedDamageFinding(entry.damage, entry.at, line));
    // After a bad line, the next is checked against this one, so one removed or changed entry is one finding.
    prev = { seq: entry.seq, hash };
  });
  const verdict = judgeTail(tail, input.head, anchor);
  for (const damage of verdict.damages)
    findings.push(damageFinding(damage, damageLine(damage, tail.entryLines.length)));
  if (input.submissions) findings.push(...crossCheckOutbox(entries, input.submissions));

  const count = tail.entryLines.length;
  if (findings.length > 0)
    return { ok: false, entries: count, findings: findings as [AuditFinding, ...AuditFinding[]] };
  const anchored = !!anchor && tail.last.seq >= anchor.since;
  const notes = [
    ...(anchored ? [] : [auditNote.notAnchored]),
    ...(verdict.crashTorn && tail.rest ? [auditNote.tornByCrash(count, tail.rest.bytes)] : []),
    ...(tail.unterminated ? [auditNote.unterminated(count)] : []),
  ];
  return { ok: true, entries: count, lastHash: tail.last.hash, anchored, notes };
}
