import { z } from 'zod';
import { LocalizedTextSchema } from '../domain/localized';
import { SchemeIdSchema } from '../tredjepart/schemes';

/**
 * What the feedback page shows for one document, in plain words. Built by `interpretFeedbackDocument` from
 * Skatteetaten's document; the formats behind it are partly UNCONFIRMED, so every field may be missing and
 * `unconfirmedFormat` says the page should offer the raw document beside the reading.
 */
export const SeveritySchema = z.enum(['rejection', 'immediate', 'guideline', 'warning', 'unknown']);
export type Severity = z.infer<typeof SeveritySchema>;

/** Most serious first: the order the groups are shown in. */
export const SEVERITY_ORDER: readonly Severity[] = ['rejection', 'immediate', 'guideline', 'warning', 'unknown'];

export const DeviationSchema = z.object({
  code: z.string().nullable(),
  text: z.string().nullable(),
  guidance: z.string().nullable(),
  severity: SeveritySchema,
  /** Where in the report it points: the month, the employer unit, the person, the employment, the income line. */
  where: z.object({
    kalendermaaned: z.string().nullable(),
    meldingsId: z.string().nullable(),
    virksomhet: z.string().nullable(),
    personName: z.string().nullable(),
    /** Birth date part only (`010190*****`): the page never needs the whole fødselsnummer. */
    personId: z.string().nullable(),
    employeeNumber: z.string().nullable(),
    employmentId: z.string().nullable(),
    income: z.string().nullable(),
  }),
  /** The path of the node it hung on, e.g. `mottak[0].virksomhet[0].inntektsmottaker[2].avvik[0]`. */
  path: z.string(),
});
export type Deviation = z.infer<typeof DeviationSchema>;

export const DeviationGroupSchema = z.object({
  severity: SeveritySchema,
  label: LocalizedTextSchema,
  deviations: z.array(DeviationSchema),
});
export type DeviationGroup = z.infer<typeof DeviationGroupSchema>;

export const TotalsSchema = z.object({
  arbeidsgiveravgift: z.number().nullable(),
  forskuddstrekk: z.number().nullable(),
  finansskatt: z.number().nullable(),
});
export type Totals = z.infer<typeof TotalsSchema>;

export const AMeldingFeedbackViewSchema = z.object({
  kind: z.literal('a-melding'),
  outcome: z.enum(['received', 'received-with-deviations', 'rejected', 'unknown']),
  headline: LocalizedTextSchema,
  months: z.array(
    z.object({
      kalendermaaned: z.string().nullable(),
      opplysningspliktig: z.string().nullable(),
      deliveries: z.array(
        z.object({
          meldingsId: z.string().nullable(),
          altinnReferanse: z.string().nullable(),
          /** As Skatteetaten wrote it (`mottatt`, `avvist`, …; the full list is UNCONFIRMED). */
          status: z.string().nullable(),
          incomeRecipients: z.number().nullable(),
          totals: TotalsSchema.nullable(),
        }),
      ),
      /** The month's totals after every delivery so far: what Skatteetaten expects paid. */
      periodTotals: TotalsSchema.nullable(),
      payment: z
        .object({
          kontonummer: z.string().nullable(),
          kidArbeidsgiveravgift: z.string().nullable(),
          kidForskuddstrekk: z.string().nullable(),
          kidFinansskatt: z.string().nullable(),
          forfallsdato: z.string().nullable(),
        })
        .nullable(),
    }),
  ),
  deviationGroups: z.array(DeviationGroupSchema),
  unconfirmedFormat: z.literal(true),
});
export type AMeldingFeedbackView = z.infer<typeof AMeldingFeedbackViewSchema>;

export const Rf1086FeedbackViewSchema = z.object({
  kind: z.literal('aksjonaerregisteroppgave'),
  outcome: z.enum(['approved', 'approved-with-warnings', 'rejected', 'unknown']),
  headline: LocalizedTextSchema,
  processedAt: z.string().nullable(),
  deliveries: z.array(
    z.object({
      status: z.string().nullable(),
      reference: z.string().nullable(),
      ownReference: z.string().nullable(),
      oppgavegiver: z.string().nullable(),
      inntektsaar: z.string().nullable(),
      tasks: z.number().nullable(),
      rejectedTasks: z.number().nullable(),
      tasksWithWarnings: z.number().nullable(),
    }),
  ),
  deviationGroups: z.array(DeviationGroupSchema),
  unconfirmedFormat: z.literal(true),
});
export type Rf1086FeedbackView = z.infer<typeof Rf1086FeedbackViewSchema>;

/**
 * A tredjepartsopplysning's feedback: the same GLD innsendingstilbakemelding as RF-1086 (UNCONFIRMED for the JSON
 * APIs), told apart by its `oppgavetype` naming the scheme.
 */
export const TredjepartFeedbackViewSchema = Rf1086FeedbackViewSchema.extend({
  kind: z.literal('tredjepart'),
  scheme: SchemeIdSchema,
});
export type TredjepartFeedbackView = z.infer<typeof TredjepartFeedbackViewSchema>;

export const UnknownFeedbackViewSchema = z.object({
  kind: z.literal('unknown'),
  headline: LocalizedTextSchema,
  reason: z.enum(['unreadable', 'unrecognised']),
});

export const FeedbackViewSchema = z.discriminatedUnion('kind', [
  AMeldingFeedbackViewSchema,
  Rf1086FeedbackViewSchema,
  TredjepartFeedbackViewSchema,
  UnknownFeedbackViewSchema,
]);
export type FeedbackView = z.infer<typeof FeedbackViewSchema>;
