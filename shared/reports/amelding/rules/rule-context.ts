import type { ReportEnvironment } from '../../environment';
import type { Finding } from '../../finding';
import type { Leveranse } from '../model';

/**
 * Where a known a-melding is: Skatteetaten has it (`sent`: what the uniqueness and replacement rules hold a file
 * to), or it is still in the outbox (`on-its-way`: queued, sending, or waiting for a retry), so only a warning
 * can be given about it. A draft is neither: it has not left this machine.
 */
export type KnownAMeldingStatus =
  | { readonly kind: 'sent'; readonly at: string; readonly receipt?: string }
  | { readonly kind: 'on-its-way'; readonly since: string };

/** An a-melding this profile has sent or is sending, for the uniqueness and replacement rules. */
export interface KnownAMelding {
  readonly meldingsId: string;
  readonly kalendermaaned: string;
  readonly opplysningspliktig: string;
  readonly erstatterMeldingsId?: string;
  readonly status: KnownAMeldingStatus;
}

export interface AMeldingRuleContext {
  readonly environment: ReportEnvironment;
  /** The active profile's organisation; when given, the opplysningspliktig must be it. */
  readonly profileOrg?: string;
  /** A firm's clients: when given, the opplysningspliktig must be one of them (shared/reports/report-org.ts). */
  readonly clientOrgs?: readonly string[];
  /** 'YYYY-MM-DD'; injected so deadline rules are testable. */
  readonly today: string;
  readonly knownMessages?: readonly KnownAMelding[];
  /** XSD validation already enforces choices for XML, so the JSON-only structure rules skip XML. */
  readonly source: 'xml' | 'json';
}

export type AMeldingRule = (leveranse: Leveranse, context: AMeldingRuleContext) => Finding[];
