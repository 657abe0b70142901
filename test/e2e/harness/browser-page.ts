import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { PdfPageOptions } from '../../../main/desktop-port';
import { buildBridgeClient } from './build-bridge-client';
import { startStaticServer } from './static-server';

export const CHROMIUM = process.env.INNSENDER_CHROMIUM ?? '/usr/bin/chromium';
const RENDERER_DIR = resolve(process.env.INNSENDER_RENDERER_OUT ?? 'out/renderer');
export const ARTIFACTS = resolve('test-artifacts/e2e');

export interface BrowserPage {
  browser: Browser;
  page: Page;
  /** Console errors and CSP violations the page reported. */
  consoleErrors: string[];
  screenshot(name: string): Promise<string>;
  /** axe-core violations of serious or critical impact on the current page. */
  seriousA11yViolations(): Promise<{ id: string; impact: string; help: string; nodes: number }[]>;
  close(): Promise<void>;
}

/** Fails early, with what to do, when the renderer the tests drive has not been built. */
export function requireBuiltRenderer(): void {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run test:e2e` (it builds first).');
  }
}

/**
 * The built renderer on loopback and Debian's headless Chromium showing it, with `window.innsender` installed
 * before any page script, talking to the bridge at `bridgeUrl`.
 */
export async function openBrowserPage(
  bridge: { url: string; token: string },
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
): Promise<BrowserPage> {
  requireBuiltRenderer();
  const site = await startStaticServer(RENDERER_DIR, bridge.url);
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
  const context = await browser.newContext({ viewport, locale: 'nb-NO' });
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
    browser,
    page,
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
    },
  };
}

/**
 * Headless Chromium prints as Electron's printToPDF does in the app. The desktop port is made before the browser
 * starts (the bridge the page needs comes from the services), so the browser is handed over once it runs.
 */
export function chromiumPrinter() {
  let browser: Browser | undefined;
  return {
    use(opened: BrowserPage) {
      browser = opened.browser;
    },
    async print(html: string, options?: PdfPageOptions): Promise<Uint8Array> {
      if (!browser) throw new Error('printing before the browser started');
      const page = await browser.newPage();
      try {
        await page.setContent(html);
        const landscape = options?.landscape ?? false;
        return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, landscape }));
      } finally {
        await page.close();
      }
    },
  };
}
