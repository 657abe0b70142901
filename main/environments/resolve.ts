import { nonStandardHosts, type Endpoints } from '../../shared/domain/endpoints';
import type { Profile } from '../../shared/domain/profile';
import { realEndpoints, sandboxEndpoints } from './table';
import { loadCustomEndpoints } from './custom-file';
import { hostsNeedConfirmation, unconfirmedHosts } from './custom-environments';

/** What of a profile decides where its calls go. */
export type EnvironmentChoice = Pick<Profile, 'environment' | 'customEnvironmentFile' | 'customHostsConfirmed'>;

/**
 * Where a profile's calls go: the one answer every module that talks to a service asks for. Built once in
 * `main/app-services.ts`, so no product module knows whether a profile's services are real or emulated.
 */
export interface EndpointResolver {
  /** The endpoints a profile's calls go to now (for a local environment this starts it if it is not running). */
  forProfile(profile: EnvironmentChoice): Promise<Endpoints>;
  /**
   * The loopback origins this run serves itself (the emulated Altinn's approval pages): besides the real services'
   * hosts, the only links handed to the OS browser. Empty while nothing local runs.
   */
  localOrigins(): string[];
}

/** The local services a `sandbox` profile uses: started on first use, on whatever port they get. */
export interface LocalServices {
  ensureRunning(): Promise<{ baseUrl: string }>;
  running(): { baseUrl: string } | null;
}

export function createEndpointResolver(local: LocalServices): EndpointResolver {
  return {
    forProfile: (profile) => endpointsFor(profile, local),
    localOrigins: () => {
      const running = local.running();
      return running ? [new URL(running.baseUrl).origin] : [];
    },
  };
}

/** A resolver for code that never reaches a sandbox profile's services (a test, a real-environment-only path). */
export const realOnlyResolver: EndpointResolver = createEndpointResolver({
  ensureRunning: () => Promise.reject(new Error('no local services in this run')),
  running: () => null,
});

async function endpointsFor(profile: EnvironmentChoice, local: LocalServices): Promise<Endpoints> {
  switch (profile.environment) {
    case 'sandbox':
      return sandboxEndpoints((await local.ensureRunning()).baseUrl);
    case 'test':
    case 'production':
      return realEndpoints(profile.environment);
    case 'custom': {
      // The profile schema guarantees the file for `custom`; the check keeps the type honest.
      if (!profile.customEnvironmentFile) throw new Error('custom profile without file');
      const endpoints = await loadCustomEndpoints(profile.customEnvironmentFile);
      // The file is read again at every use: a host added to it since the confirmation stops every call.
      const missing = unconfirmedHosts(nonStandardHosts(endpoints), profile.customHostsConfirmed?.hosts);
      if (missing.length > 0) throw hostsNeedConfirmation(missing);
      return endpoints;
    }
  }
}
