import type { AppServices } from '../../app-services';
import type { HandlersFor } from '../dispatch';
import type { foundationChannels } from '../../../shared/ipc/channels/foundation';
import { endpointsFor } from '../../environments/resolve';
import { AppError, isAppError } from '../../../shared/domain/app-error';
import { isAllowedExternalUrl } from '../../security/external-links';

/** The foundation's channels, each answered by its service. Validation happened before this. */
export function foundationHandlers(services: AppServices): HandlersFor<keyof typeof foundationChannels> {
  const { profiles, settings, sandbox, events } = services;

  const profilesState = () => ({ ...profiles.state(), notices: settings.notices });
  const announce = () => {
    const state = profilesState();
    events.emit('profiles.changed', state);
    if (profiles.active()?.environment === 'sandbox') {
      void sandbox.ensureRunning().catch((error: unknown) => services.log.error('sandbox start failed', { error }));
    }
    return state;
  };

  return {
    'app.info': () => ({
      name: 'Innsender' as const,
      version: services.options.version,
      host: services.options.host,
      dataDir: services.options.dataDir,
    }),

    'settings.get': () => ({ language: settings.read().language }),
    'settings.update': (change) => {
      const next = settings.update((s) => ({ ...s, ...(change.language ? { language: change.language } : {}) }));
      events.emit('settings.changed', { language: next.language });
      return { language: next.language };
    },

    'profiles.list': () => profilesState(),
    'profiles.create': (input) => {
      const profile = profiles.create(input);
      announce();
      return profile;
    },
    'profiles.update': (input) => {
      const profile = profiles.update(input);
      announce();
      return profile;
    },
    'profiles.remove': ({ id }) => {
      profiles.remove(id);
      return announce();
    },
    'profiles.activate': ({ id }) => {
      profiles.activate(id);
      return announce();
    },

    'environment.describe': async () => {
      const profile = profiles.active();
      if (!profile) return { status: 'no-profile' as const };
      try {
        const endpoints = await endpointsFor(profile, sandbox);
        return { status: 'ready' as const, environment: profile.environment, endpoints, sandbox: sandbox.status() };
      } catch (error) {
        if (!isAppError(error)) throw error;
        return { status: 'invalid' as const, environment: profile.environment, message: error.localized };
      }
    },

    'external.open': async ({ url }) => {
      const sandboxHost = sandbox.running();
      if (!isAllowedExternalUrl(url, sandboxHost ? [sandboxHost.baseUrl] : [])) {
        throw new AppError('EXTERNAL_URL_REFUSED', {
          nb: `Innsender åpner bare adresser hos Altinn, Digdir, Maskinporten og Skatteetaten, ikke ${url}.`,
          en: `Innsender opens only addresses at Altinn, Digdir, Maskinporten and Skatteetaten, not ${url}.`,
        });
      }
      await services.options.desktop.openExternal(url);
      return { opened: true as const };
    },
  };
}
