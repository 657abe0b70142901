// A recording stand-in for the parts of Electron 45's main-process API that main/electron/ uses, for booting the
// built app under plain Node (the boot test's child process resolves `import 'electron'` here). It keeps Electron's
// rules where breaking them is a bug a user would hit, and throws as Electron does:
// - protocol.registerSchemesAsPrivileged only before `ready`; protocol.handle, session.defaultSession and
//   new BrowserWindow only after it (electron/electron docs/api/protocol.md, session.md, browser-window.md);
// - ipcMain.handle twice for one channel throws "Attempted to register a second handler for '…'"
//   (electron/electron lib/browser/ipc-main-impl.ts);
// - app.quit(): `before-quit`, then every window closes, then `will-quit`, then `quit`, then the process ends,
//   whatever async work a listener started; each of the first two can be cancelled with preventDefault
//   (docs/api/app.md). `window-all-closed` is emitted when the last window closes outside a quit; with no
//   listener the app quits.
// - the screen module throws before `ready` (electron/electron lib/browser/api/screen.ts);
// - a packed app has app.isPackaged true (docs/api/app.md), as the staged build stands for one.
import { EventEmitter } from 'node:events';

export interface TimelineEntry {
  at: number;
  what: string;
  detail?: unknown;
}

interface PreventableEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

function preventable(): PreventableEvent {
  let prevented = false;
  return {
    preventDefault: () => void (prevented = true),
    get defaultPrevented() {
      return prevented;
    },
  };
}

export interface FakeConfig {
  userData: string;
  singleInstanceLock: boolean;
  /** Called where Electron would end the process, with the exit code; the driver reports and exits. */
  onTerminate: (code: number) => void;
}

let config: FakeConfig = {
  userData: '',
  singleInstanceLock: true,
  onTerminate: (code) => process.exit(code),
};
let ready = false;
let quitting = false;
let terminated = false;
let resolveReady: () => void = () => undefined;
const readyPromise = new Promise<void>((r) => (resolveReady = r));
export const timeline: TimelineEntry[] = [];
const started = Date.now();

function record(what: string, detail?: unknown): void {
  timeline.push({ at: Date.now() - started, what, ...(detail === undefined ? {} : { detail }) });
}

export function configure(next: Partial<FakeConfig>): void {
  config = { ...config, ...next };
}

/** What Electron does once the main script has run: `will-finish-launching`, then `ready`. */
export function emitReady(): void {
  if (ready) return;
  ready = true;
  record('ready');
  app.emit('ready', preventable(), {});
  resolveReady();
}

const tick = () => new Promise<void>((r) => setImmediate(r));

class FakeApp extends EventEmitter {
  readonly isPackaged = true;
  requestSingleInstanceLock(): boolean {
    record('app.requestSingleInstanceLock', { granted: config.singleInstanceLock });
    return config.singleInstanceLock;
  }
  whenReady(): Promise<void> {
    return readyPromise;
  }
  isReady(): boolean {
    return ready;
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`fake electron: app.getPath('${name}') is not emulated`);
    return config.userData;
  }
  getVersion(): string {
    return '0.1.0';
  }
  quit(): void {
    record('app.quit');
    if (quitting) return;
    quitting = true;
    void runQuit();
  }
  exit(code = 0): void {
    record('app.exit', { code });
    for (const win of [...windows]) win.destroy();
    terminate(code);
  }
}

async function runQuit(): Promise<void> {
  await tick();
  const before = preventable();
  record('before-quit');
  app.emit('before-quit', before);
  if (before.defaultPrevented) return endQuit('before-quit prevented');
  for (const win of [...windows]) {
    await tick();
    if (!win.close()) return endQuit('a window refused to close');
  }
  await tick();
  const will = preventable();
  record('will-quit');
  app.emit('will-quit', will);
  if (will.defaultPrevented) return endQuit('will-quit prevented');
  record('quit');
  app.emit('quit', preventable(), 0);
  terminate(0);
}

function endQuit(why: string): void {
  record('quit cancelled', { why });
  quitting = false;
}

function terminate(code: number): void {
  if (terminated) return;
  terminated = true;
  record('process ends', { code });
  config.onTerminate(code);
}

export const app = new FakeApp();

let nextWebContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: { channel: string; payload: unknown }[] = [];
  private destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

const windows = new Set<FakeBrowserWindow>();

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  readonly options: Record<string, unknown>;
  loadedUrl: string | null = null;
  shown = false;
  title = '';
  backgroundColor: string | null = null;
  private maximized = false;
  private bounds: { x: number; y: number; width: number; height: number };
  private destroyed = false;

  constructor(options: Record<string, unknown> = {}) {
    super();
    if (!ready) throw new Error('Cannot create BrowserWindow before app is ready');
    this.options = options;
    const num = (key: string, fallback: number) => (typeof options[key] === 'number' ? options[key] : fallback);
    this.bounds = { x: num('x', 100), y: num('y', 80), width: num('width', 800), height: num('height', 600) };
    windows.add(this);
    record('BrowserWindow created', { webContentsId: this.webContents.id });
    app.emit('web-contents-created', preventable(), this.webContents);
    app.emit('browser-window-created', preventable(), this);
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return [...windows];
  }
  static getFocusedWindow(): FakeBrowserWindow | null {
    return [...windows][0] ?? null;
  }
  loadURL(url: string): Promise<void> {
    record('BrowserWindow.loadURL', { url });
    this.loadedUrl = url;
    setImmediate(() => !this.destroyed && this.emit('ready-to-show'));
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    record('BrowserWindow.focus', { webContentsId: this.webContents.id });
  }
  restore(): void {}
  setTitle(title: string): void {
    record('BrowserWindow.setTitle', { title });
    this.title = title;
  }
  setBackgroundColor(color: string): void {
    this.backgroundColor = color;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  /** The user drags or resizes the window (Electron emits `move`/`resize` as it goes). */
  setBounds(bounds: Partial<{ x: number; y: number; width: number; height: number }>): void {
    this.bounds = { ...this.bounds, ...bounds };
    this.emit('move');
    this.emit('resize');
  }
  maximize(): void {
    this.maximized = true;
    this.emit('maximize');
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** The user (or app.quit) closes the window; false when a `close` listener kept it open. */
  close(): boolean {
    const event = preventable();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.destroy();
    if (windows.size === 0 && !quitting) {
      if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed');
      else app.quit();
    }
    return true;
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    windows.delete(this);
    this.webContents.destroy();
    record('BrowserWindow closed', { webContentsId: this.webContents.id });
    this.emit('closed');
  }
}

export type ProtocolHandler = (request: Request) => Promise<Response> | Response;

export const privilegedSchemes: { schemes: unknown; beforeReady: boolean }[] = [];
export const protocolHandlers = new Map<string, ProtocolHandler>();

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown): void {
    record('protocol.registerSchemesAsPrivileged', schemes);
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    privilegedSchemes.push({ schemes, beforeReady: !ready });
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    if (!ready) throw new Error("The protocol module can't be used before the app is ready");
    if (protocolHandlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`);
    record('protocol.handle', { scheme });
    protocolHandlers.set(scheme, handler);
  },
  isProtocolHandled(scheme: string): Promise<boolean> {
    return Promise.resolve(protocolHandlers.has(scheme));
  },
};

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;

export const sessionHandlers: {
  permissionRequest?: PermissionRequestHandler;
  permissionCheck?: (...args: unknown[]) => boolean;
  devicePermission?: (...args: unknown[]) => boolean;
} = {};

const defaultSession = {
  setPermissionRequestHandler(handler: PermissionRequestHandler) {
    record('session.setPermissionRequestHandler');
    sessionHandlers.permissionRequest = handler;
  },
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean) {
    sessionHandlers.permissionCheck = handler;
  },
  setDevicePermissionHandler(handler: (...args: unknown[]) => boolean) {
    sessionHandlers.devicePermission = handler;
  },
};

export const session = {
  get defaultSession() {
    if (!ready) throw new Error('Session can only be received when app is ready');
    return defaultSession;
  },
};

export type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;
export const ipcHandlers = new Map<string, InvokeHandler>();

export const ipcMain = {
  handle(channel: string, handler: InvokeHandler): void {
    if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcHandlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    ipcHandlers.delete(channel);
  },
};

export const powerMonitor = new EventEmitter();

export const openedExternally: string[] = [];
export const shell = {
  openExternal(url: string): Promise<void> {
    openedExternally.push(url);
    return Promise.resolve();
  },
};

/** Every error box the app showed (dialog.showErrorBox: usable before ready, blocking in Electron). */
export const errorBoxes: { title: string; content: string }[] = [];
export const dialog = {
  showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
  showSaveDialog: () => Promise.resolve({ canceled: true }),
  showErrorBox(title: string, content: string): void {
    record('dialog.showErrorBox', { title });
    errorBoxes.push({ title, content });
  },
};

export const clipboard = { writeText: (_text: string) => undefined };

interface MenuItem {
  label?: string;
  role?: string;
  accelerator?: string;
  submenu?: MenuItem[];
}
type MenuTemplate = MenuItem[];

/** The application menu as set: its template, and whether it was set after `ready`. */
export const applicationMenus: { template: MenuTemplate; afterReady: boolean }[] = [];

export const Menu = {
  buildFromTemplate(template: MenuTemplate): { template: MenuTemplate } {
    return { template };
  },
  setApplicationMenu(menu: { template: MenuTemplate } | null): void {
    record('Menu.setApplicationMenu');
    applicationMenus.push({ template: menu?.template ?? [], afterReady: ready });
  },
};

class FakeNativeTheme extends EventEmitter {
  shouldUseDarkColors = false;
  themeSource: 'system' | 'light' | 'dark' = 'system';
}
export const nativeTheme = new FakeNativeTheme();

/** One 1920×1080 display with a 40 px task bar. */
export const screen = {
  getAllDisplays() {
    if (!ready) throw new Error("The 'screen' module can't be used before the app 'ready' event");
    return [
      { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
    ];
  },
};

export class Notification extends EventEmitter {
  static isSupported(): boolean {
    return false;
  }
  show(): void {}
}

export { FakeBrowserWindow as BrowserWindow };

export default {
  app,
  BrowserWindow: FakeBrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  Notification,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
};
