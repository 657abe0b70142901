import type { BrowserWindowConstructorOptions } from 'electron';
import { DEFAULT_WINDOW, MIN_WINDOW } from '../window/window-state';

/**
 * The main window's options. Every security-relevant preference is spelled out rather than left to Electron's
 * defaults, so a test can assert them and a future Electron default change cannot weaken them.
 */
export function mainWindowOptions(preloadPath: string, backgroundColor = '#ffffff'): BrowserWindowConstructorOptions {
  return {
    ...DEFAULT_WINDOW,
    // The layout is made to fit from 820 px up (no page scrolls sideways there); smaller would break it.
    minWidth: MIN_WINDOW.width,
    minHeight: MIN_WINDOW.height,
    show: false,
    title: 'Innsender',
    backgroundColor,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      safeDialogs: true,
    },
  };
}
