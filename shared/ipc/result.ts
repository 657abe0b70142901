import type { AppErrorShape } from '../domain/app-error';

/** What every IPC call answers: never a thrown stack trace across the boundary. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** Codes the IPC layer itself produces; capabilities add their own (KEYCHAIN_UNAVAILABLE, AMLD_019, …). */
export const IPC_ERROR = {
  unknownChannel: 'IPC_UNKNOWN_CHANNEL',
  invalidInput: 'IPC_INVALID_INPUT',
  forbiddenSender: 'IPC_FORBIDDEN_SENDER',
  internal: 'INTERNAL',
} as const;
