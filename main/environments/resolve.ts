import type { Endpoints } from '../../shared/domain/endpoints';
import type { Profile } from '../../shared/domain/profile';
import { realEndpoints, sandboxEndpoints } from './table';
import { loadCustomEndpoints } from './custom-file';
import type { SandboxController } from '../sandbox/sandbox-controller';

/** The endpoints a profile's calls go to; for the sandbox this starts the emulator if it is not running. */
export async function endpointsFor(profile: Profile, sandbox: SandboxController): Promise<Endpoints> {
  switch (profile.environment) {
    case 'sandbox':
      return sandboxEndpoints((await sandbox.ensureRunning()).baseUrl);
    case 'test':
    case 'production':
      return realEndpoints(profile.environment);
    case 'custom':
      // The profile schema guarantees the file for `custom`; the check keeps the type honest.
      if (!profile.customEnvironmentFile) throw new Error('custom profile without file');
      return loadCustomEndpoints(profile.customEnvironmentFile);
  }
}
