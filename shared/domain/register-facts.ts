import { z } from 'zod';
import { formatDate } from '../format';

/**
 * What Enhetsregisteret (Brønnøysundregistrene's open API, `https://data.brreg.no/enhetsregisteret/api`; OpenAPI in
 * brreg/openAPI `specs/enhetsregisteret.json`) says about one organisation number, as Innsender keeps it: the
 * fields the report rules and the profile forms use, and when the answer was fetched, so every rule that uses it
 * can say how old its data is.
 */
export const RegisterUnitSchema = z.object({
  orgNumber: z.string(),
  name: z.string(),
  /** `organisasjonsform.kode`: AS, ASA, ENK, BEDR (an underenhet), … */
  organisationForm: z.string(),
  /** A hovedenhet (`/enheter`) or an underenhet (`/underenheter`, a workplace that belongs to one). */
  kind: z.enum(['enhet', 'underenhet']),
  /** `stiftelsesdato` ('YYYY-MM-DD'), when the register has one. */
  foundedOn: z.string().optional(),
  /** `registreringsdatoEnhetsregisteret`. */
  registeredOn: z.string().optional(),
  /** `overordnetEnhet`: an underenhet's hovedenhet. */
  parent: z.string().optional(),
  bankrupt: z.boolean(),
  windingUp: z.boolean(),
  /** `slettedato`, when the register still answers for a deleted unit. */
  deletedOn: z.string().optional(),
});
export type RegisterUnit = z.infer<typeof RegisterUnitSchema>;

/** One answer: found (an enhet with its underenheter), not in the register (404), or deleted (410). */
export const RegisterAnswerSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('found'),
    unit: RegisterUnitSchema,
    /** An enhet's underenheter (`/underenheter?overordnetEnhet=`); empty for an underenhet. */
    subUnits: z.array(z.string()),
    fetchedAt: z.string(),
  }),
  z.object({ status: z.literal('not-found'), orgNumber: z.string(), fetchedAt: z.string() }),
  z.object({
    status: z.literal('deleted'),
    orgNumber: z.string(),
    deletedOn: z.string().optional(),
    fetchedAt: z.string(),
  }),
]);
export type RegisterAnswer = z.infer<typeof RegisterAnswerSchema>;

/** A lookup for a form: the answer, and whether it is the last one kept because the register could not be reached. */
export const RegisterLookupSchema = z.object({ answer: RegisterAnswerSchema, fromCache: z.boolean() });
export type RegisterLookup = z.infer<typeof RegisterLookupSchema>;

/** The cached answers a report check gets, by organisation number (plain data: it crosses to the check worker). */
export type RegisterFacts = Readonly<Record<string, RegisterAnswer>>;

/** The answer's day as a person reads it ("5. januar 2026"), for "opplysninger hentet …" in a finding. */
export function fetchedOn(answer: RegisterAnswer, language: 'nb' | 'en'): string {
  return formatDate(answer.fetchedAt, language);
}
