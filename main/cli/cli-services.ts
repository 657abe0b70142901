import { createAppServices, type AppServices } from '../app-services';
import { openCliLog } from './cli-log';
import { cliDesktop } from './cli-desktop';
import type { CliIo } from './output';

/**
 * The app's services as the CLI runs them: under Node, logging to `innsender-cli.log`, with a terminal for a desktop.
 * Loaded by `program.ts` only when a command runs, so `innsender --help` never loads the app.
 */
export function openCliServices(options: {
  dataDir: string;
  version: string;
  io: CliIo;
  now?: () => Date;
}): AppServices {
  return createAppServices({
    dataDir: options.dataDir,
    host: 'node',
    version: options.version,
    desktop: cliDesktop(options.io),
    log: openCliLog(options.dataDir),
    ...(options.now ? { now: options.now } : {}),
  });
}
