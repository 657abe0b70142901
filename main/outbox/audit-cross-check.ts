import { text } from '../../shared/domain/localized';
import type { AuditFinding } from '../../shared/outbox/outbox-views';
import type { Submission } from '../../shared/outbox/submission';
import type { AuditEntry, AuditEvent } from './audit-entry';

const STATE_NB: Record<Submission['state']['kind'], string> = {
  queued: 'i kø',
  sending: 'under sending',
  received: 'mottatt',
  rejected: 'avvist',
  failed: 'feilet',
  cancelled: 'avbrutt',
};

/** The entry each state was written with; the outbox appends it before the record changes (README.md). */
const STATE_EVENT: Partial<Record<Submission['state']['kind'], AuditEvent>> = {
  received: 'received',
  rejected: 'rejected',
  cancelled: 'cancelled',
  failed: 'failed',
};

/**
 * The log against the outbox's records. The outbox writes each entry before the record it stands for, so every
 * submission on disk has its `queued` entry, one `attempt` or `resumed` per attempt counted in the record, and
 * the entry of the state it is in (`retry` for one queued again by the user). A log with less than that lost entries, however well its chain holds.
 */
export function crossCheckOutbox(entries: readonly AuditEntry[], submissions: readonly Submission[]): AuditFinding[] {
  const bySubmission = new Map<string, AuditEntry[]>();
  for (const entry of entries) {
    if (!entry.submissionId) continue;
    const list = bySubmission.get(entry.submissionId) ?? [];
    list.push(entry);
    bySubmission.set(entry.submissionId, list);
  }
  const findings: AuditFinding[] = [];
  for (const submission of submissions) {
    const own = bySubmission.get(submission.id) ?? [];
    const has = (event: AuditEvent) => own.some((e) => e.event === event);
    const missing: string[] = [];
    if (!has('queued')) missing.push('queued');
    const attempts = own.filter((e) => e.event === 'attempt' || e.event === 'resumed').length;
    if (attempts < submission.attempts) missing.push(`attempt × ${submission.attempts - attempts}`);
    const requeued = submission.state.kind === 'queued' && submission.attempts > 0;
    const current = requeued ? 'retry' : STATE_EVENT[submission.state.kind];
    if (current && !has(current)) missing.push(current);
    if (missing.length === 0) continue;
    const kind = submission.state.kind;
    findings.push({
      line: null,
      code: 'AUDIT_SUBMISSION_MISSING',
      reason: text(
        `Innsendingen «${submission.label}» (${submission.id}) er ${STATE_NB[kind]} i utboksen, men loggen mangler ` +
          `oppføringene ${missing.join(', ')}`,
        `Submission “${submission.label}” (${submission.id}) is ${kind} in the outbox, but the log lacks its ` +
          `${missing.join(', ')} entries`,
      ),
    });
  }
  return findings;
}
