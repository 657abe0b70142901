import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options. Every security-relevant preference is spelled out rather than left to Electron's
 * defaults, so a test can assert them and a future Electron default change cannot weaken them.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 820,
    minWidth: 820,
    minHeight: 560,
    show: false,
    title: 'Innsender',
    backgroundColor: '#ffffff',
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
