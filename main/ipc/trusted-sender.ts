import { originOf } from '../security/url-origin';

export interface SenderInfo {
  /** The webContents id of the sender. */
  webContentsId: number;
  /** The URL of the frame that sent the message (sub-frames and navigated pages differ from the app's). */
  frameUrl: string | undefined;
}

/**
 * Only the app's own windows, showing the app's own page in their main frame, may call main. This rejects IPC
 * from webviews, sub-frames, detached windows and any page a window was somehow navigated to.
 */
export function isTrustedSender(
  sender: SenderInfo,
  trustedWebContents: ReadonlySet<number>,
  appOrigin: string,
): boolean {
  if (!trustedWebContents.has(sender.webContentsId)) return false;
  if (!sender.frameUrl) return false;
  return originOf(sender.frameUrl) === appOrigin;
}
