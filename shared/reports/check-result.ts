import { z } from 'zod';
import { AlreadySentSchema } from '../outbox/duplicate-key';
import { AMeldingSummarySchema } from './amelding/summary';
import { AMELDING_VERSIONS } from './amelding/versions';
import { FindingSchema } from './finding';
import { Rf1086SummarySchema } from './rf1086/summary';
import { XSD_IDS, type XsdUsed } from './xsd-versions';

export const ReportFileInfoSchema = z.object({
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
});
export type ReportFileInfo = z.infer<typeof ReportFileInfoSchema>;

/** Which XSD (`shared/reports/xsd-versions.ts`) the structure was checked against. */
export const XsdUsedSchema = z.enum(XSD_IDS);
export type { XsdUsed } from './xsd-versions';

const common = {
  files: z.array(ReportFileInfoSchema),
  /** No finding of severity error. */
  valid: z.boolean(),
  findings: z.array(FindingSchema),
  checkedAt: z.string(),
  /** Set when the active profile's outbox already holds this report (received, or on its way). */
  alreadySent: AlreadySentSchema.nullable().optional(),
};

export const AMeldingCheckResultSchema = z.object({
  kind: z.literal('amelding'),
  ...common,
  version: z.enum(AMELDING_VERSIONS),
  format: z.enum(['xml', 'json']),
  /** Null when none exists for the input (JSON, a-melding v2_0/v2_1). */
  xsd: XsdUsedSchema.nullable(),
  /** Null when the structure was too broken for the business rules and totals. */
  summary: AMeldingSummarySchema.nullable(),
});

export const Rf1086CheckResultSchema = z.object({
  kind: z.literal('rf1086'),
  ...common,
  /** Each XSD version the forms were checked against, by their spesifikasjonsnummer (drafts saved before: none). */
  xsd: z.array(XsdUsedSchema).default([]),
  summary: Rf1086SummarySchema.nullable(),
});

/** A file that could not be read as any report: missing, too large, not UTF-8, not well-formed, DOCTYPE, unknown kind. */
export const UnreadableCheckResultSchema = z.object({
  kind: z.literal('unreadable'),
  ...common,
  valid: z.literal(false),
});

export const CheckResultSchema = z.discriminatedUnion('kind', [
  AMeldingCheckResultSchema,
  Rf1086CheckResultSchema,
  UnreadableCheckResultSchema,
]);
export type CheckResult = z.infer<typeof CheckResultSchema>;
export type AMeldingCheckResult = z.infer<typeof AMeldingCheckResultSchema>;
export type Rf1086CheckResult = z.infer<typeof Rf1086CheckResultSchema>;
export type UnreadableCheckResult = z.infer<typeof UnreadableCheckResultSchema>;

/** Every XSD version a result was checked against (none for JSON, a-melding v2_0/v2_1 or an unreadable file). */
export function xsdUsedBy(result: CheckResult): XsdUsed[] {
  if (result.kind === 'amelding') return result.xsd ? [result.xsd] : [];
  return result.kind === 'rf1086' ? result.xsd : [];
}
