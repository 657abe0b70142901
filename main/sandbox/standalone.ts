import { startEmulator, type EmulatorHost } from './host';
import { emulatorModules } from './modules';

/** `npm run sandbox` / `innsender sandbox`: the emulator on its own, for demos, training and scripted checks. */
export async function startStandaloneSandbox(options: { port?: number; stateFile?: string }): Promise<EmulatorHost> {
  return startEmulator({
    modules: emulatorModules(),
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.stateFile ? { stateFile: options.stateFile } : {}),
  });
}

export function describeSandbox(host: EmulatorHost, modules: string[]): string {
  return [
    `Innsender sandbox listening on ${host.baseUrl}`,
    `  services:    ${modules.length > 0 ? modules.join(', ') : '(none yet)'}`,
    `  admin token: ${host.adminToken}  (header x-innsender-admin, for ${host.baseUrl}/__admin/*)`,
    'Press Ctrl+C to stop.',
  ].join('\n');
}

// Run directly (`npm run sandbox`): start, print, stop cleanly on Ctrl+C.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '\0')) {
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
}
