import type { Finding } from '../finding';
import type { Rf1086Set } from './returns';
import { dividendRules } from './rules/dividends';
import { eventTimeRules } from './rules/event-times';
import { groupingRules } from './rules/grouping';
import { identifierRules } from './rules/identifiers';
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
];

/** Every offline consistency rule for a set of RF-1086 forms selected together. */
export function checkRf1086Rules(set: Rf1086Set, context: Rf1086RuleContext): Finding[] {
  return RULES.flatMap((rule) => rule(set, context));
}
