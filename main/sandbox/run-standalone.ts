// `npm run sandbox`: the emulator on its own, started, printed, and stopped cleanly on Ctrl+C.
// An entry of its own on purpose: an "am I the main module?" test inside standalone.ts was true inside the CLI's
// bundle too (`out/cli/index.js` ends in `index.js` like any entry), so every `innsender …` command started a
// sandbox and never exited.
import { describeSandbox, startStandaloneSandbox } from './standalone';
import { emulatorModules } from './modules';

const port = process.env.INNSENDER_SANDBOX_PORT ? Number(process.env.INNSENDER_SANDBOX_PORT) : undefined;
const host = await startStandaloneSandbox({
  ...(port ? { port } : {}),
  ...(process.env.INNSENDER_SANDBOX_STATE ? { stateFile: process.env.INNSENDER_SANDBOX_STATE } : {}),
});
process.stdout.write(
  `${describeSandbox(
    host,
    emulatorModules().map((m) => m.name),
  )}\n`,
);
const stop = () => void host.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
