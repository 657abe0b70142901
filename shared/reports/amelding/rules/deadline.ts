import { aMeldingDeadline } from '../../calendar/report-deadlines';
import type { Finding } from '../../finding';
import { aMeldingFinding } from '../controls';
import type { AMeldingRule } from './rule-context';
import { formatDate, formatMonth } from '../../../format';

/** Deadline warnings (formats.md §2.4): late first deliveries, and months that have not started yet. */
export const deadlineRules: AMeldingRule = (leveranse, context) => {
  const findings: Finding[] = [];
  const month = leveranse.kalendermaaned;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return findings;
  if (month > context.today.slice(0, 7)) {
    findings.push(
      aMeldingFinding(
        'AMELDING_PERIOD_IN_FUTURE',
        'leveranse/kalendermaaned',
        `Kalendermåneden ${formatMonth(month, 'nb')} har ikke begynt ennå. Lønn rapporteres i måneden den utbetales.`,
        `The calendar month ${formatMonth(month, 'en')} has not started yet. Pay is reported in the month it is paid.`,
      ),
    );
  }
  const deadline = aMeldingDeadline(month);
  // A replacement after the deadline is the normal way to correct a month, so only first deliveries are warned.
  if (leveranse.erstatterMeldingsId === undefined && context.today > deadline) {
    findings.push(
      aMeldingFinding(
        'AMELDING_DEADLINE_PASSED',
        'leveranse/kalendermaaned',
        `Fristen for ${formatMonth(month, 'nb')} var ${formatDate(deadline, 'nb')}. Send så snart som mulig; forsinket levering kan gi tvangsmulkt.`,
        `The deadline for ${formatMonth(month, 'en')} was ${formatDate(deadline, 'en')}. Send as soon as possible; late delivery can incur a coercive fine.`,
      ),
    );
  }
  return findings;
};
