import { withConsequences } from '../controls/control';
import type { Finding } from '../finding';
import { RF1086_CONTROLS_BY_CODE } from './controls';
import type { Rf1086Set } from './returns';
import { dividendRules } from './rules/dividends';
import { eventTimeRules } from './rules/event-times';
import { fieldControlRules } from './rules/field-controls';
import { groupingRules } from './rules/grouping';
import { identifierRules } from './rules/identifiers';
import { incomeYearRules } from './rules/income-year';
import { profileAndDeadlineRules } from './rules/profile-and-deadline';
import type { Rf1086Rule, Rf1086RuleContext } from './rules/rule-context';
import { shareRules } from './rules/shares';

const RULES: readonly Rf1086Rule[] = [
  profileAndDeadlineRules,
  groupingRules,
  identifierRules,
  shareRules,
  eventTimeRules,
  dividendRules,
  incomeYearRules,
  fieldControlRules,
];

/** Every offline consistency rule for a set of RF-1086 forms selected together. */
export function checkRf1086Rules(set: Rf1086Set, context: Rf1086RuleContext): Finding[] {
  return withConsequences(
    RULES.flatMap((rule) => rule(set, context)),
    RF1086_CONTROLS_BY_CODE,
  );
}
