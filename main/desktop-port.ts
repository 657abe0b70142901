/**
 * What main needs from the desktop around it: the OS browser, file dialogs, the clipboard and notifications.
 * Electron's glue implements it with shell/dialog/clipboard/Notification; the CLI and the real-browser harness
 * with plain functions, so every service that uses it runs (and is tested) under plain Node.
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface DesktopPort {
  /** Hands an already allow-listed http(s) URL to the OS browser. */
  openExternal(url: string): Promise<void>;
  /** The native open dialog; resolves to the chosen paths (empty when cancelled). */
  pickFiles(options: { title: string; filters: FileFilter[]; multiple: boolean }): Promise<string[]>;
  /** The native save dialog, then writes the content; resolves to the path, or null when cancelled. */
  saveFile(options: { title: string; defaultName: string; content: string }): Promise<string | null>;
  writeClipboard(text: string): Promise<void>;
  /** An OS notification; `onClick` runs when the user clicks it. */
  notify(notification: { title: string; body: string; onClick?: () => void }): void;
}
