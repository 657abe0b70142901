import { describeSandbox, startStandaloneSandbox } from './standalone';
import { emulatorModules } from './modules';

/**
 * `npm run sandbox`: start, print, stop cleanly on Ctrl+C. Its own entry file: a "was I run directly?" check
 * inside standalone.ts also fired in the bundled CLI (the module is inlined into `cli/index.js`, so the file names
 * matched) and started a second emulator on the same state file.
 */
const port = process.env.INNSENDER_SANDBOX_PORT ? Number(process.env.INNSENDER_SANDBOX_PORT) : undefined;
void startStandaloneSandbox({
  ...(port ? { port } : {}),
  ...(process.env.INNSENDER_SANDBOX_STATE ? { stateFile: process.env.INNSENDER_SANDBOX_STATE } : {}),
}).then((host) => {
  process.stdout.write(
    `${describeSandbox(
      host,
      emulatorModules().map((m) => m.name),
    )}\n`,
  );
  const stop = () => void host.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
});
