// The app's main-process services in a process of their own, for tests that kill the app (SIGKILL) and start it
// again: `node --import tsx test/e2e/harness/services-process.ts '<ServicesProcessConfig as JSON>'`, with an IPC
// channel to the test (process-harness.ts). The same services and bridge the in-process harness uses; the
// desktop port's calls go to the test, which records them as the in-process harness does.
import { startActiveEnvironment } from '../../../main/app-services';
import type { DesktopPort } from '../../../main/desktop-port';
import { startBridgeServer } from './bridge-server';
import { harnessAppServices } from './harness-services';
import type { DesktopCall, FromServices, ServicesProcessConfig, ToServices } from './services-process-messages';

const config = JSON.parse(process.argv[2] ?? '{}') as ServicesProcessConfig;
const tell = (message: FromServices) => process.send?.(message);

const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
let nextCall = 1;
function ask<T>(call: DesktopCall, ...args: unknown[]): Promise<T> {
  const id = nextCall++;
  return new Promise<T>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
    tell({ type: 'desktop', id, call, args });
  });
}

const desktop: Required<DesktopPort> = {
  openExternal: (url) => ask('openExternal', url),
  pickFiles: (options) => ask('pickFiles', options),
  saveFile: (options) => ask('saveFile', options),
  writeClipboard: (text) => ask('writeClipboard', text),
  window: {
    setTitle: (title) => void ask('window.setTitle', title),
    printToPdf: (html, options) => ask('window.printToPdf', html, options),
    print: (html) => ask('window.print', html),
  },
  // A click handler cannot cross the process boundary: the test sees what was notified, not the click.
  notify: ({ title, body }) => void ask('notify', { title, body }),
};

// Resumes the outbox at start, as the app does after a restart: what a kill left `sending` is sent again.
const services = harnessAppServices(config.dataDir, desktop, {
  outboxAutoStart: true,
  ...(config.feedback ? { feedback: config.feedback } : {}),
});

process.on('message', (message: ToServices) => {
  if (message.type === 'stop') {
    void services.dispose().finally(() => process.exit(0));
    return;
  }
  const call = waiting.get(message.id);
  waiting.delete(message.id);
  if (message.ok) call?.resolve(message.value);
  else call?.reject(new Error(message.message));
});
// The test is gone (it crashed or was stopped): do not linger as an orphan holding the ports.
process.on('disconnect', () => process.exit(0));

await startActiveEnvironment(services);
const bridge = await startBridgeServer(services, { port: config.bridgePort, token: config.bridgeToken });
const sandbox = services.sandbox.running();
tell({
  type: 'ready',
  bridgeUrl: bridge.url,
  sandbox: sandbox ? { baseUrl: sandbox.baseUrl, adminToken: sandbox.adminToken } : null,
});
