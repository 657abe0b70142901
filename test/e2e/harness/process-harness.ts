import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { DesktopPort } from '../../../main/desktop-port';
import { chromiumPrinter, openBrowserPage, requireBuiltRenderer, type BrowserPage } from './browser-page';
import { emptyDesktopRecord, recordingDesktopPort, type DesktopRecord } from './harness-desktop';
import type { HarnessServiceOptions } from './harness-services';
import type { FromServices, ServicesProcessConfig, ToServices } from './services-process-messages';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const READY_WITHIN_MS = 60_000;

/** The sandbox emulator of the running service process, and its admin token (new on every start). */
export interface RunningSandbox {
  baseUrl: string;
  adminToken: string;
}

export interface ProcessHarness {
  page: Page;
  dataDir: string;
  desktop: DesktopRecord;
  consoleErrors: string[];
  screenshot: BrowserPage['screenshot'];
  seriousA11yViolations: BrowserPage['seriousA11yViolations'];
  /** The running process's sandbox (throws when the process is down or its profile does not use the sandbox). */
  sandbox(): RunningSandbox;
  /** SIGKILL, as when the app is killed or the machine loses power: no dispose, no flush. */
  kill(): Promise<void>;
  /** Starts the services again on the same data folder and bridge address; reload the page to reconnect. */
  restart(): Promise<void>;
  /** Stops the service process (disposing its services) and the browser; the data folder is the caller's. */
  close(): Promise<void>;
}

/**
 * The real-browser harness with the main-process services in a child process (`services-process.ts`) on
 * `dataDir`: the page talks to them over the same loopback bridge, the desktop port's calls come back here and are
 * recorded in `desktop`, and the test can kill the process and start it again, as a user's app is killed.
 */
export async function startProcessHarness(options: {
  dataDir: string;
  feedback?: HarnessServiceOptions['feedback'];
}): Promise<ProcessHarness> {
  requireBuiltRenderer();
  const { dataDir } = options;
  const desktop = emptyDesktopRecord();
  const printer = chromiumPrinter();
  const port = recordingDesktopPort(dataDir, desktop, printer.print);
  const bridgeToken = randomBytes(24).toString('base64url');
  let bridgePort = 0;
  let running: { child: ChildProcess; sandbox: RunningSandbox | null } | null = null;

  async function start(): Promise<string> {
    const config: ServicesProcessConfig = {
      dataDir,
      bridgePort,
      bridgeToken,
      ...(options.feedback ? { feedback: options.feedback } : {}),
    };
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/e2e/harness/services-process.ts', JSON.stringify(config)],
      { cwd: ROOT, env: process.env, stdio: ['ignore', 'inherit', 'pipe', 'ipc'], serialization: 'advanced' },
    );
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('message', (message: FromServices) => {
      if (message.type === 'desktop') void answerDesktopCall(child, port, message);
    });
    const ready = await new Promise<Extract<FromServices, { type: 'ready' }>>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`the service process was not ready within ${READY_WITHIN_MS} ms: ${stderr}`));
      }, READY_WITHIN_MS);
      child.on('message', (message: FromServices) => {
        if (message.type !== 'ready') return;
        clearTimeout(timer);
        resolve(message);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the service process ended before it was ready (${code ?? signal}): ${stderr}`));
      });
    });
    running = { child, sandbox: ready.sandbox };
    return ready.bridgeUrl;
  }

  async function stopChild(how: 'kill' | 'stop'): Promise<void> {
    const child = running?.child;
    running = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    if (how === 'kill') child.kill('SIGKILL');
    else {
      child.send({ type: 'stop' } satisfies ToServices);
      // A dispose that hangs must not hang the test run.
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      void exited.then(() => clearTimeout(timer));
    }
    await exited;
  }

  const bridgeUrl = await start();
  bridgePort = Number(new URL(bridgeUrl).port);
  const opened = await openBrowserPage({ url: bridgeUrl, token: bridgeToken }).catch(async (error: unknown) => {
    await stopChild('stop');
    throw error;
  });
  printer.use(opened);

  return {
    page: opened.page,
    dataDir,
    desktop,
    consoleErrors: opened.consoleErrors,
    screenshot: opened.screenshot,
    seriousA11yViolations: opened.seriousA11yViolations,
    sandbox() {
      if (!running?.sandbox) throw new Error('no sandbox is running: the service process is down or not on sandbox');
      return running.sandbox;
    },
    kill: () => stopChild('kill'),
    async restart() {
      await stopChild('kill');
      await start();
    },
    async close() {
      await stopChild('stop');
      await opened.close();
    },
  };
}

/** Runs a desktop call of the service process on the recording desktop and sends the answer back. */
async function answerDesktopCall(
  child: ChildProcess,
  port: Required<DesktopPort>,
  message: Extract<FromServices, { type: 'desktop' }>,
): Promise<void> {
  let answer: ToServices;
  try {
    const [first, method] = message.call.split('.') as [string, string | undefined];
    const owner = (method ? port.window : port) as unknown as Record<string, (...args: unknown[]) => unknown>;
    const call = owner[method ?? first]!;
    answer = { type: 'desktop-result', id: message.id, ok: true, value: await call(...message.args) };
  } catch (error) {
    answer = { type: 'desktop-result', id: message.id, ok: false, message: (error as Error).message };
  }
  if (child.connected) child.send(answer);
}
