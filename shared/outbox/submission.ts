import { z } from 'zod';
import { LocalizedTextSchema } from '../domain/localized';
import { SchemeIdSchema, type SchemeId } from '../tredjepart/schemes';

/**
 * One submission in the outbox, as it is kept on disk. The state is a discriminated union so a submission is
 * never "received with an error" or "queued with a receipt":
 *
 *   queued ─▶ sending ─▶ received
 *     │  ▲       │ └───▶ rejected          (Skatteetaten said no; sending the same again will not change that)
 *     │  │       └─────▶ failed ──(retryAt, or the user's retry)──▶ sending / queued
 *     └──┴─────────────▶ cancelled         (only from queued or failed: never while bytes may be on the wire)
 */
export const ServiceSchema = z.enum([
  'a-melding',
  'aksjonaerregisteroppgave',
  'skattekort-til-arbeidsgiver',
  'tredjepart',
]);
export type SubmissionService = z.infer<typeof ServiceSchema>;

export const TargetSchema = z.discriminatedUnion('service', [
  z.object({
    service: z.literal('a-melding'),
    kalendermaaned: z.string(),
    opplysningspliktig: z.string(),
    meldingsId: z.string(),
    erstatterMeldingsId: z.string().optional(),
  }),
  z.object({
    service: z.literal('aksjonaerregisteroppgave'),
    inntektsaar: z.string(),
    oppgavegiver: z.string(),
    underskjemaer: z.number().int().nonnegative(),
    /** The share class (ISIN, else share type): one return per class. Absent in records from before it was kept. */
    aksjeklasse: z.string().optional(),
  }),
  /** An order for the employees' skattekort; the answer is fetched afterwards by its bestillingsreferanse. */
  z.object({
    service: z.literal('skattekort-til-arbeidsgiver'),
    inntektsaar: z.string(),
    arbeidsgiver: z.string(),
    bestillingstype: z.enum(['HENT_ALLE_OPPGITTE', 'HENT_KUN_ENDRING']),
    arbeidstakere: z.number().int().nonnegative(),
  }),
  /** A tredjepartsopplysning melding: one JSON body to the scheme's API (shared/tredjepart/schemes.ts). */
  z.object({
    service: z.literal('tredjepart'),
    scheme: SchemeIdSchema,
    inntektsaar: z.string(),
    oppgavegiver: z.string(),
    antallOppgaver: z.number().int().nonnegative(),
    /** The melding's `oppgavegiversLeveranseReferanse`, when it has one: part of its identity (duplicate-key.ts). */
    leveransereferanse: z.string().optional(),
  }),
]);
export type SubmissionTarget = z.infer<typeof TargetSchema>;

/** The organisation a submission is for (opplysningspliktig, oppgavegiver, arbeidsgiver). */
export function targetOrg(target: SubmissionTarget): string {
  switch (target.service) {
    case 'a-melding':
      return target.opplysningspliktig;
    case 'aksjonaerregisteroppgave':
      return target.oppgavegiver;
    case 'skattekort-til-arbeidsgiver':
      return target.arbeidsgiver;
    case 'tredjepart':
      return target.oppgavegiver;
  }
}

/**
 * What a submission reports: its service (a tredjepart melding's scheme beside it) and the period, the
 * kalendermåned of an a-melding and the inntektsår of the others. A deadline is met by a received submission for its
 * period (main/deadlines/deadline-service.ts); the store keeps these as columns so "which periods has each client
 * reported" is one indexed query instead of every record read.
 */
export interface ReportedPeriod {
  service: SubmissionService;
  scheme: SchemeId | null;
  period: string;
}

export function reportedPeriod(target: SubmissionTarget): ReportedPeriod {
  switch (target.service) {
    case 'a-melding':
      return { service: target.service, scheme: null, period: target.kalendermaaned };
    case 'tredjepart':
      return { service: target.service, scheme: target.scheme, period: target.inntektsaar };
    case 'aksjonaerregisteroppgave':
    case 'skattekort-til-arbeidsgiver':
      return { service: target.service, scheme: null, period: target.inntektsaar };
  }
}

/** What is sent, exactly; kept beside the record (payloads/<id>.json) so state writes stay small. */
export const PayloadSchema = z.discriminatedUnion('service', [
  z.object({ service: z.literal('a-melding'), body: z.string() }),
  z.object({
    service: z.literal('aksjonaerregisteroppgave'),
    inntektsaar: z.string(),
    hovedskjema: z.string(),
    underskjemaer: z.array(z.string()),
  }),
  /** The order's JSON body exactly as sent (`shared/skattekort/order.ts`). */
  z.object({ service: z.literal('skattekort-til-arbeidsgiver'), body: z.string() }),
  /** The melding JSON exactly as checked, posted to `{scheme's base}/{inntektsaar}`. */
  z.object({ service: z.literal('tredjepart'), scheme: SchemeIdSchema, inntektsaar: z.string(), body: z.string() }),
]);
export type SubmissionPayload = z.infer<typeof PayloadSchema>;

/** The ids Skatteetaten returned: what the user quotes, and what the feedback is found by in Dialogporten. */
export const ReceiptSchema = z.object({
  /** For a skattekort order, Skatteetaten's `dialogreferanse`. */
  dialogId: z.string(),
  /** The submission's transmission; a skattekort order has none (it gets a bestillingsreferanse instead). */
  forsendelseId: z.string().optional(),
  /** A skattekort order's reference: what its answer is fetched by. */
  bestillingsreferanse: z.string().optional(),
  meldingsId: z.string().optional(),
  hovedskjemaId: z.string().optional(),
  oppgavegiversLeveranseReferanse: z.string().optional(),
});
export type SubmissionReceipt = z.infer<typeof ReceiptSchema>;

export const SubmissionErrorSchema = z.object({
  code: z.string(),
  message: LocalizedTextSchema,
  details: z.array(z.string()).optional(),
  status: z.number().int().optional(),
  korrelasjonsid: z.string().optional(),
});
export type SubmissionError = z.infer<typeof SubmissionErrorSchema>;

/** Why a submission waits: the network is down, the service had a passing fault, or the user must act. */
export const FailureReasonSchema = z.enum(['offline', 'transient', 'rate-limited', 'needs-action', 'gave-up']);
export type FailureReason = z.infer<typeof FailureReasonSchema>;

export const SubmissionStateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('queued'), since: z.string() }),
  /** `attempt` counts the tries since it was queued (or the user last pressed retry). */
  z.object({ kind: z.literal('sending'), since: z.string(), attempt: z.number().int().positive() }),
  z.object({ kind: z.literal('received'), at: z.string(), receipt: ReceiptSchema }),
  z.object({ kind: z.literal('rejected'), at: z.string(), error: SubmissionErrorSchema }),
  z.object({
    kind: z.literal('failed'),
    at: z.string(),
    error: SubmissionErrorSchema,
    reason: FailureReasonSchema,
    attempt: z.number().int().positive(),
    /** When the outbox tries again by itself; null when only the user's retry will. */
    retryAt: z.string().nullable(),
  }),
  z.object({ kind: z.literal('cancelled'), at: z.string() }),
]);
export type SubmissionState = z.infer<typeof SubmissionStateSchema>;
export type SubmissionStateKind = SubmissionState['kind'];

/** Where a multi-step submission got to, written before the next step is taken. */
export const CheckpointSchema = z.object({
  uploadId: z.string().optional(),
  hovedskjemaId: z.string().optional(),
  underskjemaSent: z.number().int().nonnegative().optional(),
});
export type SubmissionCheckpoint = z.infer<typeof CheckpointSchema>;

export const SubmissionSchema = z.object({
  id: z.string().regex(/^[0-9a-f-]{36}$/),
  /** Created and written before the first byte is sent; every retry of this submission reuses it. */
  idempotencyKey: z.string().uuid(),
  payloadSha256: z.string().regex(/^[0-9a-f]{64}$/),
  payloadBytes: z.number().int().nonnegative(),
  /** The draft it was made from, if any: one live submission per draft. */
  draftId: z.string().optional(),
  label: z.string(),
  target: TargetSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Every attempt ever made (the state's `attempt` restarts on a user retry). */
  attempts: z.number().int().nonnegative(),
  checkpoint: CheckpointSchema,
  state: SubmissionStateSchema,
});
export type Submission = z.infer<typeof SubmissionSchema>;

export const isFinal = (state: SubmissionState) =>
  state.kind === 'received' || state.kind === 'rejected' || state.kind === 'cancelled';
