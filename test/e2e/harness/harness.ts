import type { Page } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppServices } from '../../../main/app-services';
import { startBridgeServer } from './bridge-server';
import { chromiumPrinter, openBrowserPage, requireBuiltRenderer, type BrowserPage } from './browser-page';
import { emptyDesktopRecord, recordingDesktopPort, type DesktopRecord } from './harness-desktop';
import { harnessAppServices, type HarnessServiceOptions } from './harness-services';

export { ARTIFACTS, CHROMIUM } from './browser-page';
export type { DesktopRecord } from './harness-desktop';

export interface Harness {
  page: Page;
  services: AppServices;
  dataDir: string;
  desktop: DesktopRecord;
  /** URLs main handed to the "OS browser". */
  openedExternally: string[];
  /** Console errors and CSP violations the page reported. */
  consoleErrors: string[];
  screenshot: BrowserPage['screenshot'];
  /** axe-core violations of serious or critical impact on the current page. */
  seriousA11yViolations: BrowserPage['seriousA11yViolations'];
  close(): Promise<void>;
}

/**
 * The real-browser harness: the real main-process services (no Electron) with a fresh data folder, the built
 * renderer on loopback, and Debian's headless Chromium with `window.innsender` installed before any page script.
 * (`process-harness.ts` runs the same services in a child process a test can kill.)
 */
export async function startHarness(
  options: HarnessServiceOptions & {
    dataDir?: string;
    /** The window's size (default 1280×900). */
    viewport?: { width: number; height: number };
  } = {},
): Promise<Harness> {
  requireBuiltRenderer();
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'innsender-e2e-')));
  const desktop = emptyDesktopRecord();
  const printer = chromiumPrinter();
  const services = harnessAppServices(dataDir, recordingDesktopPort(dataDir, desktop, printer.print), options);
  const bridge = await startBridgeServer(services);
  const opened = await openBrowserPage(bridge, options.viewport);
  printer.use(opened);

  return {
    page: opened.page,
    services,
    dataDir,
    desktop,
    openedExternally: desktop.openedExternally,
    consoleErrors: opened.consoleErrors,
    screenshot: opened.screenshot,
    seriousA11yViolations: opened.seriousA11yViolations,
    async close() {
      await opened.close();
      await bridge.close();
      await services.dispose();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
