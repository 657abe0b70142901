import type { Finding, Severity } from '../finding';

/**
 * What Skatteetaten does with a report that fails a control, in its own words:
 * - `avvisning`: the report is refused (an a-melding is "ikke levert"; an RF-1086 form is not received);
 * - `rett-straks`: received with an error that must be corrected at once (a-melding "Øyeblikkelig");
 * - `retningslinje`: received with something that may be wrong (a-melding "Retningslinje");
 * - `innsender-feil` / `innsender-advarsel`: Innsender's own check, with no published Skatteetaten consequence.
 * The a-melding classes are Skatteetaten's severity grades for MAGNET/EDAG deviations (see `SEVERITY_SOURCE`).
 */
export type Consequence = 'avvisning' | 'rett-straks' | 'retningslinje' | 'innsender-feil' | 'innsender-advarsel';

/** A refusal or a must-fix-now blocks submission; a guideline only warns. */
export function severityOf(consequence: Consequence): Severity {
  return consequence === 'retningslinje' || consequence === 'innsender-advarsel' ? 'warning' : 'error';
}

export const SEVERITY_SOURCE =
  'https://www.skatteetaten.no/en/business-and-organisation/employer/the-a-melding/the-a-melding-guide/error-messages-magnetedag-and-feedback/';

/**
 * One control of a report kind: a row of its controls table. `code` is the finding code (stable, never renamed);
 * `official` is Skatteetaten's own code or its row in a published list, when it has one; `checkedBy` says whether
 * Innsender checks it offline or only Skatteetaten can (and `why`).
 */
export interface Control {
  readonly code: string;
  readonly official?: string;
  readonly consequence: Consequence;
  readonly checkedBy: 'innsender' | 'skatteetaten';
  /** Why only Skatteetaten can check it, or how a published rule was read where its text is ambiguous. */
  readonly note?: string;
  readonly message: { readonly nb: string; readonly en: string };
  readonly source: string;
}

/** The rows by finding code; a code with several published rows (one per variant) keeps the first row's data. */
export function controlsByCode<T extends Control>(table: readonly T[]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const row of table) if (!map.has(row.code)) map.set(row.code, row);
  return map;
}

/**
 * A finding for a control: code and severity come from the table row, the message from the rule (which knows
 * the values involved) or else the row's own plain message.
 */
export function findingFor(
  control: Control,
  path: string,
  message: { nb: string; en: string } = control.message,
): Finding {
  return { code: control.code, severity: severityOf(control.consequence), path, message };
}

/** The finding constructor of one table: `code` is typed to the table's codes, so a rule cannot invent one. */
export function findingsOf<Code extends string>(byCode: ReadonlyMap<string, Control>) {
  return (code: Code, path: string, nb: string, en: string): Finding => findingFor(byCode.get(code)!, path, { nb, en });
}

/**
 * Sets every finding's severity from its control's row. Findings from shared helpers (identifier checks build
 * their code from a prefix) pass through here, so the table stays the one place a consequence is decided.
 */
export function withConsequences(findings: Finding[], byCode: ReadonlyMap<string, Control>): Finding[] {
  return findings.map((f) => {
    const row = byCode.get(f.code);
    return row ? { ...f, severity: severityOf(row.consequence) } : f;
  });
}

/**
 * How much of what Skatteetaten publishes Innsender checks: distinct official codes or list rows, those with at
 * least one row checked offline, and those only Skatteetaten can check (README "Report checks" quotes these).
 */
export function controlCoverage(table: readonly Control[]): {
  published: number;
  offline: number;
  skatteetatenOnly: string[];
} {
  const official = new Map<string, boolean>();
  for (const row of table) {
    if (row.official === undefined) continue;
    official.set(row.official, (official.get(row.official) ?? false) || row.checkedBy === 'innsender');
  }
  const skatteetatenOnly = [...official].filter(([, offline]) => !offline).map(([code]) => code);
  return { published: official.size, offline: official.size - skatteetatenOnly.length, skatteetatenOnly };
}
