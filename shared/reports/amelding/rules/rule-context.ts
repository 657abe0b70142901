import type { ReportEnvironment } from '../../environment';
import type { Finding } from '../../finding';
import type { Leveranse } from '../model';

/** An a-melding already known for this profile (a draft or a sent message), for the uniqueness and replacement rules. */
export interface KnownAMelding {
  readonly meldingsId: string;
  readonly kalendermaaned: string;
  readonly opplysningspliktig: string;
  readonly erstatterMeldingsId?: string;
}

export interface AMeldingRuleContext {
  readonly environment: ReportEnvironment;
  /** The active profile's organisation; when given, the opplysningspliktig must be it. */
  readonly profileOrg?: string;
  /** 'YYYY-MM-DD'; injected so deadline rules are testable. */
  readonly today: string;
  readonly knownMessages?: readonly KnownAMelding[];
  /** XSD validation already enforces choices for XML, so the JSON-only structure rules skip XML. */
  readonly source: 'xml' | 'json';
}

export type AMeldingRule = (leveranse: Leveranse, context: AMeldingRuleContext) => Finding[];
