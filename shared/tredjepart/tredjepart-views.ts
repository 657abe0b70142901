import { z } from 'zod';
import { TredjepartCheckResultSchema } from './check-result';
import { SchemeIdSchema } from './schemes';

/** What the Tredjepart page, its channels and the CLI carry. The bytes to send stay in main. */

const Id32 = z.string().regex(/^[0-9a-f]{32}$/);
const IncomeYear = z.string().regex(/^\d{4}$/);

export const TredjepartCheckSchema = z.object({ checkId: Id32, result: TredjepartCheckResultSchema });
export type TredjepartCheck = z.infer<typeof TredjepartCheckSchema>;

/** `inntektsaar` is used only for a CSV, whose rows carry no envelope (default: last year). */
export const TredjepartPickInputSchema = z
  .object({ scheme: SchemeIdSchema, inntektsaar: IncomeYear.optional() })
  .strict();

/** Same cap as dropped reports: the REST API takes at most 10 MB anyway (skatteetaten-apis.md §0.5). */
export const MAX_DROPPED_BYTES = 32 * 1024 * 1024;
export const TredjepartContentInputSchema = z
  .object({
    scheme: SchemeIdSchema,
    name: z.string().min(1).max(255),
    contentBase64: z.string().max(Math.ceil(MAX_DROPPED_BYTES / 3) * 4),
    inntektsaar: IncomeYear.optional(),
  })
  .strict();

/** The pick dialog may be cancelled: then there is no check. */
export const TredjepartPickResultSchema = z.object({ check: TredjepartCheckSchema.nullable() });

export const TredjepartSaveInputSchema = z.object({ checkId: Id32 }).strict();
export const TredjepartDraftIdInputSchema = z.object({ id: Id32 }).strict();
/** Sending a draft: the active profile's, or another set-up profile's (a routed file, issue 14), checked in main. */
export const TredjepartSubmitInputSchema = TredjepartDraftIdInputSchema.extend({
  profileId: z.uuid().optional(),
}).strict();

export const TredjepartDraftSchema = z.object({
  id: Id32,
  profileId: z.string(),
  scheme: SchemeIdSchema,
  savedAt: z.string(),
  /** The file it was read from (a dropped file is known by name only). */
  source: z.object({
    name: z.string(),
    origin: z.enum(['path', 'dropped']),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    size: z.number().int().nonnegative(),
  }),
  /** What will be sent: the melding JSON (for a CSV, the JSON made from it). */
  bodySha256: z.string().regex(/^[0-9a-f]{64}$/),
  bodyBytes: z.number().int().nonnegative(),
  result: TredjepartCheckResultSchema,
});
export type TredjepartDraft = z.infer<typeof TredjepartDraftSchema>;

export const TredjepartDraftListSchema = z.object({ drafts: z.array(TredjepartDraftSchema) });
