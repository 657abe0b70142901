import { channel } from './define';
import { NoInput } from '../schemas';
import { PrerequisiteChecklistSchema, PrerequisiteTickSchema } from '../../domain/prerequisites';

/**
 * The setup prerequisites checklist (issue 16, item 5): what the user has ticked as done at Digdir, Altinn and
 * Skatteetaten for the active profile's environment. The table itself is shared data (shared/domain/prerequisites.ts).
 */
export const prerequisitesChannels = {
  'prerequisites.checklist': channel(NoInput, PrerequisiteChecklistSchema),
  'prerequisites.tick': channel(PrerequisiteTickSchema, PrerequisiteChecklistSchema),
} as const;
