import type { Finding } from '../../../shared/reports/finding';
import type { Spesifisering } from './skatteetaten-answers';

/** The project's finding codes that Skatteetaten's own GLD_ codes name (skatteetaten-apis.md §6). */
const GLD_CODE: Record<string, string> = {
  TREDJEPART_MIXED_INNTEKTSAAR: 'GLD_1069',
  TREDJEPART_MIXED_OPPGAVEGIVER: 'GLD_1102',
  TREDJEPART_OPPGAVEGIVER_ORGNR_LENGTH: 'GLD_1201',
};

/** Findings as Skatteetaten's `spesifisering` (at most 50), under its own GLD_ code where one names it. */
export function asSpesifisering(findings: readonly Finding[]): Spesifisering[] {
  return findings.slice(0, 50).map((f) => ({
    kode: GLD_CODE[f.code] ?? f.code,
    melding: f.message.nb,
    ...(f.path ? { sti: f.path } : {}),
  }));
}
