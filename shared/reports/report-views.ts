import { z } from 'zod';
import { CheckResultSchema } from './check-result';
import { DraftFileOriginSchema, DraftListItemSchema, DraftSourceStatusSchema } from './draft';
import { DEFAULT_MAX_REPORT_BYTES } from './xml/decode-report-bytes';

/**
 * What the Reports page and main exchange about checks and drafts. File bytes cross only one way, when the
 * user drops files on the window; a draft's stored bytes never go to the renderer.
 */

const CheckIdSchema = z.string().regex(/^[0-9a-f]{32}$/);
const DraftIdSchema = z.string().regex(/^[0-9a-f]{32}$/);

/** One check main remembers for a while, so "Lagre som utkast" saves exactly what the user saw. */
export const CheckedReportSchema = z.object({
  checkId: CheckIdSchema,
  /** `dropped` files are known by name only: a later change to the file on disk cannot be seen. */
  origin: DraftFileOriginSchema,
  result: CheckResultSchema,
});
export type CheckedReport = z.infer<typeof CheckedReportSchema>;

export const CheckedReportsSchema = z.object({ checks: z.array(CheckedReportSchema) });

/**
 * Dropped files travel as base64 through IPC, so they have a lower ceiling than files picked by path (which
 * main reads itself, up to DEFAULT_MAX_REPORT_BYTES); the page tells the user to pick larger files instead.
 */
export const MAX_DROPPED_BYTES = Math.min(32 * 1024 * 1024, DEFAULT_MAX_REPORT_BYTES);
const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;

export const DroppedFileSchema = z.object({
  /** The file's own name; no folders, no control characters (it is only a label). */
  name: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => !/[/\\]/.test(name) && [...name].every((c) => c.charCodeAt(0) >= 0x20), {
      message: 'A file name without folders or control characters',
    }),
  contentBase64: z
    .string()
    .max(base64Length(MAX_DROPPED_BYTES))
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
});
export type DroppedFile = z.infer<typeof DroppedFileSchema>;

/** Up to `maxFiles` dropped files, together within the dropped-bytes ceiling. */
export const droppedFilesUpTo = (maxFiles: number) =>
  z.object({
    files: z
      .array(DroppedFileSchema)
      .min(1)
      .max(maxFiles)
      .refine((files) => files.reduce((n, f) => n + f.contentBase64.length, 0) <= base64Length(MAX_DROPPED_BYTES), {
        message: `Dropped files may hold at most ${MAX_DROPPED_BYTES / 1024 / 1024} MiB together`,
      }),
  });

export const DroppedFilesSchema = droppedFilesUpTo(100);

export const SaveDraftInputSchema = z.object({ checkId: CheckIdSchema });
export const DraftIdInputSchema = z.object({ id: DraftIdSchema });

/** One row of the draft list: what it is, how it fared, and whether its source file has moved on. */
export const DraftOverviewSchema = z.object({
  id: DraftIdSchema,
  kind: z.enum(['amelding', 'rf1086']),
  savedAt: z.string(),
  checkedAt: z.string(),
  valid: z.boolean(),
  errorCount: z.number().int().nonnegative(),
  warningCount: z.number().int().nonnegative(),
  files: z.array(z.object({ name: z.string(), origin: DraftFileOriginSchema, size: z.number().int().nonnegative() })),
  /** a-melding: the month; RF-1086: the income year. */
  period: z.string().optional(),
  /** a-melding: the opplysningspliktig; RF-1086: the company. */
  organisationNumber: z.string().optional(),
  organisationName: z.string().optional(),
  /** A firm's draft for one client (routed by org number); absent for the profile's own. */
  clientOrg: z.string().optional(),
  sourceStatus: DraftSourceStatusSchema,
});
export type DraftOverview = z.infer<typeof DraftOverviewSchema>;

export const DraftOverviewListSchema = z.object({ drafts: z.array(DraftOverviewSchema) });

/** One draft opened: its check result (findings and summary), but not its bytes. */
export const DraftDetailSchema = DraftListItemSchema.extend({ sourceStatus: DraftSourceStatusSchema });
export type DraftDetail = z.infer<typeof DraftDetailSchema>;
