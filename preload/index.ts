// The narrow door: one function per contract channel and a fixed event map. Never ipcRenderer itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridgeApi } from '../shared/ipc/bridge-api';
import { eventChannel } from '../shared/ipc/names';

const api = createBridgeApi({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  subscribe: (event, listener) => {
    // The IpcRendererEvent carries the sender; strip it so the page sees only the payload.
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(eventChannel(event), handler);
    return () => ipcRenderer.removeListener(eventChannel(event), handler);
  },
});

contextBridge.exposeInMainWorld('innsender', api);
