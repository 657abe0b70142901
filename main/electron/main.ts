// The Electron entry: lifecycle, the window and the wiring. Everything with logic lives outside main/electron/.
import { app, BrowserWindow, dialog, ipcMain, powerMonitor, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppServices, startActiveEnvironment, type AppServices } from '../app-services';
import { AppError } from '../../shared/domain/app-error';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { APP_ENTRY_URL, APP_ORIGIN } from './app-origin';
import { isOpenEvent, routeOfOpenEvent } from '../../shared/ipc/open-routes';
import { installWebContentsGuards } from './web-contents-guard';
import { denyAllPermissions } from './permissions';
import { mainWindowOptions } from './window-options';
import { forwardEvents, registerIpc } from './ipc-register';
import { electronDesktop } from './desktop';
import { installAppMenu } from './app-menu';
import { rememberWindowState, savedWindowBounds } from './window-state';
import { currentWindowBackground, followSystemTheme } from './theme';
import { quitAfterDispose } from './quit-after-dispose';

// Built as ESM (out/main/index.js): the renderer and preload bundles sit beside this folder.
const here = dirname(fileURLToPath(import.meta.url));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  void app.whenReady().then(start);
}

/**
 * The app's services, or undefined when its data cannot be opened (a damaged database, one from a newer Innsender):
 * then the reason is shown, in bokmål and English since the language setting is part of what failed to open, and
 * the app quits rather than start with an empty outbox in place of the one it could not read.
 */
function openServices(window: () => BrowserWindow | undefined): AppServices | undefined {
  try {
    return createAppServices({
      dataDir: app.getPath('userData'),
      host: 'electron',
      version: app.getVersion(),
      desktop: electronDesktop(window),
      ...sqliteBindingForElectron(),
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    dialog.showErrorBox('Innsender', `${error.localized.nb}\n\n${error.localized.en}`);
    app.quit();
    return undefined;
  }
}

/**
 * Run from the source tree (`npm start`), node_modules holds better-sqlite3 built for Node, which the tests use;
 * `npm start` builds a copy for this Electron beside the bundle (scripts/electron-native.mjs). A packaged app has
 * node_modules rebuilt for Electron by electron-builder (npmRebuild) and needs nothing.
 */
function sqliteBindingForElectron(): { sqliteBinding?: string } {
  const built = join(here, '../electron-native/better_sqlite3.node');
  return !app.isPackaged && existsSync(built) ? { sqliteBinding: built } : {};
}

async function start(): Promise<void> {
  // Made below; the desktop port asks for it only once a page sets its title.
  let mainWindow: BrowserWindow | undefined;
  const services = openServices(() => mainWindow);
  if (!services) return;
  const trusted = new Set<number>();

  denyAllPermissions(session.defaultSession);
  installWebContentsGuards(app, {
    appOrigin: APP_ORIGIN,
    openExternal: (url) => void shell.openExternal(url),
    extraOrigins: () => services.endpoints.localOrigins(),
  });
  serveAppProtocol(join(here, '../renderer'));
  registerIpc({
    ipcMain,
    dispatch: services.dispatch,
    trustedWebContents: trusted,
    appOrigin: APP_ORIGIN,
    log: services.log,
  });
  // Only the app's own windows hear events (a hidden receipt window has no preload to receive them anyway).
  forwardEvents(services.events, () => BrowserWindow.getAllWindows().filter((w) => trusted.has(w.webContents.id)));
  installAppMenu(services);
  followSystemTheme(() => BrowserWindow.getAllWindows());

  /** A new app window, at the renderer's start page or at `route` (e.g. `/feedback?item=…`). */
  const createWindow = (route?: string) => {
    const place = savedWindowBounds(services.settings);
    const win = new BrowserWindow({
      ...mainWindowOptions(join(here, '../preload/index.cjs'), currentWindowBackground()),
      ...place.bounds,
    });
    const id = win.webContents.id;
    trusted.add(id);
    win.on('closed', () => trusted.delete(id));
    // The title comes from the page through `window.setTitle` (page and company), not from <title>.
    win.on('page-title-updated', (event) => event.preventDefault());
    rememberWindowState(win, services.settings);
    win.once('ready-to-show', () => {
      if (place.maximized) win.maximize();
      win.show();
    });
    void win.loadURL(route ? `${APP_ENTRY_URL}#${route}` : APP_ENTRY_URL);
    return win;
  };

  mainWindow = createWindow();
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  quitAfterDispose(app, () => services.dispose(), services.log);
  // No feedback polling while the machine sleeps; a poll at once when it wakes.
  powerMonitor.on('suspend', () => services.feedback.suspend());
  powerMonitor.on('resume', () => services.feedback.resume());
  // A clicked feedback or deadline notification brings the window forward and the renderer opens the item on the
  // same event; with no window left, a new one opens at the item itself.
  services.events.subscribe((event, payload) => {
    if (!isOpenEvent(event)) return;
    if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createWindow(routeOfOpenEvent(event, payload));
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  await startActiveEnvironment(services).catch((error: unknown) =>
    services.log.error('sandbox did not start', { error }),
  );
}
