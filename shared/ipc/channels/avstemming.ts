import { z } from 'zod';
import { channel } from './define';
import { AvstemmingPeriodSchema } from '../../avstemming/avstemmingsrapport';
import { ReconciliationSchema } from '../../avstemming/reconcile';

const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/**
 * The a-melding avstemmingsrapport (issue 16, item 2): Skatteetaten's report for a month or a year beside what
 * Innsender sent, and its export as CSV or PDF through the native save dialog.
 */
export const avstemmingChannels = {
  'avstemming.fetch': channel(z.object({ period: AvstemmingPeriodSchema }).strict(), ReconciliationSchema),
  /** The last fetched reconciliation of the period; `path` null when the save dialog was cancelled. */
  'avstemming.export': channel(
    z.object({ fra: YearMonth, til: YearMonth, format: z.enum(['csv', 'pdf']) }).strict(),
    z.object({ path: z.string().nullable() }),
  ),
} as const;
