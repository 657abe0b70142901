import type { AppServices } from '../../app-services';
import type { HandlersFor } from '../dispatch';
import type { registerChannels } from '../../../shared/ipc/channels/register';

/** Enhetsregisteret lookups for the forms, answered by ActiveRegister. Validation happened before this. */
export function registerHandlers(services: AppServices): HandlersFor<keyof typeof registerChannels> {
  return {
    'register.lookup': ({ orgNumber, environment }) =>
      services.register.lookup(orgNumber, environment ? { environment } : undefined),
  };
}
