// Runs in the page before any of its scripts (page.addInitScript): installs `window.innsender`, built by the same
// createBridgeApi the preload uses, with a WebSocket to the real main services in place of ipcRenderer.
import { createBridgeApi } from '../../../shared/ipc/bridge-api';
import type { EventName } from '../../../shared/ipc/contract';

declare const __BRIDGE_URL__: string;

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

const socket = new WebSocket(__BRIDGE_URL__);
const opened = new Promise<void>((resolve, reject) => {
  socket.addEventListener('open', () => resolve(), { once: true });
  socket.addEventListener('error', () => reject(new Error('bridge connection failed')), { once: true });
});
const pending = new Map<number, Pending>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();
let nextId = 1;

socket.addEventListener('message', (message) => {
  const data = JSON.parse(String(message.data)) as
    { type: 'result'; id: number; result: unknown } | { type: 'event'; event: string; payload: unknown };
  if (data.type === 'result') {
    pending.get(data.id)?.resolve(data.result);
    pending.delete(data.id);
  } else {
    for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
  }
});

const api = createBridgeApi({
  async invoke(channel, payload) {
    await opened;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, channel, payload }));
    });
  },
  subscribe(event: EventName, listener) {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  },
});

Object.defineProperty(window, 'innsender', { value: api, writable: false, configurable: false });
