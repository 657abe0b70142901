import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createAppServices, type AppServices, type AppServicesOptions } from '../../../main/app-services';
import { silentLogger } from '../../../main/log/logger';
import { savedBytes } from '../../../main/desktop-port';
import { startBridgeServer } from './bridge-server';
import { buildBridgeClient } from './build-bridge-client';
import { startStaticServer } from './static-server';

export const CHROMIUM = process.env.INNSENDER_CHROMIUM ?? '/usr/bin/chromium';
const RENDERER_DIR = resolve(process.env.INNSENDER_RENDERER_OUT ?? 'out/renderer');
export const ARTIFACTS = resolve('test-artifacts/e2e');

/** What the "OS" did for the app during a test: every call to the desktop port, recorded. */
export interface DesktopRecord {
  openedExternally: string[];
  /** What was saved: `content` as text (UTF-8), `bytes` exactly as written (a PDF's). */
  saved: { path: string; content: string; bytes: Buffer }[];
  clipboard: string[];
  notifications: { title: string; body: string; onClick?: () => void }[];
  /** Every title the page gave the window ("Rapporter — Fjellstue AS — Innsender"), in order. */
  titles: string[];
  /** The receipts sent to "the printer": the HTML main rendered. */
  printed: string[];
  /** The next answers of the native open dialog, consumed one per call (empty = cancelled). */
  nextPicks: string[][];
}

export interface Harness {
  page: Page;
  services: AppServices;
  dataDir: string;
  desktop: DesktopRecord;
  /** URLs main handed to the "OS browser". */
  openedExternally: string[];
  /** Console errors and CSP violations the page reported. */
  consoleErrors: string[];
  screenshot(name: string): Promise<string>;
  /** axe-core violations of serious or critical impact on the current page. */
  seriousA11yViolations(): Promise<{ id: string; impact: string; help: string; nodes: number }[]>;
  close(): Promise<void>;
}

/**
 * The real-browser harness: the real main-process services (no Electron) with a fresh data folder, the built
 * renderer on loopback, and Debian's headless Chromium with `window.innsender` installed before any page script.
 */
export async function startHarness(
  options: {
    dataDir?: string;
    /** Run the feedback poller as the app does, on this schedule (off by default: most tests do not need it). */
    feedback?: Pick<AppServicesOptions, 'feedbackIntervals'>;
    /** A fixed clock for the whole app (deadlines, the sandbox, tokens), for tests about dates. */
    now?: () => Date;
    /** The window's size (default 1280×900). */
    viewport?: { width: number; height: number };
  } = {},
): Promise<Harness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run test:e2e` (it builds first).');
  }
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'innsender-e2e-')));
  const desktop: DesktopRecord = {
    openedExternally: [],
    saved: [],
    clipboard: [],
    notifications: [],
    nextPicks: [],
    titles: [],
    printed: [],
  };
  // First: the window port renders receipts to PDF with it.
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const openedExternally = desktop.openedExternally;
  const services = createAppServices({
    dataDir,
    host: 'node',
    version: '0.0.0-e2e',
    desktop: {
      openExternal: async (url) => void desktop.openedExternally.push(url),
      pickFiles: async () => desktop.nextPicks.shift() ?? [],
      saveFile: async ({ defaultName, content }) => {
        const path = join(dataDir, 'saved', defaultName);
        await mkdir(join(dataDir, 'saved'), { recursive: true });
        const bytes = Buffer.from(savedBytes(content));
        await writeFile(path, bytes);
        desktop.saved.push({ path, content: bytes.toString('utf8'), bytes });
        return path;
      },
      writeClipboard: async (text) => void desktop.clipboard.push(text),
      notify: (n) => void desktop.notifications.push(n),
      // The app window: the title recorded, and a receipt or an avstemmingsrapport rendered to PDF by this headless
      // Chromium's page.pdf(), as Electron's webContents.printToPDF does in the app.
      window: {
        setTitle: (title) => void desktop.titles.push(title),
        async printToPdf(html, pdfOptions) {
          const printed = await browser.newPage();
          try {
            await printed.setContent(html);
            const landscape = pdfOptions?.landscape ?? false;
            return new Uint8Array(await printed.pdf({ format: 'A4', printBackground: true, landscape }));
          } finally {
            await printed.close();
          }
        },
        print: async (html) => (desktop.printed.push(html), true),
      },
    },
    log: silentLogger,
    outboxNotifications: true,
    ...(options.feedback ? { feedbackPolling: true, ...options.feedback } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const bridge = await startBridgeServer(services);
  const site = await startStaticServer(RENDERER_DIR, bridge.url);
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'nb-NO',
  });
  await context.addInitScript({ content: await buildBridgeClient(`${bridge.url}/?token=${bridge.token}`) });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto(`${site.url}/index.html`);
  await mkdir(ARTIFACTS, { recursive: true });

  return {
    page,
    services,
    dataDir,
    desktop,
    openedExternally,
    consoleErrors,
    async screenshot(name) {
      const file = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async seriousA11yViolations() {
      const result = await new AxeBuilder({ page }).analyze();
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.length }));
    },
    async close() {
      await browser.close();
      await site.close();
      await bridge.close();
      await services.dispose();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
