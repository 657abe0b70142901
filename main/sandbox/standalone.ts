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
