import { z } from 'zod';

/**
 * Skatteetaten's avstemmingsrapport for the a-melding (the old A07), as Innsender reads it.
 *
 * What is confirmed (Skatteetaten/api-dokumentasjon docs/api/avstemmingsrapport-amelding.md @ 3e022611, and
 * docs/api/amelding-avstemmingsrapport.md @ 68a0e38a): the scope `skatteetaten:innrapporteringamelding`, the right
 * `ske-avstemmingsinformasjon-amelding`, JSON only (AMLD_1030), the AMLD error codes, and that the report has the
 * same content as Avstemmingsportalen and A06/A07: what Skatteetaten registered per month, per income recipient
 * and in total. The field names below are NOT confirmed: the pages have no example ("Ikke tilgjengelig") and no
 * information model, and the OpenAPI is on SwaggerHub only. They follow the a-melding's own names, every field
 * beyond the period and the org is optional, and amounts are read as numbers or decimal strings, so a corrected
 * shape is a change in this one file.
 */
const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/** Kroner, as a number or a decimal string (the a-melding v2_3 JSON writes amounts as strings). */
const Amount = z
  .union([z.number().finite(), z.string().regex(/^-?\d+(\.\d+)?$/)])
  .transform((v) => (typeof v === 'number' ? String(v) : v));

export const AvstemmingsrapportSchema = z.looseObject({
  opplysningspliktig: z.string().regex(/^\d{9}$/),
  fraOgMedKalendermaaned: YearMonth,
  tilOgMedKalendermaaned: YearMonth,
  opprettetTidspunkt: z.string().optional(),
  /** The a-meldinger Skatteetaten has registered for the period (replaced ones are not listed). */
  mottatteMeldinger: z
    .array(
      z.looseObject({
        meldingsId: z.string(),
        kalendermaaned: YearMonth,
        mottattTidspunkt: z.string().optional(),
        kildesystem: z.string().optional(),
      }),
    )
    .default([]),
  inntektsmottakere: z
    .array(
      z.looseObject({
        /** Fødselsnummer or D-nummer. */
        identifikator: z.string(),
        navn: z.string().optional(),
        kalendermaaned: YearMonth,
        inntekt: z
          .array(z.looseObject({ beskrivelse: z.string(), fordel: z.string().optional(), beloep: Amount }))
          .default([]),
        /** Withheld tax, negative as in the a-melding. */
        forskuddstrekk: Amount.default('0'),
      }),
    )
    .default([]),
  arbeidsgiveravgift: z
    .array(z.looseObject({ kalendermaaned: YearMonth, sone: z.string(), grunnlag: Amount, beloep: Amount }))
    .default([]),
  sum: z
    .looseObject({
      inntekt: Amount.optional(),
      forskuddstrekk: Amount.optional(),
      arbeidsgiveravgift: Amount.optional(),
    })
    .optional(),
});
export type Avstemmingsrapport = z.infer<typeof AvstemmingsrapportSchema>;

/** The period asked for: one month (`fra` = `til`) or a year (January to December). */
export const AvstemmingPeriodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('month'), kalendermaaned: YearMonth }),
  z.object({ kind: z.literal('year'), aar: z.string().regex(/^\d{4}$/) }),
]);
export type AvstemmingPeriod = z.infer<typeof AvstemmingPeriodSchema>;

export function periodRange(period: AvstemmingPeriod): { fra: string; til: string } {
  return period.kind === 'month'
    ? { fra: period.kalendermaaned, til: period.kalendermaaned }
    : { fra: `${period.aar}-01`, til: `${period.aar}-12` };
}
