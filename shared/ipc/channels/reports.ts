import { z } from 'zod';
import { channel } from './define';
import { NoInput } from '../schemas';
import {
  CheckedReportsSchema,
  DraftDetailSchema,
  DraftIdInputSchema,
  DraftOverviewListSchema,
  DroppedFilesSchema,
  SaveDraftInputSchema,
} from '../../reports/report-views';
import { SubmissionIdInputSchema } from '../../outbox/outbox-views';
import {
  RouteDroppedFilesSchema,
  RoutedReportsSchema,
  SavedRoutedSchema,
  SaveRoutedInputSchema,
  CheckRoutedTredjepartInputSchema,
} from '../../reports/report-routing';
import { TredjepartCheckSchema } from '../../tredjepart/tredjepart-views';

/**
 * Reports prepared offline: check files (picked in the native dialog, or dropped on the window), keep them as
 * drafts in the active profile. Checks use the active profile's organisation and environment.
 */
export const reportsChannels = {
  /** Opens the native open dialog in main and checks what was picked; empty when cancelled. */
  'reports.pick': channel(NoInput, CheckedReportsSchema),
  /** Checks files dropped on the window, sent as base64 (the renderer has no paths). */
  'reports.checkContent': channel(DroppedFilesSchema, CheckedReportsSchema),
  /** Saves a check main still remembers as a draft in the active profile. */
  'reports.saveDraft': channel(SaveDraftInputSchema, DraftDetailSchema),
  'reports.listDrafts': channel(NoInput, DraftOverviewListSchema),
  'reports.getDraft': channel(DraftIdInputSchema, DraftDetailSchema),
  'reports.deleteDraft': channel(DraftIdInputSchema, z.object({ deleted: z.boolean() })),
  /** Checks the draft's stored bytes again with today's rules and date, and says whether the source changed. */
  'reports.recheckDraft': channel(DraftIdInputSchema, DraftDetailSchema),
  /** Checks the files on disk a draft was read from (after they changed), as a new check that can be saved. */
  'reports.checkDraftSource': channel(DraftIdInputSchema, CheckedReportsSchema),
  /**
   * "Erstatt" on a received a-melding: the corrected file (dropped, or picked in main when `files` is absent) as its
   * replacement (`erstatterMeldingsId` set), checked as a new report; empty when the dialog was cancelled.
   */
  'reports.replaceAMelding': channel(
    z
      .object({ submissionId: SubmissionIdInputSchema.shape.id, files: DroppedFilesSchema.shape.files.optional() })
      .strict(),
    CheckedReportsSchema,
  ),
  /**
   * Files for many clients (issue 14): dropped files (a dropped folder's too) routed by their org number to the
   * firm's client or set-up profile each is for, each checked with that one's rules; progress as
   * `reports.routeProgress`.
   */
  'reports.route': channel(RouteDroppedFilesSchema, RoutedReportsSchema),
  /** The same for files or folders chosen in main's native dialog; empty groups when cancelled. */
  'reports.pickAndRoute': channel(z.object({ folders: z.boolean() }).strict(), RoutedReportsSchema),
  /** Saves routed checks, each as its client's or profile's draft. */
  'reports.saveRouted': channel(SaveRoutedInputSchema, SavedRoutedSchema),
  /**
   * A routed tredjepart file whose fields fit several schemes, checked for the scheme the user chose with its
   * target's rules; saved and sent through the tredjepart channels like any tredjepart check.
   */
  'reports.checkRoutedTredjepart': channel(CheckRoutedTredjepartInputSchema, TredjepartCheckSchema),
} as const;
