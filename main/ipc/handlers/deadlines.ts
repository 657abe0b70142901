import type { AppServices } from '../../app-services';
import type { HandlersFor } from '../dispatch';
import type { deadlinesChannels } from '../../../shared/ipc/channels/deadlines';

/** The Frister page's channels, each answered by the DeadlineService. */
export function deadlinesHandlers(services: AppServices): HandlersFor<keyof typeof deadlinesChannels> {
  const { deadlines } = services;
  return {
    'deadlines.list': ({ months }) => deadlines.overview(months),
    'deadlines.setWarnDays': ({ days }) => deadlines.setWarnDays(days),
    'deadlines.openExtensionForm': async ({ form }) => {
      await deadlines.openExtensionForm(form);
      return { opened: true as const };
    },
  };
}
