import { join } from 'node:path';
import { startEmulator, type EmulatorHost, type EmulatorModule } from './host';
import { readRememberedPort, rememberPort } from './remembered-port';
import type { EventHub } from '../ipc/event-hub';
import type { Logger } from '../log/logger';

export type SandboxStatus =
  | { state: 'stopped' }
  | { state: 'running'; baseUrl: string }
  | { state: 'failed'; message: { nb: string; en: string } };

/**
 * Starts the emulator when a sandbox profile needs it and keeps one instance for the app's lifetime; its state
 * file lives in the data directory so a sandbox session survives a restart, and it starts on the port it had last
 * time in that data directory when that port is free (`<data dir>/sandbox/port.json`).
 */
export class SandboxController {
  private host: EmulatorHost | null = null;
  private starting: Promise<EmulatorHost> | null = null;
  private lastStatus: SandboxStatus = { state: 'stopped' };

  constructor(
    private readonly deps: {
      dataDir: string;
      modules: () => EmulatorModule[];
      events: EventHub;
      log: Logger;
      now?: () => Date;
    },
  ) {}

  status(): SandboxStatus {
    return this.lastStatus;
  }

  running(): EmulatorHost | null {
    return this.host;
  }

  async ensureRunning(): Promise<EmulatorHost> {
    if (this.host) return this.host;
    this.starting ??= this.start()
      .then((host) => {
        this.host = host;
        this.setStatus({ state: 'running', baseUrl: host.baseUrl });
        this.deps.log.info('sandbox emulator started', { baseUrl: host.baseUrl });
        return host;
      })
      .catch((error: unknown) => {
        this.starting = null;
        this.setStatus({
          state: 'failed',
          message: {
            nb: `Sandkassen kunne ikke starte: ${(error as Error).message}`,
            en: `The sandbox could not start: ${(error as Error).message}`,
          },
        });
        throw error;
      });
    return this.starting;
  }

  private async start(): Promise<EmulatorHost> {
    const folder = join(this.deps.dataDir, 'sandbox');
    const preferredPort = await readRememberedPort(folder);
    const host = await startEmulator({
      modules: this.deps.modules(),
      stateFile: join(folder, 'state.json'),
      ...(preferredPort ? { preferredPort } : {}),
      ...(this.deps.now ? { now: this.deps.now } : {}),
    });
    if (preferredPort && host.port !== preferredPort) {
      // Not an error: URLs from the last run are still served (see README), only the address changed.
      this.deps.log.warn('sandbox: the port of the last run was taken; started on another', {
        previousPort: preferredPort,
        port: host.port,
      });
    }
    if (host.port !== preferredPort) await rememberPort(folder, host.port);
    return host;
  }

  async stop(): Promise<void> {
    // A start under way finishes first, so no server is left listening after stop().
    if (this.starting) await this.starting.catch(() => undefined);
    const host = this.host;
    this.host = null;
    this.starting = null;
    if (host) await host.stop();
    this.setStatus({ state: 'stopped' });
  }

  private setStatus(status: SandboxStatus): void {
    this.lastStatus = status;
    this.deps.events.emit('sandbox.status', status);
  }
}
