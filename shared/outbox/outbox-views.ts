import { z } from 'zod';
import { LocalizedTextSchema } from '../domain/localized';
import { EnvironmentNameSchema } from '../domain/profile';
import { DraftIdInputSchema } from '../reports/report-views';
import { ReportSubstanceSchema } from './report-substance';
import { SubmissionSchema, TargetSchema } from './submission';

/** What the Outbox page and the CLI see of the active profile's outbox; nothing secret is in a submission. */
export const SubmissionListSchema = z.object({ submissions: z.array(SubmissionSchema) });

export const SubmissionIdInputSchema = z.object({ id: z.string().regex(/^[0-9a-f-]{36}$/) }).strict();
export const DraftRefInputSchema = z.object({ draftId: DraftIdInputSchema.shape.id }).strict();
/**
 * Sending a draft: the active profile's, or (routing, issue 14) another set-up profile's named by `profileId`, which
 * main checks against the profiles set up here before its outbox takes the draft.
 */
export const SubmitDraftInputSchema = DraftRefInputSchema.extend({ profileId: z.uuid().optional() }).strict();

/**
 * What a draft would send, shown before the user confirms: the report's substance, the organisation and the
 * environment; its bytes, hash and host for technical details. `existing` is the submission that already holds this
 * report (received, or on its way), found by Skatteetaten's identity for it (`duplicate-key.ts`): then there is
 * nothing to send.
 */
export const SubmitPreviewSchema = z.object({
  draftId: z.string(),
  label: z.string(),
  target: TargetSchema,
  payloadBytes: z.number().int().nonnegative(),
  payloadSha256: z.string(),
  profile: z.object({ displayName: z.string(), orgNumber: z.string() }),
  /** A firm's send: the client the report is for (its opplysningspliktig), as the firm's client list names it. */
  client: z.object({ name: z.string(), orgNumber: z.string() }).optional(),
  environment: EnvironmentNameSchema,
  destination: z.string(),
  existing: SubmissionSchema.nullable(),
  /** The period, counts and totals the confirmation leads with; null when the draft has no summary. */
  substance: ReportSubstanceSchema.nullable(),
});
export type SubmitPreview = z.infer<typeof SubmitPreviewSchema>;

export const ConnectivitySchema = z.enum(['online', 'offline']);

/**
 * Whether the active profile's outbox runs: `not-ready` until its setup can give a systembruker token (queued
 * submissions wait on disk), `offline` while Skatteetaten cannot be reached (nothing is lost).
 */
export const OutboxStatusSchema = z.object({
  profileId: z.string().nullable(),
  running: z.boolean(),
  connectivity: ConnectivitySchema,
  /** Why it does not run, in the user's words; null when it runs. */
  message: LocalizedTextSchema.nullable(),
});
export type OutboxStatus = z.infer<typeof OutboxStatusSchema>;

/** One thing `audit.verify` found wrong: where (a line of audit.jsonl, or null for the file as a whole) and what. */
export const AuditFindingSchema = z.object({
  line: z.number().int().positive().nullable(),
  code: z.string(),
  reason: LocalizedTextSchema,
});
export type AuditFinding = z.infer<typeof AuditFindingSchema>;

export const AuditVerifyResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    entries: z.number().int().nonnegative(),
    lastHash: z.string(),
    /** The head and the entries since the anchor carry a MAC with the profile's key from the OS keychain. */
    anchored: z.boolean(),
    /** What is worth knowing but not wrong: not anchored yet, a crash's half-written entry to be recovered. */
    notes: z.array(LocalizedTextSchema),
  }),
  z.object({
    ok: z.literal(false),
    entries: z.number().int().nonnegative(),
    findings: z.array(AuditFindingSchema).min(1),
  }),
]);
export type AuditVerifyResult = z.infer<typeof AuditVerifyResultSchema>;

export const AuditExportInputSchema = z.object({ format: z.enum(['csv', 'json']) }).strict();

// --- events -------------------------------------------------------------------------------------------------------

export const OutboxChangedEventSchema = z.object({ profileId: z.string(), submission: SubmissionSchema });
export const OutboxProgressEventSchema = z.object({
  profileId: z.string(),
  id: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  phase: z.string(),
});
export type OutboxProgress = z.infer<typeof OutboxProgressEventSchema>;
export const OutboxConnectivityEventSchema = OutboxStatusSchema;
