import { z } from 'zod';
import { channel } from './define';
import {
  DeadlinesListInputSchema,
  DeadlinesOverviewSchema,
  ExtensionFormInputSchema,
  WarnDaysInputSchema,
} from '../../deadlines/deadline-views';

/**
 * The Frister page (issue 7, part 3): the active profile's deadlines for its chosen services, the warning setting,
 * and the official extension form opened in the OS browser. Nothing is sent to Skatteetaten from here.
 */
export const deadlinesChannels = {
  'deadlines.list': channel(DeadlinesListInputSchema, DeadlinesOverviewSchema),
  /** How many days ahead a deadline not yet met is warned about (page and OS notification). */
  'deadlines.setWarnDays': channel(WarnDaysInputSchema, DeadlinesOverviewSchema),
  /** Opens the form's official page (allow-listed) in the OS browser. */
  'deadlines.openExtensionForm': channel(ExtensionFormInputSchema, z.object({ opened: z.literal(true) })),
} as const;
