import { z } from 'zod';
import { SchemeIdSchema } from '../tredjepart/schemes';
import { TredjepartCheckSchema } from '../tredjepart/tredjepart-views';
import { CheckedReportSchema, droppedFilesUpTo } from './report-views';

/**
 * Files for many clients (issue 14, item 5): each file picked, dropped or found in a folder is routed by the
 * organisation it reports for (an a-melding's opplysningspliktig, an RF-1086 form's company, a tredjepart
 * leveranse's oppgavegiver) to the firm's client, or the set-up profile, with that number, and checked with that
 * one's rules. Files for an organisation that is neither are listed by it; unreadable files with their reason.
 */

/** What routing reads from a file before any check: the report's kind and the organisation it is for. */
export const RoutedKindSchema = z.enum(['amelding', 'rf1086', 'tredjepart']);
export type RoutedKind = z.infer<typeof RoutedKindSchema>;

/** Who a group of files went to: a client of the active firm profile, or a set-up business profile. */
export const RouteTargetSchema = z.object({
  kind: z.enum(['client', 'profile']),
  orgNumber: z.string(),
  name: z.string(),
  /** The profile whose drafts and outbox the files belong to (the firm's, for a client). */
  profileId: z.string(),
  /** Whether that profile is the one shown; another set-up profile's drafts are sent to its own outbox. */
  active: z.boolean(),
});
export type RouteTarget = z.infer<typeof RouteTargetSchema>;

const RoutedFileId = z.string().regex(/^[0-9a-f]{32}$/);

/**
 * A tredjepart file for the target. A melding does not name its scheme: where its fields fit one scheme only
 * (shared/tredjepart/scheme-of-melding.ts) it comes checked with the target's rules; otherwise the user chooses
 * among the candidates and it is checked then (`reports.checkRoutedTredjepart`).
 */
export const RoutedTredjepartSchema = z.object({
  fileId: RoutedFileId,
  name: z.string(),
  candidates: z.array(SchemeIdSchema).min(1),
  check: TredjepartCheckSchema.nullable(),
});
export type RoutedTredjepart = z.infer<typeof RoutedTredjepartSchema>;

export const RoutedGroupSchema = z.object({
  target: RouteTargetSchema,
  /** The checks with the target's rules, each savable as the target's draft. */
  checks: z.array(CheckedReportSchema),
  tredjepart: z.array(RoutedTredjepartSchema),
});
export type RoutedGroup = z.infer<typeof RoutedGroupSchema>;

/** Files for an organisation that is not a client (or set-up profile): listed, never dropped silently. */
export const UnknownOrgGroupSchema = z.object({
  orgNumber: z.string(),
  files: z.array(z.object({ name: z.string(), kind: RoutedKindSchema })),
});
export type UnknownOrgGroup = z.infer<typeof UnknownOrgGroupSchema>;

export const RoutedReportsSchema = z.object({
  /** Whether "add as client" applies to the unknown organisations (a firm profile is active). */
  firm: z.boolean(),
  groups: z.array(RoutedGroupSchema),
  unknown: z.array(UnknownOrgGroupSchema),
  /** Files that could not be read as a report, or that name no organisation: each with its finding. */
  unreadable: z.array(CheckedReportSchema),
});
export type RoutedReports = z.infer<typeof RoutedReportsSchema>;

/** A dropped folder may hold many files; together they keep the dropped-bytes ceiling. */
export const MAX_ROUTED_FILES = 1000;

export const RouteDroppedFilesSchema = droppedFilesUpTo(MAX_ROUTED_FILES);

/**
 * Files main reads itself from picked folders (Velg mappe, `validate --route`): no bytes cross IPC, so the ceiling is
 * the work, not the payload — an RF-1086 return with 5,000 shareholder forms is 5,001 files and one check.
 */
export const MAX_FOLDER_FILES = 10_000;

/** How far a routing has come: files read for their organisation, then files checked. */
export const RouteProgressEventSchema = z.object({
  phase: z.enum(['reading', 'checking']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type RouteProgress = z.infer<typeof RouteProgressEventSchema>;

/** Saves several routed checks at once, each as its target's draft. */
export const SaveRoutedInputSchema = z.object({
  checkIds: z
    .array(z.string().regex(/^[0-9a-f]{32}$/))
    .min(1)
    .max(MAX_ROUTED_FILES),
});
export const SavedRoutedSchema = z.object({
  saved: z.array(z.object({ checkId: z.string(), draftId: z.string() })),
});

/** The scheme the user chose for a routed tredjepart file: checked with its target's rules. */
export const CheckRoutedTredjepartInputSchema = z.object({ fileId: RoutedFileId, scheme: SchemeIdSchema }).strict();
