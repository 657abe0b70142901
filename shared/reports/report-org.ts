import { formatOrgNumber } from '../format';

/**
 * Whose reports a profile may send: a business's own org (or, in sandbox and test, the Tenor org it names for its
 * reports), and a firm's clients. The a-melding and RF-1086 rules both ask here.
 */
export interface ReportOrgContext {
  /** The org a business reports for; a firm's own org. */
  readonly profileOrg?: string;
  /** Set for a firm: its clients, the only orgs it sends for (through its agent systembruker). */
  readonly clientOrgs?: readonly string[];
}

/** Null when the org may be reported for; else what to tell the user, in nb and en. */
export function reportOrgProblem(reported: string, context: ReportOrgContext): { nb: string; en: string } | null {
  // Read by a person on the Reports page: org numbers grouped as everywhere else (974 761 076).
  const org = formatOrgNumber(reported);
  const own = context.profileOrg ? formatOrgNumber(context.profileOrg) : '';
  if (context.clientOrgs) {
    if (context.clientOrgs.includes(reported)) return null;
    return {
      nb: `Rapporten gjelder ${org}, som ikke er klient av regnskapsførerkontoret ${own}. Legg den til under Klienter, eller velg riktig fil.`,
      en: `The report is for ${org}, which is not a client of the accounting firm ${own}. Add it under Clients, or pick the right file.`,
    };
  }
  if (!context.profileOrg || reported === context.profileOrg) return null;
  return {
    nb: `Rapporten gjelder ${org}, men den aktive profilen rapporterer for ${own}. Bytt profil eller velg riktig fil.`,
    en: `The report is for ${org}, but the active profile reports for ${own}. Switch profile or pick the right file.`,
  };
}
