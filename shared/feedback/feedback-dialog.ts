import { z } from 'zod';

/**
 * What Innsender keeps of a Dialogporten dialog and its transmissions (dialogporten-events.md §1.5), reduced to
 * what the feedback pages show and the sync needs. Built in main from the end-user API's generated types; these
 * schemas are the contract with the renderer and the CLI's `--json`.
 */
export const FeedbackAttachmentSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  urls: z.array(
    z.object({
      url: z.string(),
      mediaType: z.string().nullable(),
      consumerType: z.string(),
    }),
  ),
});
export type FeedbackAttachment = z.infer<typeof FeedbackAttachmentSchema>;

export const FeedbackTransmissionSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  /** `Acceptance`, `Rejection`, `Information`, … kept as a string: new values appear over time (§5). */
  type: z.string(),
  /** Feedback comes from the service owner; `PartyRepresentative` transmissions are the business's own. */
  sender: z.enum(['ServiceOwner', 'PartyRepresentative']),
  title: z.string().nullable(),
  summary: z.string().nullable(),
  relatedTransmissionId: z.string().nullable(),
  isAuthorized: z.boolean(),
  attachments: z.array(FeedbackAttachmentSchema),
});
export type FeedbackTransmission = z.infer<typeof FeedbackTransmissionSchema>;

export const FeedbackDialogSchema = z.object({
  id: z.string(),
  party: z.string(),
  serviceResource: z.string(),
  status: z.string(),
  extendedStatus: z.string().nullable(),
  externalReference: z.string().nullable(),
  title: z.string().nullable(),
  summary: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  transmissions: z.array(FeedbackTransmissionSchema),
});
export type FeedbackDialog = z.infer<typeof FeedbackDialogSchema>;

/** One dialog that changed in a sync, with the transmissions that are new to Innsender. */
export const FeedbackChangeSchema = z.object({
  dialog: FeedbackDialogSchema,
  /** The dialog was not known before this sync. */
  isNewDialog: z.boolean(),
  newTransmissions: z.array(FeedbackTransmissionSchema),
  /** The subset of `newTransmissions` sent by Skatteetaten: what "new feedback" means to the user. */
  newFeedback: z.array(FeedbackTransmissionSchema),
});
export type FeedbackChange = z.infer<typeof FeedbackChangeSchema>;

/** Skatteetaten's transmissions in a dialog, oldest first: the feedback, as opposed to the business's submission. */
export function feedbackTransmissions(dialog: FeedbackDialog): FeedbackTransmission[] {
  return dialog.transmissions
    .filter((t) => t.sender === 'ServiceOwner')
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

/** The org number in `urn:altinn:organization:identifier-no:<orgnr>`, or null for a person or anything else. */
export function orgOfParty(party: string): string | null {
  return /^urn:altinn:organization:identifier-no:(\d{9})$/.exec(party)?.[1] ?? null;
}
