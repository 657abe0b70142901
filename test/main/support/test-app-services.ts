import { createAppServices, type AppServices, type AppServicesOptions } from '../../../main/app-services';
import type { DesktopPort } from '../../../main/desktop-port';
import { silentLogger } from '../../../main/log/logger';
import type { ChannelName } from '../../../shared/ipc/contract';
import type { SetupOverview } from '../../../shared/domain/setup';

/** A notification as the app raised it (what a test can read back). */
export type Notified = { title: string; body: string };

/** A desktop with no OS behind it: it remembers the URLs the app opened and the notifications it raised. */
export function recordingDesktop(): { desktop: DesktopPort; opened: string[]; notified: Notified[] } {
  const opened: string[] = [];
  const notified: Notified[] = [];
  return {
    opened,
    notified,
    desktop: {
      openExternal: async (url) => void opened.push(url),
      pickFiles: async () => [],
      saveFile: async () => null,
      writeClipboard: async () => undefined,
      notify: ({ title, body }) => void notified.push({ title, body }),
    },
  };
}

/** The app's services on a data folder as tests run them: under Node, silent, with a recording desktop. */
export function testAppServices(dataDir: string, options: Partial<AppServicesOptions> = {}) {
  const { desktop, opened, notified } = recordingDesktop();
  const services = createAppServices({
    dataDir,
    host: 'node',
    version: '0.0.0-test',
    log: silentLogger,
    desktop,
    ...options,
  });
  return { services, opened, notified };
}

/** Dispatches a channel that must succeed and gives its value; a failure throws with the error's code. */
export function dispatchOk(services: AppServices) {
  return async <T = SetupOverview>(channel: ChannelName, payload?: unknown): Promise<T> => {
    const result = await services.dispatch(channel, payload);
    if (!result.ok) {
      throw new Error(
        `${channel}: ${result.error.code} ${result.error.message.en} ${JSON.stringify(result.error.details ?? null)}`,
      );
    }
    return result.value as T;
  };
}

/**
 * Reads until `check` holds (what the app does in the background: the outbox, the pollers) and gives that value;
 * throws naming what it waited for when it does not come within `attempts` reads, `everyMs` apart.
 */
export async function waitUntil<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  what: string,
  { attempts, everyMs }: { attempts: number; everyMs: number },
): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await read();
    if (check(value)) return value;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}
