import type { InnsenderApi } from '../../shared/ipc/bridge-api';
import type { AppErrorShape } from '../../shared/domain/app-error';
import type { IpcResult } from '../../shared/ipc/result';

declare global {
  interface Window {
    /** Installed by the preload (or, in the real-browser tests, by the test bridge) before any page script. */
    innsender?: InnsenderApi;
  }
}

export function bridge(): InnsenderApi {
  const api = window.innsender;
  if (!api) throw new Error('The Innsender bridge is missing: this page must run inside the Innsender app.');
  return api;
}

/** An error main answered with, kept whole so the UI can show the message in the user's language. */
export class BridgeError extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(shape.message.en);
    this.name = 'BridgeError';
  }
}

/** Unwraps a channel's result for react-query: a value, or a thrown BridgeError. */
export async function unwrap<T>(call: Promise<IpcResult<T>>): Promise<T> {
  const result = await call;
  if (result.ok) return result.value;
  throw new BridgeError(result.error);
}
