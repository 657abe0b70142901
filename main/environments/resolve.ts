import { nonStandardHosts, type Endpoints } from '../../shared/domain/endpoints';
import type { Profile } from '../../shared/domain/profile';
import { realEndpoints, sandboxEndpoints } from './table';
import { loadCustomEndpoints } from './custom-file';
import { hostsNeedConfirmation, unconfirmedHosts } from './custom-environments';
import type { SandboxController } from '../sandbox/sandbox-controller';

/** The endpoints a profile's calls go to; for the sandbox this starts the emulator if it is not running. */
export async function endpointsFor(profile: Profile, sandbox: SandboxController): Promise<Endpoints> {
  switch (profile.environment) {
    case 'sandbox':
      return sandboxEndpoints((await sandbox.ensureRunning()).baseUrl);
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
