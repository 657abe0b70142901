import { z } from 'zod';
import { AlreadySentSchema } from '../outbox/duplicate-key';
import { LocalizedTextSchema } from '../domain/localized';
import { FindingSchema } from '../reports/finding';
import { ReportFileInfoSchema } from '../reports/check-result';
import { SchemeIdSchema } from './schemes';

/** What the page and the CLI show of a checked tredjepart file: the gist of every leveranse in it. */
export const TredjepartSummarySchema = z.object({
  inntektsaar: z.string().nullable(),
  oppgavegiver: z.string().nullable(),
  /** The contact's name from `kontaktinformasjon`, when given. */
  kontakt: z.string().nullable(),
  leveransetype: z.string().nullable(),
  oppgavegiversLeveranseReferanse: z.string().nullable(),
  leveranser: z.number().int().nonnegative(),
  antallOppgaver: z.number().int().nonnegative(),
  /** Each amount summed over the oppgaver (exact decimal strings), in the scheme's order. */
  sums: z.array(z.object({ field: z.string(), label: LocalizedTextSchema, value: z.string() })),
});
export type TredjepartSummary = z.infer<typeof TredjepartSummarySchema>;

export const TredjepartCheckResultSchema = z.object({
  kind: z.literal('tredjepart'),
  scheme: SchemeIdSchema,
  files: z.array(ReportFileInfoSchema),
  /** How the file was read: the JSON the API takes, or a spreadsheet's CSV turned into that JSON. */
  format: z.enum(['json', 'csv']),
  /** No finding of severity error. */
  valid: z.boolean(),
  findings: z.array(FindingSchema),
  /** Null when the file could not be read as a melding at all. */
  summary: TredjepartSummarySchema.nullable(),
  checkedAt: z.string(),
  /** Set when the active profile's outbox already holds this melding (received, or on its way). */
  alreadySent: AlreadySentSchema.nullable().optional(),
});
export type TredjepartCheckResult = z.infer<typeof TredjepartCheckResultSchema>;
