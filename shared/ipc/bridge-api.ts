// Names only at run time: this module is in the preload, which must not carry zod or the schemas (types are erased).
import { CHANNEL_NAMES, EVENT_NAMES, type ChannelName, type EventName } from './names';
import type { ChannelInput, ChannelOutput, EventPayload } from './contract';
import type { IpcResult } from './result';

/** How calls travel: Electron's ipcRenderer in the preload, a loopback WebSocket in the real-browser tests. */
export interface BridgeTransport {
  invoke(channel: ChannelName, payload: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

type Group<C extends string> = C extends `${infer G}.${string}` ? G : never;

type ChannelFunction<C extends ChannelName> = [ChannelInput<C>] extends [undefined]
  ? () => Promise<IpcResult<ChannelOutput<C>>>
  : (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>;

/** `api.profiles.list()`, `api.profiles.create({...})`: one function per channel, grouped by the name's prefix. */
export type InnsenderApi = {
  [G in Group<ChannelName>]: {
    [C in ChannelName as C extends `${G}.${infer Op}` ? Op : never]: ChannelFunction<C>;
  };
} & {
  /** Subscribes to one of the fixed events; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/**
 * Builds the API object from the contract. The preload and the test bridge both call this, so the page in the
 * real-browser tests gets exactly the object the preload would expose.
 */
export function createBridgeApi(transport: BridgeTransport): InnsenderApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const name of CHANNEL_NAMES) {
    const [group, op] = name.split('.') as [string, string];
    api[group] ??= {};
    api[group][op] = (input?: unknown) => transport.invoke(name, input);
  }
  const allowed = new Set<string>(EVENT_NAMES);
  const on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!allowed.has(event)) throw new Error(`Unknown event: ${String(event)}`);
    return transport.subscribe(event, listener);
  };
  return Object.freeze({ ...api, on }) as unknown as InnsenderApi;
}
