/**
 * What main needs from the desktop around it: the OS browser, file dialogs, the clipboard, notifications and,
 * where there is one, the app window (its title, printing and PDF).
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

export interface PdfPageOptions {
  landscape?: boolean;
}

/** The app's window, which only the app has (the CLI has none; the real-browser harness uses headless Chromium). */
export interface AppWindowPort {
  /** The title bar's text (already composed and checked: see `shared/app/window-title.ts`). */
  setTitle(title: string): void;
  /**
   * A self-contained HTML document (no scripts, no outside resources) rendered to PDF bytes, A4: a receipt upright,
   * the avstemmingsrapport's wide table landscape.
   */
  printToPdf(html: string, options?: PdfPageOptions): Promise<Uint8Array>;
  /** The same document through the OS print dialog; resolves false when the user cancelled. */
  print(html: string): Promise<boolean>;
}

export interface DesktopPort {
  /** Hands a URL to the OS browser: the normalised `href` that `externalUrlToOpen` allowed, never raw text. */
  openExternal(url: string): Promise<void>;
  /**
   * The native open dialog; resolves to the chosen paths (empty when cancelled). With `folders` it chooses folders
   * instead (Windows and Linux cannot offer files and folders in one dialog).
   */
  pickFiles(options: { title: string; filters: FileFilter[]; multiple: boolean; folders?: boolean }): Promise<string[]>;
  /**
   * The native save dialog, then writes the content: a string as UTF-8, bytes exactly as given (a PDF from
   * Skatteetaten); resolves to the path, or null when cancelled.
   */
  saveFile(options: { title: string; defaultName: string; content: SavedContent }): Promise<string | null>;
  writeClipboard(text: string): Promise<void>;
  /** An OS notification; `onClick` runs when the user clicks it. */
  notify(notification: { title: string; body: string; onClick?: () => void }): void;
  /** The app window; absent where there is none (the CLI), so what needs it can say so plainly. */
  window?: AppWindowPort;
}
