import { BrowserWindow, clipboard, dialog, Notification, shell } from 'electron';
import { writeFile } from 'node:fs/promises';
import { savedBytes, type DesktopPort } from '../desktop-port';
import { electronAppWindow } from './app-window-port';

/** The desktop port, Electron's way; `mainWindow` is the window whose title bar names the page. */
export function electronDesktop(mainWindow: () => BrowserWindow | undefined): DesktopPort {
  const parent = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  return {
    openExternal: (url) => shell.openExternal(url),
    async pickFiles({ title, filters, multiple, folders }) {
      const kind = folders ? ('openDirectory' as const) : ('openFile' as const);
      const options = {
        title,
        ...(folders ? {} : { filters }),
        properties: multiple ? [kind, 'multiSelections' as const] : [kind],
      };
      const win = parent();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async saveFile({ title, defaultName, content }) {
      const win = parent();
      const options = { title, defaultPath: defaultName };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      await writeFile(result.filePath, savedBytes(content));
      return result.filePath;
    },
    writeClipboard: async (text) => clipboard.writeText(text),
    notify({ title, body, onClick }) {
      if (!Notification.isSupported()) return;
      const n = new Notification({ title, body });
      if (onClick) n.on('click', onClick);
      n.show();
    },
    window: electronAppWindow(mainWindow),
  };
}
