import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { savedBytes, type DesktopPort, type PdfPageOptions } from '../../../main/desktop-port';

/** What the "OS" did for the app during a test: every call to the desktop port, recorded. */
export interface DesktopRecord {
  openedExternally: string[];
  /** What was saved: `content` as text (UTF-8), `bytes` exactly as written (a PDF's). */
  saved: { path: string; content: string; bytes: Buffer }[];
  clipboard: string[];
  notifications: { title: string; body: string; onClick?: () => void }[];
  /** Every title the page gave the window ("Rapporter — Fjellstue AS — Innsender"), in order. */
  titles: string[];
  /** The receipts sent to "the printer": the HTML main rendered. */
  printed: string[];
  /** The next answers of the native open dialog, consumed one per call (empty = cancelled). */
  nextPicks: string[][];
}

export function emptyDesktopRecord(): DesktopRecord {
  return { openedExternally: [], saved: [], clipboard: [], notifications: [], titles: [], printed: [], nextPicks: [] };
}

/**
 * The desktop port the real-browser tests give the app: it records every call in `record`, saves into
 * `<dataDir>/saved/`, and prints as Electron's printToPDF does in the app, with headless Chromium (`printToPdf`).
 */
export function recordingDesktopPort(
  dataDir: string,
  record: DesktopRecord,
  printToPdf: (html: string, options?: PdfPageOptions) => Promise<Uint8Array>,
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
    // The app window: the title recorded, and a receipt or an avstemmingsrapport rendered to PDF by headless
    // Chromium's page.pdf(), as Electron's webContents.printToPDF does in the app.
    window: {
      setTitle: (title) => void record.titles.push(title),
      printToPdf,
      print: async (html) => (record.printed.push(html), true),
    },
  };
}
