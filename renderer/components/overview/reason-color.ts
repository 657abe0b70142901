import type { AttentionReason } from '../../../shared/domain/client-overview';

/**
 * The colour of each reason a client needs attention, in the overview's rows and on the client's own page alike:
 * red for what went wrong (rejected, failed, overdue), amber for what is still to do, blue for news.
 */
export const REASON_COLOR: Record<AttentionReason, 'danger' | 'warning' | 'info'> = {
  'setup-missing': 'warning',
  'delegation-missing': 'warning',
  rejected: 'danger',
  'send-failed': 'danger',
  'deadline-overdue': 'danger',
  'draft-errors': 'warning',
  'new-feedback': 'info',
  'deadline-soon': 'warning',
};
