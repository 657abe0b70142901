import { z } from 'zod';

/**
 * An order for skattekort til arbeidsgiver (skatteetaten-apis.md §3), as the user chose it. The body sent to
 * Skatteetaten is written from this by `orderRequestBody`, exactly in the shape §3's CONFIRMED example shows.
 */
export const BestillingstypeSchema = z.enum(['HENT_ALLE_OPPGITTE', 'HENT_KUN_ENDRING']);
export type Bestillingstype = z.infer<typeof BestillingstypeSchema>;

/** `VARSEL_VED_FOERSTE_ENDRING` is Skatteetaten's example [A11]; `INGEN_VARSEL` is THIRD-PARTY (NAV, [T1]). */
export const VarslingstypeSchema = z.enum(['VARSEL_VED_FOERSTE_ENDRING', 'INGEN_VARSEL']);
export type Varslingstype = z.infer<typeof VarslingstypeSchema>;

export const KontaktinformasjonSchema = z
  .object({
    epostadresse: z.email().max(254),
    /** International form, as in the example (`+4794123456`). */
    mobiltelefonummer: z
      .string()
      .regex(/^\+?\d{8,15}$/)
      .optional(),
  })
  .strict();
export type Kontaktinformasjon = z.infer<typeof KontaktinformasjonSchema>;

export const InntektsaarSchema = z.string().regex(/^20\d{2}$/);

export const SkattekortOrderSchema = z
  .object({
    inntektsaar: InntektsaarSchema,
    bestillingstype: BestillingstypeSchema,
    varslingstype: VarslingstypeSchema,
    kontaktinformasjon: KontaktinformasjonSchema,
    /** The employer: the active profile's organisation. */
    arbeidsgiver: z.string().regex(/^\d{9}$/),
    /** The employees' fødselsnummer/D-nummer, checked and de-duplicated; empty for `HENT_KUN_ENDRING`. */
    arbeidstakere: z.array(z.string().regex(/^\d{11}$/)).max(10_000),
  })
  .strict()
  .refine((o) => o.bestillingstype === 'HENT_KUN_ENDRING' || o.arbeidstakere.length > 0, {
    message: 'HENT_ALLE_OPPGITTE needs at least one employee',
    path: ['arbeidstakere'],
  });
export type SkattekortOrder = z.infer<typeof SkattekortOrderSchema>;

/**
 * The JSON body of `POST …/bestillSkattekort/`, key for key as in §3's example. A "changes only" order names no
 * employer and no persons: it leaves `forespoerselOmSkattekortTilArbeidsgiver` out, as Skatteetaten's example
 * "Forespørsel om endringer" does (Skatteetaten/api-dokumentasjon docs/api/skattekorttilarbeidsgiver.md @ 036b3fef)
 * and NAV's production client (navikt/sokos-skattekort bestillOppdateringRequest in
 * src/main/kotlin/no/nav/sokos/skattekort/skatteetaten/bestillskattekort/BestillSkattekortRequest.kt @ 0f7ba851).
 */
export function orderRequestBody(order: SkattekortOrder): string {
  return JSON.stringify({
    inntektsaar: order.inntektsaar,
    bestillingstype: order.bestillingstype,
    kontaktinformasjon: {
      epostadresse: order.kontaktinformasjon.epostadresse,
      ...(order.kontaktinformasjon.mobiltelefonummer
        ? { mobiltelefonummer: order.kontaktinformasjon.mobiltelefonummer }
        : {}),
    },
    varslingstype: order.varslingstype,
    ...(order.bestillingstype === 'HENT_KUN_ENDRING'
      ? {}
      : {
          forespoerselOmSkattekortTilArbeidsgiver: {
            arbeidsgiver: [
              {
                arbeidsgiveridentifikator: { organisasjonsnummer: order.arbeidsgiver },
                arbeidstakeridentifikator: order.arbeidstakere,
              },
            ],
          },
        }),
  });
}

/**
 * The order read back from a body (what the outbox keeps), for showing what was ordered. A "changes only" body
 * names no employer: `employer` (the profile's organisation, which the token's systembruker speaks for) stands in.
 */
export function orderFromRequestBody(body: string, employer?: string): SkattekortOrder | null {
  try {
    const json = JSON.parse(body) as {
      inntektsaar?: unknown;
      bestillingstype?: unknown;
      varslingstype?: unknown;
      kontaktinformasjon?: unknown;
      forespoerselOmSkattekortTilArbeidsgiver?: {
        arbeidsgiver?: {
          arbeidsgiveridentifikator?: { organisasjonsnummer?: unknown };
          arbeidstakeridentifikator?: unknown;
        }[];
      };
    };
    const named = json.forespoerselOmSkattekortTilArbeidsgiver?.arbeidsgiver?.[0];
    const parsed = SkattekortOrderSchema.safeParse({
      inntektsaar: json.inntektsaar,
      bestillingstype: json.bestillingstype,
      varslingstype: json.varslingstype,
      kontaktinformasjon: json.kontaktinformasjon,
      arbeidsgiver: named?.arbeidsgiveridentifikator?.organisasjonsnummer ?? employer,
      arbeidstakere: named?.arbeidstakeridentifikator ?? [],
    });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
