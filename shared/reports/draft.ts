import { z } from 'zod';
import { AMeldingCheckResultSchema, Rf1086CheckResultSchema } from './check-result';

/** A checked report kept in a profile so it can be submitted later, offline-prepared. */
export const DraftFileSchema = z.object({
  sourcePath: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  /** The exact bytes that were checked; what will be submitted, whatever happens to the source file. */
  contentBase64: z.string(),
});

export const DraftSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  profileId: z.string(),
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
