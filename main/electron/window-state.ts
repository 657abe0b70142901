import { screen, type BrowserWindow } from 'electron';
import type { SettingsStore } from '../settings/settings-store';
import { windowBoundsToRestore, type WindowState } from '../window/window-state';

/** Where the main window opens: the saved state if it still lands on a connected display (see windowBoundsToRestore). */
export function savedWindowBounds(settings: SettingsStore) {
  return windowBoundsToRestore(
    settings.read().window,
    screen.getAllDisplays().map((d) => d.workArea),
  );
}

/**
 * Keeps the window's normal bounds and maximised state in the settings: after a move or resize settles, and when the
 * window closes (a quit mid-drag still keeps the last place).
 */
export function rememberWindowState(win: BrowserWindow, settings: SettingsStore, settleMs = 500): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    if (win.isDestroyed()) return;
    const bounds = win.getNormalBounds();
    const state: WindowState = { ...bounds, maximized: win.isMaximized() };
    settings.update((s) => ({ ...s, window: state }));
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, settleMs);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event as 'resize', later);
  win.on('close', save);
}
