import type { AppServices } from '../../app-services';
import type { HandlersFor } from '../dispatch';
import type { prerequisitesChannels } from '../../../shared/ipc/channels/prerequisites';

/** The setup checklist's channels, answered by the PrerequisiteChecklistService. */
export function prerequisitesHandlers(services: AppServices): HandlersFor<keyof typeof prerequisitesChannels> {
  const { prerequisites } = services;
  return {
    'prerequisites.checklist': () => prerequisites.checklist(),
    'prerequisites.tick': (tick) => prerequisites.tick(tick),
  };
}
