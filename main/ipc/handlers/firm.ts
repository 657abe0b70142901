import type { AppServices } from '../../app-services';
import type { HandlersFor } from '../dispatch';
import type { firmChannels } from '../../../shared/ipc/channels/firm';

/** An accounting firm's clients, each answered by FirmClients. Validation happened before this. */
export function firmHandlers(services: AppServices): HandlersFor<keyof typeof firmChannels> {
  const { firm, clientOverview } = services;
  return {
    'firm.clients': () => firm.view(),
    'firm.addClient': (input) => firm.add(input),
    'firm.removeClient': ({ orgNumber }) => firm.remove(orgNumber),
    'firm.syncDelegations': () => firm.sync(),
    'firm.confirmDelegation': ({ orgNumber, delegated }) => firm.confirmDelegation(orgNumber, delegated),
    'firm.openClientAdmin': async () => {
      await firm.openClientAdmin();
      return { opened: true as const };
    },
    'firm.overview': () => clientOverview.overview(),
  };
}
