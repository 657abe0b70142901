import { aMeldingFinding } from '../controls';
import { reportOrgProblem } from '../../report-org';
import type { AMeldingRule } from './rule-context';

/** The message must be reported by the organisation the active profile acts for (a firm: one of its clients). */
export const profileOrgRule: AMeldingRule = (leveranse, context) => {
  const reported = leveranse.opplysningspliktig.norskIdentifikator;
  const problem = reportOrgProblem(reported, context);
  if (!problem) return [];
  return [
    aMeldingFinding(
      context.clientOrgs ? 'AMELDING_OPPLYSNINGSPLIKTIG_NOT_CLIENT' : 'AMELDING_OPPLYSNINGSPLIKTIG_NOT_PROFILE',
      'leveranse/opplysningspliktig/norskIdentifikator',
      problem.nb,
      problem.en,
    ),
  ];
};
