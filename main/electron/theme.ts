import { nativeTheme, type BrowserWindow } from 'electron';

/** The window's background before the page paints, per scheme (Designsystemet's altinn theme, neutral background-default). */
export const WINDOW_BACKGROUND = { light: '#ffffff', dark: '#13181f' } as const;

export const currentWindowBackground = () =>
  nativeTheme.shouldUseDarkColors ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light;

/**
 * The app follows the OS's light or dark mode: the page through `prefers-color-scheme` (renderer/app/color-scheme.ts),
 * the window's own background here, so a switch never flashes the other colour behind the page.
 */
export function followSystemTheme(windows: () => BrowserWindow[]): void {
  nativeTheme.themeSource = 'system';
  nativeTheme.on('updated', () => {
    for (const win of windows()) win.setBackgroundColor(currentWindowBackground());
  });
}
