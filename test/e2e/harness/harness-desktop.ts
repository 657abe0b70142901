import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { savedBytes, type DesktopPort } from '../../../main/desktop-port';

/** What the "OS" did for the app during a test: every call to the desktop port, recorded. */
export interface DesktopRecord {
  openedExternally: string[];
  /** What was saved: `content` as text (UTF-8), `bytes` exactly as written (a PDF's). */
  saved: { path: string; content: string; bytes: Buffer }[];
  clipboard: string[];
  notifications: { title: string; body: string; onClick?: () => void }[];
  /** The next answers of the native open dialog, consumed one per call (empty = cancelled). */
  nextPicks: string[][];
}

export function emptyDesktopRecord(): DesktopRecord {
  return { openedExternally: [], saved: [], clipboard: [], notifications: [], nextPicks: [] };
}

/**
 * The desktop port the real-browser tests give the app: it records every call in `record`, saves into
 * `<dataDir>/saved/`, and prints as Electron's printToPDF does in the app, with headless Chromium (`print`).
 */
export function recordingDesktopPort(
  dataDir: string,
  record: DesktopRecord,
  print: (html: string) => Promise<Uint8Array>,
): Required<DesktopPort> {
  return {
    openExternal: async (url) => void record.openedExternally.push(url),
    pickFiles: async () => record.nextPicks.shift() ?? [],
    saveFile: async ({ defaultName, content }) => {
      const path = join(dataDir, 'saved', defaultName);
      await mkdir(join(dataDir, 'saved'), { recursive: true });
      const bytes = Buffer.from(savedBytes(content));
      await writeFile(path, bytes);
      record.saved.push({ path, content: bytes.toString('utf8'), bytes });
      return path;
    },
    writeClipboard: async (text) => void record.clipboard.push(text),
    notify: (n) => void record.notifications.push(n),
    printAvstemmingsrapportPdf: print,
  };
}
