import { z } from 'zod';
import { channel } from './define';
import { APP_PAGE_PATHS } from '../../app/app-pages';
import { WindowTitleInputSchema } from '../../app/window-title';
import { SubmissionIdInputSchema } from '../../outbox/outbox-views';

/**
 * The desktop around the page: the window's title, and a received submission's receipt printed or saved as PDF.
 * The receipt is made in main from the outbox's record, so the page only names the submission.
 */
export const desktopChannels = {
  /** Names the page and the company in the title bar ("Rapporter — Fjellstue AS — Innsender"). */
  'window.setTitle': channel(WindowTitleInputSchema, z.object({ title: z.string() })),
  /** A received submission's receipt as PDF through the native save dialog; `path` null when cancelled. */
  'receipt.savePdf': channel(SubmissionIdInputSchema, z.object({ path: z.string().nullable() })),
  /** The same receipt through the OS print dialog; `printed` false when the user cancelled. */
  'receipt.print': channel(SubmissionIdInputSchema, z.object({ printed: z.boolean() })),
} as const;

/** The application menu's Gå/Go entries: show this page. */
export const NavigateEventSchema = z.object({
  path: z.enum(APP_PAGE_PATHS),
});
/** The user clicked a notification about a rejected or stuck submission: show it on Utboks. */
export const OutboxOpenEventSchema = z.object({ submissionId: SubmissionIdInputSchema.shape.id });
