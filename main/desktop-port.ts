/**
 * What main needs from the desktop around it: the OS browser, file dialogs, the clipboard and notifications.
 * Electron's glue implements it with shell/dialog/clipboard/Notification; the CLI and the real-browser harness
 * with plain functions, so every service that uses it runs (and is tested) under plain Node.
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/** What `saveFile` writes: text (as UTF-8) or bytes (unchanged). */
export type SavedContent = string | Uint8Array;

/** The bytes a save writes for `content`: every port writes the same thing. */
export function savedBytes(content: SavedContent): Uint8Array {
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
}

export interface DesktopPort {
  /** Hands a URL to the OS browser: the normalised `href` that `externalUrlToOpen` allowed, never raw text. */
  openExternal(url: string): Promise<void>;
  /** The native open dialog; resolves to the chosen paths (empty when cancelled). */
  pickFiles(options: { title: string; filters: FileFilter[]; multiple: boolean }): Promise<string[]>;
  /**
   * The native save dialog, then writes the content: a string as UTF-8, bytes exactly as given (a PDF from
   * Skatteetaten); resolves to the path, or null when cancelled.
   */
  saveFile(options: { title: string; defaultName: string; content: SavedContent }): Promise<string | null>;
  writeClipboard(text: string): Promise<void>;
  /**
   * Prints a self-contained HTML page (the avstemmingsrapport's reconciliation) to PDF bytes: Electron's
   * `printToPDF` in the app, headless Chromium's `page.pdf()` in the real-browser tests. Absent where nothing can
   * print (the CLI); the caller then says so.
   */
  printAvstemmingsrapportPdf?(html: string): Promise<Uint8Array>;
  /** An OS notification; `onClick` runs when the user clicks it. */
  notify(notification: { title: string; body: string; onClick?: () => void }): void;
}
