import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';

// Electron cannot start here: the module is mocked, and the glue is driven through its real API shape.
const electron = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  const themeListeners: Listener[] = [];
  const windows: { setBackgroundColor: (c: string) => void }[] = [];
  return {
    app: { isPackaged: false },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    shell: { openExternal: vi.fn(async () => undefined) },
    BrowserWindow: Object.assign(vi.fn(), { getAllWindows: () => windows }),
    screen: { getAllDisplays: vi.fn(() => [] as { workArea: object }[]) },
    nativeTheme: {
      themeSource: 'light' as string,
      shouldUseDarkColors: false,
      on: (name: string, l: Listener) => void (name === 'updated' && themeListeners.push(l)),
      emitUpdated: () => themeListeners.forEach((l) => l()),
    },
    windows,
  };
});
vi.mock('electron', () => electron);

import { appMenuTemplate, DOCUMENTATION_URL } from '../../../main/window/app-menu';
import { installAppMenu } from '../../../main/electron/app-menu';
import { windowBoundsToRestore, DEFAULT_WINDOW } from '../../../main/window/window-state';
import { rememberWindowState, savedWindowBounds } from '../../../main/electron/window-state';
import { currentWindowBackground, followSystemTheme, WINDOW_BACKGROUND } from '../../../main/electron/theme';
import { mainWindowOptions } from '../../../main/electron/window-options';
import { electronAppWindow } from '../../../main/electron/app-window-port';
import { SettingsStore } from '../../../main/settings/settings-store';
import { EventHub } from '../../../main/ipc/event-hub';
import { silentLogger } from '../../../main/log/logger';

type Item = MenuItemConstructorOptions;
const submenu = (item: Item | undefined) => (item?.submenu ?? []) as Item[];
const everyItem = (template: Item[]): Item[] => template.flatMap((top) => [top, ...everyItem(submenu(top))]);

describe('the application menu', () => {
  const options = (over: Partial<Parameters<typeof appMenuTemplate>[0]> = {}) => ({
    language: 'nb' as const,
    packaged: true,
    platform: 'linux' as const,
    navigate: vi.fn(),
    openDocumentation: vi.fn(),
    ...over,
  });

  it('has Fil, Rediger, Vis, Gå and Hjelp in bokmål, with the usual edit roles', () => {
    const template = appMenuTemplate(options());
    expect(template.map((m) => m.label)).toEqual(['Fil', 'Rediger', 'Vis', 'Gå', 'Hjelp']);
    expect(submenu(template[1]).map((i) => i.role ?? i.type)).toEqual([
      'undo',
      'redo',
      'separator',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
    expect(submenu(template[1]).map((i) => i.label)).toContain('Lim inn');
    expect(submenu(template[2]).map((i) => i.role ?? i.type)).toEqual([
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'separator',
      'togglefullscreen',
    ]);
    // Every entry a person reads has a label in the app's language (Electron's role defaults follow the OS).
    for (const item of everyItem(template)) if (item.type !== 'separator') expect(item.label).toBeTruthy();
  });

  it('goes to each page every profile has with Ctrl/Cmd+1…9, and says so in English when the app is in English', () => {
    const o = options({ language: 'en' });
    const template = appMenuTemplate(o);
    expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Go', 'Help']);
    const go = submenu(template[3]);
    expect(go.map((i) => [i.label, i.accelerator])).toEqual([
      ['Setup', 'CmdOrCtrl+1'],
      ['Reports', 'CmdOrCtrl+2'],
      ['Third-party', 'CmdOrCtrl+3'],
      ['Tax cards', 'CmdOrCtrl+4'],
      ['Reconciliation', 'CmdOrCtrl+5'],
      ['Outbox', 'CmdOrCtrl+6'],
      ['Feedback', 'CmdOrCtrl+7'],
      ['Deadlines', 'CmdOrCtrl+8'],
      ['Settings', 'CmdOrCtrl+9'],
    ]);
    // A firm's Klienter is in the side menu only for a firm profile; this menu does not follow the profile.
    expect(go.map((i) => i.label)).not.toContain('Clients');
    (go[5]!.click as () => void)();
    expect(o.navigate).toHaveBeenCalledWith('/outbox');
    (submenu(template[4])[0]!.click as () => void)();
    expect(o.openDocumentation).toHaveBeenCalledTimes(1);
  });

  it('has no Reload and no developer tools in a packaged build, and both when run from source', () => {
    const roles = (packaged: boolean) => everyItem(appMenuTemplate(options({ packaged }))).map((i) => i.role);
    expect(roles(true)).not.toContain('reload');
    expect(roles(true)).not.toContain('forceReload');
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('has the app menu and the Window menu on macOS, where Quit lives in the app menu', () => {
    const template = appMenuTemplate(options({ platform: 'darwin' }));
    expect(template.map((m) => m.label)).toEqual(['Innsender', 'Fil', 'Rediger', 'Vis', 'Gå', 'Vindu', 'Hjelp']);
    expect(submenu(template[0]).map((i) => i.role)).toContain('quit');
    expect(submenu(template[1]).map((i) => i.role)).toEqual(['close']);
  });

  it('is set in the saved language, rebuilt when the language changes, and its Gå entries reach the page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'innsender-menu-'));
    try {
      const settings = SettingsStore.open(dir, silentLogger);
      const events = new EventHub();
      const heard: unknown[] = [];
      events.subscribe((event, payload) => heard.push([event, payload]));
      electron.Menu.setApplicationMenu.mockClear();
      electron.app.isPackaged = true;
      installAppMenu({ settings, events });
      const built = () => electron.Menu.buildFromTemplate.mock.calls.at(-1)![0] as Item[];
      expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
      expect(built().map((m) => m.label)).toContain('Gå');
      expect(everyItem(built()).map((i) => i.role)).not.toContain('toggleDevTools');

      events.emit('settings.changed', { language: 'en' });
      expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(2);
      expect(built().map((m) => m.label)).toContain('Go');
      const go = submenu(built().find((m) => m.label === 'Go'));
      (go[1]!.click as () => void)();
      expect(heard).toContainEqual(['app.navigate', { path: '/reports' }]);
      (submenu(built().find((m) => m.label === 'Help'))[0]!.click as () => void)();
      expect(electron.shell.openExternal).toHaveBeenCalledWith(DOCUMENTATION_URL);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the window’s size and place', () => {
  const laptop = { x: 0, y: 0, width: 1440, height: 860 };
  const monitor = { x: 1440, y: 0, width: 2560, height: 1400 };

  it('opens at the default size the first time', () => {
    expect(windowBoundsToRestore(undefined, [laptop])).toEqual({ bounds: DEFAULT_WINDOW, maximized: false });
  });

  it('comes back where it was while that display is still connected', () => {
    const saved = { x: 1600, y: 100, width: 1300, height: 900, maximized: true };
    expect(windowBoundsToRestore(saved, [laptop, monitor])).toEqual({
      bounds: { x: 1600, y: 100, width: 1300, height: 900 },
      maximized: true,
    });
  });

  it('falls back to the default size, centred by the OS, when the display it was on is gone', () => {
    const saved = { x: 1600, y: 100, width: 1300, height: 900, maximized: false };
    expect(windowBoundsToRestore(saved, [laptop])).toEqual({ bounds: DEFAULT_WINDOW, maximized: false });
    // Only a sliver of the title bar left on screen counts as gone too: nobody could grab it.
    expect(windowBoundsToRestore({ ...saved, x: 1400 }, [laptop]).bounds).toEqual(DEFAULT_WINDOW);
  });

  it('keeps the size within the minimum and the display', () => {
    const saved = { x: 10, y: 10, width: 600, height: 3000, maximized: false };
    expect(windowBoundsToRestore(saved, [laptop]).bounds).toEqual({ x: 10, y: 10, width: 820, height: 860 });
  });

  it('is read from the settings against the connected displays, and saved when it settles and on close', () => {
    vi.useFakeTimers();
    const dir = mkdtempSync(join(tmpdir(), 'innsender-window-'));
    try {
      const settings = SettingsStore.open(dir, silentLogger);
      type Listener = () => void;
      const listeners = new Map<string, Listener[]>();
      let bounds = { x: 50, y: 60, width: 1000, height: 700 };
      let maximized = false;
      const win = {
        on: (name: string, l: Listener) => listeners.set(name, [...(listeners.get(name) ?? []), l]),
        isDestroyed: () => false,
        getNormalBounds: () => bounds,
        isMaximized: () => maximized,
      };
      const fire = (name: string) => listeners.get(name)?.forEach((l) => l());
      rememberWindowState(win as never, settings, 500);

      fire('move');
      fire('resize');
      expect(settings.read().window).toBeUndefined();
      vi.advanceTimersByTime(500);
      expect(settings.read().window).toEqual({ x: 50, y: 60, width: 1000, height: 700, maximized: false });

      bounds = { x: 70, y: 80, width: 1100, height: 750 };
      maximized = true;
      fire('maximize');
      fire('close');
      expect(settings.read().window).toEqual({ x: 70, y: 80, width: 1100, height: 750, maximized: true });

      electron.screen.getAllDisplays.mockReturnValue([{ workArea: laptop }]);
      expect(savedWindowBounds(settings)).toEqual({
        bounds: { x: 70, y: 80, width: 1100, height: 750 },
        maximized: true,
      });
      // The settings file reopened later (the next start) still has it.
      expect(SettingsStore.open(dir, silentLogger).read().window?.maximized).toBe(true);
    } finally {
      vi.useRealTimers();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sets 820 px as the narrowest window, the width the layout is made to fit', () => {
    expect(mainWindowOptions('/p.cjs')).toMatchObject({ minWidth: 820, width: 1280, height: 820 });
  });
});

describe('light and dark mode', () => {
  beforeEach(() => {
    electron.windows.length = 0;
    electron.nativeTheme.shouldUseDarkColors = false;
  });
  afterEach(() => {
    electron.nativeTheme.shouldUseDarkColors = false;
  });

  it('follows the OS, and repaints the window background when the OS switches', () => {
    const win = { setBackgroundColor: vi.fn() };
    electron.windows.push(win);
    followSystemTheme(() => electron.windows as never);
    expect(electron.nativeTheme.themeSource).toBe('system');
    expect(currentWindowBackground()).toBe(WINDOW_BACKGROUND.light);

    electron.nativeTheme.shouldUseDarkColors = true;
    electron.nativeTheme.emitUpdated();
    expect(win.setBackgroundColor).toHaveBeenCalledWith(WINDOW_BACKGROUND.dark);
    expect(mainWindowOptions('/p.cjs', currentWindowBackground()).backgroundColor).toBe(WINDOW_BACKGROUND.dark);
  });
});

describe('the window part of the desktop port', () => {
  it('names the page in the title bar and prints or saves a receipt from a hidden window with no script', async () => {
    const made: { options: unknown; url?: string; destroyed: boolean }[] = [];
    const pdfOptions: unknown[] = [];
    electron.BrowserWindow.mockImplementation(function (this: unknown, options: unknown) {
      const record = { options, destroyed: false } as (typeof made)[number];
      made.push(record);
      return {
        loadURL: async (url: string) => void (record.url = url),
        destroy: () => void (record.destroyed = true),
        webContents: {
          printToPDF: async (o: unknown) => (pdfOptions.push(o), Buffer.from('%PDF-1.4 receipt')),
          print: (_o: unknown, done: (ok: boolean) => void) => done(false),
        },
      };
    } as never);
    const main = { isDestroyed: () => false, setTitle: vi.fn() };
    const port = electronAppWindow(() => main as never);

    port.setTitle('Rapporter — Fjellstue AS — Innsender');
    expect(main.setTitle).toHaveBeenCalledWith('Rapporter — Fjellstue AS — Innsender');

    const pdf = await port.printToPdf('<p>Kvittering</p>');
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.4 receipt');
    expect(made[0]).toMatchObject({
      options: { show: false, webPreferences: { sandbox: true, javascript: false, nodeIntegration: false } },
      url: `data:text/html;charset=utf-8,${encodeURIComponent('<p>Kvittering</p>')}`,
      destroyed: true,
    });
    expect(made[0]!.options).not.toHaveProperty('webPreferences.preload');
    await expect(port.print('<p>Kvittering</p>')).resolves.toBe(false);
    expect(made[1]!.destroyed).toBe(true);
    // A receipt is upright; the avstemmingsrapport's wide table asks for landscape through the same port.
    await port.printToPdf('<table></table>', { landscape: true });
    expect(pdfOptions).toEqual([
      { pageSize: 'A4', printBackground: true, landscape: false },
      { pageSize: 'A4', printBackground: true, landscape: true },
    ]);
    expect(made[2]!.destroyed).toBe(true);
  });
});
