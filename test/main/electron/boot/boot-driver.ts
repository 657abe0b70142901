// The boot test's child process: loads the *built* app entry (out/main/index.js of a staged app) against the
// recording fake Electron, drives it as Electron and a user would (ready, the window, the page's calls through the
// built preload, closing the window), and writes what it saw as JSON for test/main/electron/boot.test.ts to judge.
import { register } from 'node:module';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EventEmitter } from 'node:events';
import vm from 'node:vm';
import type * as FakeElectron from './fake-electron';

export interface BootInput {
  /** The staged app: what electron-builder would pack, with the production dependencies beside it. */
  appDir: string;
  userData: string;
  /** `damaged-store`: the data folder holds a database that is not one. */
  scenario: 'boot' | 'second-instance' | 'damaged-store';
  report: string;
  amelding: string;
}

/** A page call's answer as the preload returns it. */
export type CallResult = { ok: boolean; value?: Record<string, unknown>; error?: { code: string } };

export interface Served {
  url: string;
  status: number;
  contentType?: string | null;
  csp?: string | null;
  bytes?: number;
  text?: string | undefined;
}

/** What the driver saw, written as JSON for the test to judge. */
export interface BootReport {
  scenario: BootInput['scenario'];
  activeResourcesAtStart: string[];
  activeResourcesAtExit?: string[];
  exitCode?: number;
  error?: string;
  timeline?: FakeElectron.TimelineEntry[];
  lastLogLine?: { level: string; message: string } | null;
  beforeReady?: string[];
  window?: { options: { webPreferences?: Record<string, unknown> }; loadedUrl: string | null };
  ipcChannels?: string[];
  privilegedSchemes?: { schemes: unknown; beforeReady: boolean }[];
  preloadExists?: boolean;
  preload?: { required: string[]; bytes: number; exposedKeys: string[]; functions: string[] };
  sandboxBaseUrl?: string;
  calls?: Record<string, CallResult>;
  protocol?: { index: Served; linked: Served[]; refused: Served[] };
  guards?: Record<string, unknown>;
  eventsSent?: string[];
  secondInstance?: { windows: number; focused: number };
  /** Every file module loaded in the process (file: URLs), the driver's own included. */
  loadedModules?: string[];
  closing?: boolean;
  /** The application menu as the app set it. */
  menu?: { sets: number; afterReady: boolean; labels: string[]; roles: string[] };
  /** The main window's title after the page named itself. */
  title?: string;
  /** The error boxes the app showed. */
  errorBoxes?: { title: string; content: string }[];
  /** settings.json's `window` where the process ends (after the user moved the window, then closed it). */
  savedWindow?: unknown;
}

const input = JSON.parse(process.argv[2] ?? '{}') as BootInput;
// What the process itself holds before the app loads (its stdio, opened here): the baseline for "nothing left open".
void [process.stdin, process.stdout, process.stderr];
const report: BootReport = {
  scenario: input.scenario,
  activeResourcesAtStart: process.getActiveResourcesInfo(),
};
const writeReport = () => writeFileSync(input.report, JSON.stringify(report, null, 2));

const loadedLog = `${input.report}.loaded`;
register(new URL('./electron-hooks.mjs', import.meta.url).href, {
  data: { fakeElectronUrl: new URL('./fake-electron.mjs', import.meta.url).href, loadedLog },
});
// After register(): resolved by the hooks to the same fake the app gets.
const fake = (await import('electron')) as unknown as typeof FakeElectron;

const deadline = setTimeout(() => {
  report.error = 'the boot driver timed out';
  report.timeline = fake.timeline;
  writeReport();
  process.exit(2);
}, 30_000);
deadline.unref();

fake.configure({
  userData: input.userData,
  singleInstanceLock: input.scenario !== 'second-instance',
  onTerminate: (code) => {
    // Where Electron ends the process: whatever the app still has open here would be cut off.
    report.exitCode = code;
    report.activeResourcesAtExit = process.getActiveResourcesInfo();
    report.loadedModules = existsSync(loadedLog) ? readFileSync(loadedLog, 'utf8').trim().split('\n') : [];
    const log = join(input.userData, 'logs', 'innsender.log');
    const lines = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
    report.lastLogLine = lines.length > 0 ? JSON.parse(lines.at(-1)!) : null;
    const settings = join(input.userData, 'settings.json');
    report.savedWindow = existsSync(settings)
      ? (JSON.parse(readFileSync(settings, 'utf8')) as { window?: unknown }).window
      : undefined;
    report.timeline = fake.timeline;
    report.errorBoxes = fake.errorBoxes;
    writeReport();
    process.exit(code);
  },
});

async function until<T>(read: () => T | undefined | null | false, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs the built preload as a sandboxed renderer would: CommonJS, and `require` only of what a sandbox allows. */
function loadPreload(preloadPath: string, win: FakeElectron.FakeBrowserWindow) {
  // docs/tutorial/sandbox.md (electron/electron): a sandboxed preload may require only these.
  const allowed = new Set(['electron', 'events', 'timers', 'url']);
  const required: string[] = [];
  const exposed: Record<string, unknown> = {};
  const ipcRenderer = new EventEmitter() as EventEmitter & { invoke: (c: string, p: unknown) => Promise<unknown> };
  ipcRenderer.invoke = async (channel, payload) => {
    const handler = fake.ipcHandlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ sender: win.webContents, senderFrame: { url: win.loadedUrl } }, payload);
  };
  const send = win.webContents.send.bind(win.webContents);
  win.webContents.send = (channel, payload) => {
    send(channel, payload);
    ipcRenderer.emit(channel, { sender: null }, payload);
  };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void (exposed[key] = api) },
    ipcRenderer,
  };
  const sandboxRequire = (id: string) => {
    required.push(id);
    if (!allowed.has(id)) throw new Error(`module not found: ${id} (a sandboxed preload cannot require it)`);
    if (id === 'electron') return electron;
    throw new Error(`the boot test does not provide ${id}`);
  };
  const module = { exports: {} };
  const code = readFileSync(preloadPath, 'utf8');
  vm.runInNewContext(`(function (require, module, exports) {${code}\n})`, { console })(
    sandboxRequire,
    module,
    module.exports,
  );
  return { exposed, required, bytes: Buffer.byteLength(code) };
}

type Api = Record<string, Record<string, (input?: unknown) => Promise<CallResult>>> & {
  on: (event: string, listener: (payload: unknown) => void) => () => void;
};

async function serve(url: string): Promise<Served> {
  const handler = fake.protocolHandlers.get('app');
  if (!handler) return { url, status: -1 };
  const response = await handler(new Request(url));
  const body = Buffer.from(await response.arrayBuffer());
  return {
    url,
    status: response.status,
    contentType: response.headers.get('content-type'),
    csp: response.headers.get('content-security-policy'),
    bytes: body.byteLength,
    text: response.headers.get('content-type')?.startsWith('text/html') ? body.toString('utf8') : undefined,
  };
}

async function boot(): Promise<void> {
  await import(pathToFileURL(join(input.appDir, 'out', 'main', 'index.js')).href);
  report.beforeReady = fake.timeline.map((t) => t.what);
  if (input.scenario === 'second-instance') return; // the app quits by itself; onTerminate reports
  setImmediate(() => fake.emitReady());
  if (input.scenario === 'damaged-store') return; // the app says why and quits at ready; onTerminate reports

  const win = await until(() => fake.BrowserWindow.getAllWindows()[0], 'the main window');
  await until(() => win.loadedUrl && win.shown, 'the window to load and show');
  const webPreferences = win.options.webPreferences as Record<string, unknown>;
  report.window = { options: win.options, loadedUrl: win.loadedUrl };
  report.ipcChannels = [...fake.ipcHandlers.keys()];
  report.privilegedSchemes = fake.privilegedSchemes;

  // The page's side: the built preload, and calls through it.
  const preloadPath = String(webPreferences.preload);
  report.preloadExists = existsSync(preloadPath);
  const preload = loadPreload(preloadPath, win);
  const api = preload.exposed.innsender as Api;
  report.preload = {
    required: preload.required,
    bytes: preload.bytes,
    exposedKeys: Object.keys(preload.exposed),
    functions: Object.entries(api).flatMap(([group, value]) =>
      typeof value === 'function' ? [group] : Object.keys(value).map((op) => `${group}.${op}`),
    ),
  };
  const sandboxEvents: unknown[] = [];
  api.on('sandbox.status', (payload) => void sandboxEvents.push(payload));
  const calls: Record<string, CallResult> = {};
  calls.appInfo = await api.app!.info!();
  calls.createProfile = await api.profiles!.create!({
    orgNumber: '974761076',
    displayName: 'Fjellstue AS',
    environment: 'sandbox',
  });
  const running = await until(
    () => sandboxEvents.find((e) => (e as { state: string }).state === 'running') as { baseUrl: string } | undefined,
    'the sandbox to run',
  );
  report.sandboxBaseUrl = running.baseUrl;
  calls.describe = await api.environment!.describe!();
  const contentBase64 = readFileSync(input.amelding).toString('base64');
  calls.check = await api.reports!.checkContent!({ files: [{ name: 'amelding.xml', contentBase64 }] });
  calls.untrustedSender = (await fake.ipcHandlers.get('app.info')!(
    { sender: { id: 987_654 }, senderFrame: { url: 'app://innsender/index.html' } },
    undefined,
  )) as CallResult;
  calls.foreignFrame = (await fake.ipcHandlers.get('app.info')!(
    { sender: win.webContents, senderFrame: { url: 'https://evil.example/' } },
    undefined,
  )) as CallResult;
  calls.setTitle = await api.window!.setTitle!({ page: 'Rapporter', company: 'Fjellstue AS' });
  report.calls = calls;
  report.title = win.title;
  type Item = { label?: string; role?: string; submenu?: Item[] };
  const items = (list: Item[]): Item[] => list.flatMap((item) => [item, ...items(item.submenu ?? [])]);
  const menus = fake.applicationMenus;
  report.menu = {
    sets: menus.length,
    afterReady: menus.every((m) => m.afterReady),
    labels: (menus.at(-1)?.template ?? []).map((item) => item.label ?? ''),
    roles: items(menus.at(-1)?.template ?? []).flatMap((item) => (item.role ? [item.role] : [])),
  };

  // The app:// protocol: the entry page, everything it links, and what must be refused.
  const index = await serve('app://innsender/index.html');
  const linked = [...(index.text ?? '').matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]!);
  report.protocol = {
    index: { ...index, text: undefined },
    linked: await Promise.all(linked.map((path) => serve(`app://innsender${path}`))),
    refused: await Promise.all(
      [
        'app://innsender/..%2F..%2Fpackage.json',
        'app://innsender/%2e%2e/main/index.js',
        'app://innsender/assets/..%2F..%2F..%2Fout%2Fmain%2Findex.js',
        'app://innsender/%2Fetc%2Fpasswd',
        'app://innsender/%E0%A4%A',
        'app://elsewhere/index.html',
        'app://innsender/no-such-file.js',
      ].map(serve),
    ),
  };

  // The guards every web contents gets.
  const navigate = (url: string) => {
    let prevented = false;
    win.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  let webviewPrevented = false;
  win.webContents.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) });
  let permission: boolean | null = null;
  fake.sessionHandlers.permissionRequest?.(win.webContents, 'media', (granted) => (permission = granted), {});
  report.guards = {
    windowOpen: win.webContents.windowOpenHandler?.({ url: 'https://evil.example/' }) ?? null,
    navigateAway: navigate('https://evil.example/'),
    navigateInside: navigate('app://innsender/index.html#/reports'),
    webviewPrevented,
    permission,
  };
  report.eventsSent = win.webContents.sent.map((s) => s.channel);

  // The user starts Innsender again while it runs: the second process quits (see that scenario) and Electron tells
  // this one, which brings its window forward instead of opening another.
  const focusesBefore = fake.timeline.filter((t) => t.what === 'BrowserWindow.focus').length;
  fake.app.emit('second-instance', { preventDefault() {} }, ['innsender'], input.appDir, {});
  report.secondInstance = {
    windows: fake.BrowserWindow.getAllWindows().length,
    focused: fake.timeline.filter((t) => t.what === 'BrowserWindow.focus').length - focusesBefore,
  };

  // The user closes the last window (Linux, Windows): the app quits; onTerminate reports what was left running.
  // ...after moving and resizing the window, which the next start restores (main/electron/window-state.ts).
  win.setBounds({ x: 200, y: 150, width: 1100, height: 760 });
  report.closing = true;
  win.close();
}

boot().catch((error: unknown) => {
  report.error = (error as Error).stack ?? String(error);
  report.timeline = fake.timeline;
  writeReport();
  process.exit(1);
});
