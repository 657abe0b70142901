import { z } from 'zod';
import { channel } from './define';
import { NoInput } from '../schemas';
import { SubmissionSchema } from '../../outbox/submission';
import {
  AuditExportInputSchema,
  AuditVerifyResultSchema,
  DraftRefInputSchema,
  SubmitDraftInputSchema,
  OutboxStatusSchema,
  SubmissionIdInputSchema,
  SubmissionListSchema,
  SubmitPreviewSchema,
} from '../../outbox/outbox-views';

/**
 * The active profile's outbox (issue 5): a checked draft becomes a submission, written to disk before its first
 * byte is sent; the audit log proves what was sent and what came back. Payloads never cross to the renderer.
 */
export const outboxChannels = {
  /** What sending this draft would send, and where; refuses a draft with errors. */
  'outbox.preview': channel(DraftRefInputSchema, SubmitPreviewSchema),
  /**
   * Queues the draft (only an error-free one); a draft already queued or received answers that submission. With a
   * `profileId`, the draft is that set-up profile's and goes to its outbox, shown or not.
   */
  'outbox.submit': channel(SubmitDraftInputSchema, SubmissionSchema),
  'outbox.list': channel(NoInput, SubmissionListSchema),
  'outbox.get': channel(SubmissionIdInputSchema, SubmissionSchema),
  /** Only a queued or waiting (failed) submission: never one whose bytes may be on the wire. */
  'outbox.cancel': channel(SubmissionIdInputSchema, SubmissionSchema),
  /** A failed submission goes back to the queue now, with the same idempotency key. */
  'outbox.retry': channel(SubmissionIdInputSchema, SubmissionSchema),
  'outbox.connectivity': channel(NoInput, OutboxStatusSchema),

  /** Checks the audit log (chain, MACs, head, keychain anchor, the outbox's records); names every finding and its line. */
  'audit.verify': channel(NoInput, AuditVerifyResultSchema),
  /** The audit log as CSV or JSON through the native save dialog; `path` null when cancelled. */
  'audit.export': channel(AuditExportInputSchema, z.object({ path: z.string().nullable() })),
} as const;
