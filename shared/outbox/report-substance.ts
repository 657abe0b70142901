import { z } from 'zod';
import { LocalizedTextSchema } from '../domain/localized';
import type { AMeldingCheckResult, Rf1086CheckResult } from '../reports/check-result';
import type { TredjepartCheckResult } from '../tredjepart/check-result';

/**
 * What a bookkeeper checks before pressing send: the period and the totals, not the bytes. Counts and sums only,
 * so no person's name or number crosses into the confirmation.
 */
export const ReportSubstanceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('amelding'),
    kalendermaaned: z.string(),
    opplysningspliktig: z.string(),
    inntektsmottakere: z.number().int(),
    inntekt: z.string(),
    forskuddstrekk: z.number(),
    arbeidsgiveravgift: z.number(),
  }),
  z.object({
    kind: z.literal('rf1086'),
    selskap: z.object({ organisasjonsnummer: z.string().optional(), navn: z.string().optional() }),
    inntektsaar: z.string().optional(),
    aksjonaerer: z.number().int(),
    /** Shares at 31 December over every share class; undefined when a class does not state its count. */
    aksjer: z.number().int().optional(),
    utbytte: z.string(),
  }),
  z.object({
    kind: z.literal('tredjepart'),
    inntektsaar: z.string().nullable(),
    antallOppgaver: z.number().int(),
    sums: z.array(z.object({ label: LocalizedTextSchema, value: z.string() })),
  }),
]);
export type ReportSubstance = z.infer<typeof ReportSubstanceSchema>;

export function substanceOf(
  result: AMeldingCheckResult | Rf1086CheckResult | TredjepartCheckResult,
): ReportSubstance | null {
  if (!result.summary) return null;
  switch (result.kind) {
    case 'amelding': {
      const s = result.summary;
      return {
        kind: 'amelding',
        kalendermaaned: s.kalendermaaned,
        opplysningspliktig: s.opplysningspliktig,
        inntektsmottakere: s.inntektsmottakere,
        inntekt: s.totals.inntekt,
        forskuddstrekk: s.totals.forskuddstrekk,
        arbeidsgiveravgift: s.totals.arbeidsgiveravgift,
      };
    }
    case 'rf1086': {
      const s = result.summary;
      const counts = s.aksjeklasser.map((c) => c.antallAksjer);
      return {
        kind: 'rf1086',
        selskap: s.selskap,
        ...(s.inntektsaar ? { inntektsaar: s.inntektsaar } : {}),
        aksjonaerer: s.totals.aksjonaerer,
        ...(counts.every((c) => c !== undefined) ? { aksjer: counts.reduce((a, b) => a + b!, 0) } : {}),
        utbytte: s.totals.utbytte,
      };
    }
    case 'tredjepart': {
      const s = result.summary;
      return {
        kind: 'tredjepart',
        inntektsaar: s.inntektsaar,
        antallOppgaver: s.antallOppgaver,
        sums: s.sums.map(({ label, value }) => ({ label, value })),
      };
    }
  }
}
