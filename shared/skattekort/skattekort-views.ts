import { z } from 'zod';
import { SubmissionErrorSchema, SubmissionSchema } from '../outbox/submission';
import { SkattekortAnswerSchema } from './answer';
import { BestillingstypeSchema, InntektsaarSchema, KontaktinformasjonSchema, VarslingstypeSchema } from './order';

/** A fetched answer as kept in the profile (`<profile>/skattekort/answers/<submission id>.json`). */
export const AnswerRecordSchema = z.object({
  submissionId: z.string(),
  bestillingsreferanse: z.string(),
  fetchedAt: z.string(),
  answer: SkattekortAnswerSchema,
});
export type AnswerRecord = z.infer<typeof AnswerRecordSchema>;

/**
 * Where an order's answer is: `not-ordered` while the order itself is still in the outbox (its state says why),
 * `waiting` while Skatteetaten answers 204, `ready` once the answer is on disk, `stopped` when polling needs the
 * user (a refused token, a missing right) and waits for "fetch now".
 */
export const AnswerStatusSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('not-ordered') }),
  z.object({
    kind: z.literal('waiting'),
    polls: z.number().int().nonnegative(),
    nextPollAt: z.string().nullable(),
    /** The last passing fault (503, 429, offline), if the last poll had one. */
    lastError: SubmissionErrorSchema.nullable(),
  }),
  z.object({ kind: z.literal('ready'), fetchedAt: z.string(), employees: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('stopped'), error: SubmissionErrorSchema }),
]);
export type AnswerStatus = z.infer<typeof AnswerStatusSchema>;

export const SkattekortOrderViewSchema = z.object({ submission: SubmissionSchema, answer: AnswerStatusSchema });
export type SkattekortOrderView = z.infer<typeof SkattekortOrderViewSchema>;

/** What the user fills in; the employer is the active profile's organisation, set in main. */
export const OrderInputSchema = z
  .object({
    inntektsaar: InntektsaarSchema,
    bestillingstype: BestillingstypeSchema,
    varslingstype: VarslingstypeSchema,
    kontaktinformasjon: KontaktinformasjonSchema,
    arbeidstakere: z.array(z.string().regex(/^\d{11}$/)).max(10_000),
  })
  .strict();
export type OrderInput = z.infer<typeof OrderInputSchema>;

export const SubmissionRefSchema = z.object({ submissionId: z.string().regex(/^[0-9a-f-]{36}$/) }).strict();
export const ExportInputSchema = SubmissionRefSchema.extend({ format: z.enum(['csv', 'json']) }).strict();

export const SkattekortChangedEventSchema = z.object({ profileId: z.string(), order: SkattekortOrderViewSchema });
