import type { Finding } from '../finding';
import type { SourceLocations } from '../source-locations';
import type { Leveranse } from './model';
import type { AMeldingVersion } from './versions';

export interface AMeldingDocument {
  readonly version: AMeldingVersion;
  readonly format: 'xml' | 'json';
  readonly leveranse: Leveranse;
}

/**
 * `complete` is false when a required field was missing or a value had the wrong type: the model then does not
 * satisfy its own type, and the business rules must not run on it.
 */
export type AMeldingReadResult =
  | { ok: true; document: AMeldingDocument; issues: Finding[]; complete: boolean; locations?: SourceLocations }
  | { ok: false; finding: Finding };
