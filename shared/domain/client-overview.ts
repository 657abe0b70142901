import { z } from 'zod';
import { DelegationStateSchema } from './firm';
import { ServiceIdSchema } from './setup';
import { DeadlineStatusSchema } from '../deadlines/deadline-views';

/**
 * The firm's home (issue 14, item 2): one row per client of the active firm profile, or per profile for a standard
 * profile list (a business with two companies is a small firm), with what needs attention now. Computed in main in
 * one pass over the outbox, drafts and feedback (main/firm/client-overview.ts); the page only searches, sorts and
 * filters it.
 */

/** Why a row needs the user, weightiest first: the overview's "needs attention" sort follows this order. */
export const ATTENTION_REASONS = [
  'setup-missing',
  'delegation-missing',
  'rejected',
  'send-failed',
  'deadline-overdue',
  'draft-errors',
  'new-feedback',
  'deadline-soon',
] as const;
export const AttentionReasonSchema = z.enum(ATTENTION_REASONS);
export type AttentionReason = z.infer<typeof AttentionReasonSchema>;

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const NextDeadlineSchema = z.object({
  /** `<service>:<period>`, as on the Frister page. */
  id: z.string(),
  service: ServiceIdSchema,
  dueDate: DateSchema,
  daysLeft: z.number().int().nonnegative(),
  status: DeadlineStatusSchema,
});
export type NextDeadline = z.infer<typeof NextDeadlineSchema>;

/** A count Innsender can only give for the active profile's data (null: open the profile to see it). */
const Count = z.number().int().nonnegative().nullable();

export const ClientOverviewRowSchema = z.object({
  /** The client's org number (nine digits); for a profile row, the profile's. */
  orgNumber: z.string().regex(/^\d{9}$/),
  name: z.string(),
  /** The profile whose outbox and feedback hold this row's data (the firm's own for its clients). */
  profileId: z.uuid(),
  /** Whether the profile's systembruker is approved (for a client: the firm's agent systembruker). */
  setupReady: z.boolean(),
  /** A firm client's delegation to the agent systembruker; null for a profile row. */
  delegation: DelegationStateSchema.nullable(),
  draftsWithErrors: Count,
  /** Queued, sending, or waiting to try again. */
  inFlight: Count,
  rejected: Count,
  /** Feedback items not opened since they arrived. */
  newFeedback: Count,
  /** Deadlines passed without a received submission (within the last month). */
  overdue: z.number().int().nonnegative(),
  nextDeadline: NextDeadlineSchema.nullable(),
  /** What needs the user, weightiest first (empty: nothing). */
  attention: z.array(AttentionReasonSchema),
});
export type ClientOverviewRow = z.infer<typeof ClientOverviewRowSchema>;

export const ClientOverviewSchema = z.object({
  /** `firm`: the active firm profile's clients; `profiles`: every profile, for a standard profile. */
  scope: z.enum(['firm', 'profiles']),
  /** The active profile the overview was made for. */
  profileId: z.uuid(),
  /** Today in Norway, the day `daysLeft` counts from. */
  today: DateSchema,
  rows: z.array(ClientOverviewRowSchema),
});
export type ClientOverview = z.infer<typeof ClientOverviewSchema>;

/**
 * The user clicked a firm's deadline warning: show the overview filtered to the clients with a deadline soon (the
 * overview's `deadline` filter: those the warning named, and any with another deadline soon).
 */
export const OverviewOpenEventSchema = z.object({ filter: z.literal('deadline') });
