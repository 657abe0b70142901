import { z } from 'zod';
import { AppErrorSchema } from '../domain/app-error';
import { LocalizedTextSchema } from '../domain/localized';
import { ServiceIdSchema } from '../domain/setup';
import { FeedbackDialogSchema, FeedbackTransmissionSchema } from './feedback-dialog';
import { FeedbackViewSchema } from './feedback-view';

/**
 * What the Feedback page and its channels carry (issue 6): a list of dialogs with the gist of their feedback, one
 * dialog with every feedback document read into plain words, and how the polling for the active profile goes.
 */

export const FeedbackLinkSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('linked'),
    submissionId: z.string(),
    by: z.enum(['dialogId', 'forsendelseId', 'externalReference']),
    /** The received a-melding this submission replaces: its feedback answers the replacement of that one. */
    replaces: z.object({ submissionId: z.string(), meldingsId: z.string() }).optional(),
  }),
  /** Sent by another system or person (or before the outbox knew of it): shown, marked as such. */
  z.object({ kind: z.literal('made-elsewhere') }),
]);
export type FeedbackLink = z.infer<typeof FeedbackLinkSchema>;

/**
 * The gist of a dialog's latest feedback. `waiting`: Skatteetaten has not answered yet; `document-pending`: it has,
 * but the document is not fetched (not ready, or refused); the rest come from the document's reading.
 */
export const FeedbackOutcomeSchema = z.enum([
  'waiting',
  'document-pending',
  'received',
  'received-with-deviations',
  'rejected',
  'approved',
  'approved-with-warnings',
  'unknown',
]);
export type FeedbackOutcome = z.infer<typeof FeedbackOutcomeSchema>;

export const FeedbackListItemSchema = z.object({
  dialogId: z.string(),
  /** Null for a resource Innsender has no service for (shown by its resource id). */
  serviceId: ServiceIdSchema.nullable(),
  serviceResource: z.string(),
  title: z.string().nullable(),
  /** The org the dialog belongs to. */
  orgNumber: z.string().nullable(),
  /** `YYYY-MM` for an a-melding, the income year for RF-1086, when the document or the title says. */
  period: z.string().nullable(),
  /** Dialogporten's status and Skatteetaten's extended status (`MOTTATT`, …), as written. */
  status: z.string(),
  extendedStatus: z.string().nullable(),
  outcome: FeedbackOutcomeSchema,
  headline: LocalizedTextSchema.nullable(),
  deviations: z.number().int(),
  /** When the latest feedback came, else when the dialog last changed. */
  receivedAt: z.string(),
  link: FeedbackLinkSchema,
  /** Feedback in it the user has not opened since it arrived. */
  unread: z.boolean(),
  feedbackCount: z.number().int(),
});
export type FeedbackListItem = z.infer<typeof FeedbackListItemSchema>;

export const FeedbackListSchema = z.object({ items: z.array(FeedbackListItemSchema), unread: z.number().int() });
export type FeedbackList = z.infer<typeof FeedbackListSchema>;

export const FeedbackDocumentViewSchema = z.object({
  attachmentId: z.string(),
  name: z.string().nullable(),
  mediaType: z.string(),
  bytes: z.number().int(),
  fetchedAt: z.string(),
  view: FeedbackViewSchema.nullable(),
});
export type FeedbackDocumentView = z.infer<typeof FeedbackDocumentViewSchema>;

export const FeedbackEntrySchema = z.object({
  transmission: FeedbackTransmissionSchema,
  documents: z.array(FeedbackDocumentViewSchema),
  /** Attachments not fetched yet (Skatteetaten had not made them, or the fetch failed): tried again each poll. */
  pendingAttachments: z.array(z.string()),
});
export type FeedbackEntry = z.infer<typeof FeedbackEntrySchema>;

export const FeedbackItemSchema = z.object({
  summary: FeedbackListItemSchema,
  dialog: FeedbackDialogSchema,
  /** Skatteetaten's transmissions, newest first. */
  feedback: z.array(FeedbackEntrySchema),
});
export type FeedbackItem = z.infer<typeof FeedbackItemSchema>;

export const DialogIdInputSchema = z.object({ dialogId: z.string().min(1).max(200) });
export const DocumentRefInputSchema = z.object({
  transmissionId: z.string().min(1).max(200),
  attachmentId: z.string().min(1).max(200),
});

export const PollerStatusSchema = z.object({
  state: z.enum(['stopped', 'waiting', 'syncing', 'paused', 'offline', 'failing']),
  nextPollAt: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  lastError: AppErrorSchema.nullable(),
});

/** Whether feedback can be fetched for the active profile, and how the polling goes. */
export const FeedbackStatusSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('not-ready'),
    reason: z.enum(['no-profile', 'setup-incomplete', 'failed']),
    /** The first setup step that is not done yet (Oppsett), when that is the reason. */
    missingStep: z.enum(['key', 'client', 'system', 'request']).nullable(),
    message: LocalizedTextSchema,
  }),
  z.object({
    state: z.literal('ready'),
    profileId: z.string(),
    poller: PollerStatusSchema,
    unread: z.number().int(),
    /**
     * Where the last pass learnt what changed: Altinn Events, or a Dialogporten search; `eventsRefused` says why
     * Events is not used while it refuses (null before the first pass).
     */
    source: z
      .object({ kind: z.enum(['events', 'dialogporten']), eventsRefused: LocalizedTextSchema.nullable() })
      .nullable()
      .optional(),
  }),
]);
export type FeedbackStatus = z.infer<typeof FeedbackStatusSchema>;

/** New feedback arrived in a poll (never for a profile's first sync, which is history). */
export const FeedbackNewEventSchema = z.object({
  profileId: z.string(),
  items: z.array(z.object({ dialogId: z.string(), transmissionId: z.string(), title: z.string().nullable() })),
  unread: z.number().int(),
});

/** The user clicked a feedback notification: the window shows that dialog. */
export const FeedbackOpenEventSchema = z.object({ dialogId: z.string() });
