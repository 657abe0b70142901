import { withConsequences } from '../controls/control';
import type { Finding } from '../finding';
import { AMELDING_CONTROLS_BY_CODE } from './controls';
import type { Leveranse } from './model';
import { codeListRules } from './rules/code-lists';
import { deadlineRules } from './rules/deadline';
import { duplicateRules } from './rules/duplicates';
import { formatRules } from './rules/format';
import { identifierRules } from './rules/identifiers';
import { profileOrgRule } from './rules/profile-org';
import { replacementRules } from './rules/replacement';
import type { AMeldingRule, AMeldingRuleContext } from './rules/rule-context';
import { structureRules } from './rules/structure';
import { sumRules } from './rules/sums';

const RULES: readonly AMeldingRule[] = [
  profileOrgRule,
  structureRules,
  formatRules,
  identifierRules,
  duplicateRules,
  codeListRules,
  sumRules,
  replacementRules,
  deadlineRules,
];

/** Every offline business rule for an a-melding whose structure is complete. */
export function checkAMeldingRules(leveranse: Leveranse, context: AMeldingRuleContext): Finding[] {
  return withConsequences(
    RULES.flatMap((rule) => rule(leveranse, context)),
    AMELDING_CONTROLS_BY_CODE,
  );
}
