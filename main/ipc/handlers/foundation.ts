import type { AppServices } from '../../app-services';
import type { HandlersFor } from '../dispatch';
import type { foundationChannels } from '../../../shared/ipc/channels/foundation';
import { AppError, isAppError } from '../../../shared/domain/app-error';
import type { Profile } from '../../../shared/domain/profile';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { externalUrlToOpen } from '../../security/external-links';

/** The foundation's channels, each answered by its service. Validation happened before this. */
export function foundationHandlers(services: AppServices): HandlersFor<keyof typeof foundationChannels> {
  const { profiles, settings, sandbox, events, customEnvironments } = services;
  const { state: profilesState, announce } = services.profileChanges;

  /** A pick id from the page becomes the file main picked, with the hosts the user confirmed recorded. */
  const customChoice = (pickId: string | undefined, confirmHosts: readonly string[] | undefined) =>
    pickId ? customEnvironments.take(pickId, confirmHosts) : {};
  const recordConfirmation = (profile: Profile) => {
    if (profile.customHostsConfirmed) {
      services.log.info('custom environment hosts confirmed', {
        profileId: profile.id,
        ...profile.customHostsConfirmed,
      });
    }
  };

  const describeEnvironment = async (): Promise<ChannelOutput<'environment.describe'>> => {
    const profile = profiles.active();
    if (!profile) return { status: 'no-profile' as const };
    try {
      const endpoints = await services.endpoints.forProfile(profile);
      return { status: 'ready' as const, environment: profile.environment, endpoints, sandbox: sandbox.status() };
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.code === 'CUSTOM_ENV_HOSTS_UNCONFIRMED') {
        const hosts = error.details ?? [];
        return {
          status: 'unconfirmed-hosts' as const,
          environment: profile.environment,
          hosts,
          message: error.localized,
        };
      }
      return { status: 'invalid' as const, environment: profile.environment, message: error.localized };
    }
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
    'profiles.create': ({ customEnvironmentPick, confirmHosts, ...input }) => {
      const custom = input.environment === 'custom' ? customChoice(customEnvironmentPick, confirmHosts) : {};
      const profile = profiles.create({ ...input, ...custom });
      recordConfirmation(profile);
      announce();
      return profile;
    },
    'profiles.update': ({ customEnvironmentPick, confirmHosts, ...input }) => {
      const profile = profiles.update({ ...input, ...customChoice(customEnvironmentPick, confirmHosts) });
      if (customEnvironmentPick) recordConfirmation(profile);
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

    'environment.describe': describeEnvironment,
    'environment.pickCustomFile': async () => {
      const pick = await customEnvironments.pick();
      return pick ? { cancelled: false as const, ...pick } : { cancelled: true as const };
    },
    'environment.confirmHosts': async ({ hosts }) => {
      const profile = profiles.active();
      if (!profile) {
        throw new AppError('PROFILE_REQUIRED', {
          nb: 'Velg eller legg til en virksomhet først.',
          en: 'Choose or add an organisation first.',
        });
      }
      recordConfirmation(profiles.confirmHosts(profile.id, await customEnvironments.confirmationFor(profile, hosts)));
      announce();
      return describeEnvironment();
    },

    'external.open': async ({ url }) => {
      const href = externalUrlToOpen(url, services.endpoints.localOrigins());
      if (!href) {
        throw new AppError('EXTERNAL_URL_REFUSED', {
          nb: `Innsender åpner bare adresser hos Altinn, Digdir, Maskinporten og Skatteetaten, ikke ${url}.`,
          en: `Innsender opens only addresses at Altinn, Digdir, Maskinporten and Skatteetaten, not ${url}.`,
        });
      }
      await services.options.desktop.openExternal(href);
      return { opened: true as const };
    },

    'clipboard.copy': async ({ text }) => {
      await services.options.desktop.writeClipboard(text);
      return { copied: true as const };
    },
  };
}
