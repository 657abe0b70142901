import { BrowserWindow } from 'electron';
import type { AppWindowPort } from '../desktop-port';

/**
 * A hidden window for one printed page (a receipt, an avstemmingsrapport): no preload, no scripts, its own sandbox.
 * The page is self-contained HTML, loaded as a data URL, so nothing reaches the app's origin or the network.
 */
async function withPrintWindow<T>(html: string, use: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await use(win);
  } finally {
    win.destroy();
  }
}

/** The app window's part of the desktop port: the title bar of the main window, printing and PDF. */
export function electronAppWindow(mainWindow: () => BrowserWindow | undefined): AppWindowPort {
  return {
    setTitle(title) {
      const win = mainWindow();
      if (win && !win.isDestroyed()) win.setTitle(title);
    },
    printToPdf: (html, options) =>
      withPrintWindow(
        html,
        async (win) =>
          new Uint8Array(
            await win.webContents.printToPDF({
              pageSize: 'A4',
              printBackground: true,
              landscape: options?.landscape ?? false,
            }),
          ),
      ),
    print: (html) =>
      withPrintWindow(
        html,
        (win) =>
          new Promise<boolean>((resolve) =>
            win.webContents.print({ printBackground: true }, (success) => resolve(success)),
          ),
      ),
  };
}
