import { z } from 'zod';

/**
 * A Dialogporten event as Altinn Events returns it (dialogporten-events.md §4.3): a CloudEvent 1.0 whose
 * `resourceinstance` is the dialog id and `subject` the dialog's party. Read leniently: only what the sync needs
 * is required, and anything Altinn adds later is ignored.
 */
export const DialogCloudEventSchema = z.object({
  specversion: z.string(),
  id: z.string().min(1),
  type: z.string().min(1),
  time: z.string().optional(),
  resource: z.string().optional(),
  resourceinstance: z.string().optional(),
  subject: z.string().optional(),
  source: z.string().optional(),
});
export type DialogCloudEvent = z.infer<typeof DialogCloudEventSchema>;

/**
 * The events that can mean new feedback: a new dialog, a changed one, a new transmission. `seen.v1` (our own
 * reads) and the activity events are not asked for, so the app never re-triggers itself from its own reads.
 */
export const FEEDBACK_EVENT_TYPES = [
  'dialogporten.dialog.created.v1',
  'dialogporten.dialog.updated.v1',
  'dialogporten.dialog.transmission.created.v1',
] as const;
