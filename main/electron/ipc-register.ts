import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelNames, eventChannel } from '../../shared/ipc/contract';
import { IPC_ERROR, type IpcResult } from '../../shared/ipc/result';
import { AppError } from '../../shared/domain/app-error';
import { isTrustedSender } from '../ipc/trusted-sender';
import type { Dispatch } from '../ipc/dispatch';
import type { EventHub } from '../ipc/event-hub';
import type { Logger } from '../log/logger';

/** The only place that calls `ipcMain.handle`: one handler per contract channel, each behind the sender check. */
export function registerIpc(deps: {
  ipcMain: Pick<IpcMain, 'handle'>;
  dispatch: Dispatch;
  trustedWebContents: ReadonlySet<number>;
  appOrigin: string;
  log: Logger;
}): void {
  for (const channel of channelNames) {
    deps.ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown): Promise<IpcResult<unknown>> => {
      const sender = { webContentsId: event.sender.id, frameUrl: event.senderFrame?.url };
      if (!isTrustedSender(sender, deps.trustedWebContents, deps.appOrigin)) {
        deps.log.warn('ipc from an untrusted sender refused', { channel, frameUrl: sender.frameUrl });
        return {
          ok: false,
          error: new AppError(IPC_ERROR.forbiddenSender, {
            nb: 'Forespørselen kom ikke fra appens eget vindu og ble avvist.',
            en: "The request did not come from the app's own window and was refused.",
          }).toShape(),
        };
      }
      return deps.dispatch(channel, payload);
    });
  }
}

/** Forwards main → renderer events to every app window. */
export function forwardEvents(events: EventHub, windows: () => BrowserWindow[]): () => void {
  return events.subscribe((event, payload) => {
    for (const win of windows()) if (!win.isDestroyed()) win.webContents.send(eventChannel(event), payload);
  });
}
