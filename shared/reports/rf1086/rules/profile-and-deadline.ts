import { rf1086Deadline } from '../../calendar/report-deadlines';
import type { Finding } from '../../finding';
import { rf1086Finding } from '../controls';
import { at, type Rf1086Rule } from './rule-context';
import { formatDate } from '../../../format';
import { reportOrgProblem } from '../../report-org';

/** The company must be the profile's organisation; warn when the 31 January deadline has passed. */
export const profileAndDeadlineRules: Rf1086Rule = (set, context) => {
  const findings: Finding[] = [];
  for (const { main } of set.returns) {
    const orgnr = main.organisasjonsnummer;
    const problem = orgnr ? reportOrgProblem(orgnr.value, context) : null;
    if (orgnr && problem) {
      findings.push(
        at(
          rf1086Finding(
            context.clientOrgs ? 'RF1086_COMPANY_NOT_CLIENT' : 'RF1086_COMPANY_NOT_PROFILE',
            orgnr.path,
            problem.nb,
            problem.en,
          ),
          { file: main.file, line: orgnr.line },
        ),
      );
    }
    const year = Number(main.inntektsaar?.value.slice(0, 4));
    if (Number.isInteger(year) && context.today > rf1086Deadline(year)) {
      findings.push(
        at(
          rf1086Finding(
            'RF1086_DEADLINE_PASSED',
            main.inntektsaar!.path,
            `Fristen for inntektsåret ${year} var ${formatDate(rf1086Deadline(year), 'nb')}.`,
            `The deadline for income year ${year} was ${formatDate(rf1086Deadline(year), 'en')}.`,
          ),
          { file: main.file, line: main.inntektsaar!.line },
        ),
      );
    }
  }
  return findings;
};
