import type { OutboxByOrg } from '../../../main/firm/client-overview';
import type { ClientPeriod } from '../../../main/store/store';
import { reportedPeriod, targetOrg, type Submission } from '../../../shared/outbox/submission';

/**
 * The overview's outbox input worked out from the records in memory, as the overview did before the store answered
 * it: the reference `Store.summaryByClient` and `Store.receivedPeriods` must agree with, and a unit test's input.
 */
export function outboxByOrgFromRecords(submissions: readonly Submission[]): OutboxByOrg {
  const counts = new Map<
    string,
    { clientOrg: string; queued: number; sending: number; failed: number; rejected: number }
  >();
  const received = new Map<string, ClientPeriod>();
  for (const s of submissions) {
    const clientOrg = targetOrg(s.target);
    let line = counts.get(clientOrg);
    if (!line) counts.set(clientOrg, (line = { clientOrg, queued: 0, sending: 0, failed: 0, rejected: 0 }));
    const kind = s.state.kind;
    if (kind === 'queued' || kind === 'sending' || kind === 'failed' || kind === 'rejected') line[kind]++;
    if (kind === 'received') {
      const period = { clientOrg, ...reportedPeriod(s.target) };
      received.set(JSON.stringify(period), period);
    }
  }
  return { summaries: [...counts.values()], received: [...received.values()] };
}
