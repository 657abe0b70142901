import { z } from 'zod';
import { channel } from './define';
import { NoInput } from '../schemas';
import {
  DialogIdInputSchema,
  DocumentRefInputSchema,
  FeedbackItemSchema,
  FeedbackListSchema,
  FeedbackStatusSchema,
} from '../../feedback/feedback-overview';

/**
 * Skatteetaten's feedback for the active profile, found in Dialogporten (issue 6). Reading never writes
 * Dialogporten's seen log; "read" here is Innsender's own mark, kept per profile.
 */
export const feedbackChannels = {
  /** Every dialog seen so far, newest feedback first, with its link to an outbox submission. */
  'feedback.list': channel(NoInput, FeedbackListSchema),
  /** One dialog with each feedback document read into plain words. */
  'feedback.get': channel(DialogIdInputSchema, FeedbackItemSchema),
  /** The document exactly as Skatteetaten sent it, through the native save dialog; `path` null when cancelled. */
  'feedback.downloadDocument': channel(DocumentRefInputSchema, z.object({ path: z.string().nullable() })),
  /** One poll now (joins one under way); answers the status after it. */
  'feedback.syncNow': channel(NoInput, FeedbackStatusSchema),
  'feedback.status': channel(NoInput, FeedbackStatusSchema),
  /** Marks the dialog's feedback as opened; answers the profile's unread count. */
  'feedback.markRead': channel(DialogIdInputSchema, z.object({ unread: z.number().int() })),
} as const;
