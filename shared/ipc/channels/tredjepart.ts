import { z } from 'zod';
import { channel } from './define';
import { NoInput } from '../schemas';
import { SubmitPreviewSchema } from '../../outbox/outbox-views';
import { SubmissionSchema } from '../../outbox/submission';
import {
  TredjepartCheckSchema,
  TredjepartContentInputSchema,
  TredjepartDraftIdInputSchema,
  TredjepartSubmitInputSchema,
  TredjepartDraftListSchema,
  TredjepartDraftSchema,
  TredjepartPickInputSchema,
  TredjepartPickResultSchema,
  TredjepartSaveInputSchema,
} from '../../tredjepart/tredjepart-views';

/**
 * Tredjepartsopplysninger (issue 7): check a scheme's JSON or CSV file offline with the active profile's
 * organisation and environment, keep it as a draft, send a checked draft through the outbox. The bytes that are
 * sent stay in main; the renderer sees the findings, the summary and the hash.
 */
export const tredjepartChannels = {
  /** Opens the native open dialog in main and checks the chosen file; `check` null when cancelled. */
  'tredjepart.pick': channel(TredjepartPickInputSchema, TredjepartPickResultSchema),
  /** Checks a file dropped on the page, sent as base64 (the renderer has no paths). */
  'tredjepart.checkContent': channel(TredjepartContentInputSchema, TredjepartCheckSchema),
  /** Saves a check main still remembers as a draft of the active profile. */
  'tredjepart.saveDraft': channel(TredjepartSaveInputSchema, TredjepartDraftSchema),
  'tredjepart.listDrafts': channel(NoInput, TredjepartDraftListSchema),
  'tredjepart.deleteDraft': channel(TredjepartDraftIdInputSchema, z.object({ deleted: z.boolean() })),
  /** What sending the draft would send, and where; refuses a draft with errors. */
  'tredjepart.preview': channel(TredjepartDraftIdInputSchema, SubmitPreviewSchema),
  /** Queues an error-free draft in the outbox; a draft already queued or received answers that submission. */
  'tredjepart.submit': channel(TredjepartSubmitInputSchema, SubmissionSchema),
} as const;
