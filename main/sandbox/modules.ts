import type { EmulatorModule } from './host';
import { altinnModule } from './altinn/altinn-module';
import { altinnEventsModule, type AltinnEventsEmulatorOptions } from './altinn-events/events-module';
import { enhetsregisteretModule } from './enhetsregisteret/enhetsregisteret-module';
import { dialogportenModule, type DialogportenEmulatorOptions } from './dialogporten/dialogporten-module';
import { maskinportenModule } from './maskinporten/maskinporten-module';
import { SandboxTokenAuthority } from './maskinporten/token-authority';
import { skatteetatenModule, type SkatteetatenEmulatorOptions } from './skatteetaten/skatteetaten-module';

/**
 * Every emulated service, in one list: the app, `npm run sandbox` and the tests all start the same emulator.
 * Each service's routes live in their own folder under main/sandbox/.
 */
export function emulatorModules(
  options: {
    skatteetaten?: SkatteetatenEmulatorOptions;
    altinnEvents?: AltinnEventsEmulatorOptions;
    dialogporten?: DialogportenEmulatorOptions;
  } = {},
): EmulatorModule[] {
  // One sandbox Maskinporten key per emulator: every emulated API checks bearer tokens against it.
  const authority = new SandboxTokenAuthority();
  return [
    maskinportenModule(authority),
    altinnModule(authority),
    altinnEventsModule(authority, options.altinnEvents),
    dialogportenModule(authority, options.dialogporten),
    skatteetatenModule(authority, options.skatteetaten),
    enhetsregisteretModule(),
  ];
}
