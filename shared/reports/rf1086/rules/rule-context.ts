import type { ReportEnvironment } from '../../environment';
import type { Finding } from '../../finding';
import type { Rf1086Set } from '../returns';

export interface Rf1086RuleContext {
  readonly environment: ReportEnvironment;
  readonly profileOrg?: string;
  /** A firm's clients: when given, the company must be one of them (shared/reports/report-org.ts). */
  readonly clientOrgs?: readonly string[];
  /** 'YYYY-MM-DD'. */
  readonly today: string;
}

export type Rf1086Rule = (set: Rf1086Set, context: Rf1086RuleContext) => Finding[];

/** A finding placed at a line of one form's file. */
export function at(finding: Finding, place: { file: string; line?: number }): Finding {
  return { ...finding, file: place.file, ...(place.line !== undefined ? { line: place.line } : {}) };
}
