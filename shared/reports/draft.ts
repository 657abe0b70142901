import { z } from 'zod';
import { AMeldingCheckResultSchema, Rf1086CheckResultSchema } from './check-result';

/**
 * Where a draft's file came from: `path` — read from disk by its path, so a later change to the file can be
 * detected; `dropped` — bytes dropped on the window, known only by name (the renderer never sees paths).
 */
export const DraftFileOriginSchema = z.enum(['path', 'dropped']);
export type DraftFileOrigin = z.infer<typeof DraftFileOriginSchema>;

/** One file of a draft. */
export const DraftFileSchema = z.object({
  /** The path the file was read from, or for a dropped file its name. */
  sourcePath: z.string(),
  /** Absent in drafts saved before the origin was recorded: those were all read by path. */
  origin: DraftFileOriginSchema.optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  /** The exact bytes that were checked; what will be submitted, whatever happens to the source file. */
  contentBase64: z.string(),
});

/** A checked report kept in a profile so it can be submitted later, offline-prepared. */
export const DraftSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  profileId: z.string(),
  /**
   * A firm's draft for one client: the client's org (routed by its org number, issue 14). Absent in a business's
   * drafts and in drafts saved before routing: those are the profile's own.
   */
  clientOrg: z.string().optional(),
  kind: z.enum(['amelding', 'rf1086']),
  savedAt: z.string(),
  checkedAt: z.string(),
  files: z.array(DraftFileSchema).min(1),
  result: z.discriminatedUnion('kind', [AMeldingCheckResultSchema, Rf1086CheckResultSchema]),
});
export type Draft = z.infer<typeof DraftSchema>;

/** What a draft list shows: everything but the file contents. */
export const DraftListItemSchema = DraftSchema.omit({ files: true }).extend({
  files: z.array(DraftFileSchema.omit({ contentBase64: true })),
});
export type DraftListItem = z.infer<typeof DraftListItemSchema>;

/**
 * Whether the files a draft was made from still hold what was checked: `changed` or `missing` when any file
 * read by path no longer matches; `not-tracked` when every file was dropped (there is no path to look at).
 */
export const DraftSourceStatusSchema = z.enum(['unchanged', 'changed', 'missing', 'not-tracked']);
export type DraftSourceStatus = z.infer<typeof DraftSourceStatusSchema>;
