import {
  channels,
  isChannelName,
  type ChannelName,
  type ChannelOutput,
  type ChannelParsedInput,
} from '../../shared/ipc/contract';
import { IPC_ERROR, type IpcResult } from '../../shared/ipc/result';
import { AppError } from '../../shared/domain/app-error';
import type { Logger } from '../log/logger';

/** Handlers for a subset of the channels: each capability supplies its own, `handlers.ts` joins them. */
export type HandlersFor<K extends ChannelName> = {
  [C in K]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};
export type Handlers = HandlersFor<ChannelName>;

export type Dispatch = (channel: unknown, payload: unknown) => Promise<IpcResult<unknown>>;

/**
 * The one path every renderer call takes in main, whatever carried it (Electron IPC, or the test bridge): the
 * channel must exist, the payload must match its schema, and the answer must match the output schema (so a
 * handler can never leak a field the contract does not name, such as a key or a token).
 */
export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  return async (channel, payload) => {
    if (!isChannelName(channel)) {
      return fail(IPC_ERROR.unknownChannel, 'Ukjent kanal.', 'Unknown channel.');
    }
    const contract = channels[channel];
    const input = contract.input.safeParse(payload ?? undefined);
    if (!input.success) {
      const details = input.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`);
      log.warn('ipc input refused', { channel, issues: details });
      return fail(IPC_ERROR.invalidInput, 'Ugyldige data sendt til appen.', 'Invalid data sent to the app.', details);
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(input.data);
      const output = contract.output.safeParse(value);
      if (!output.success) {
        log.error('ipc output broke its contract', { channel, issues: output.error.issues.map((i) => i.message) });
        return fail(IPC_ERROR.internal, 'Intern feil i appen.', 'Internal error in the app.');
      }
      return { ok: true, value: output.data };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toShape() };
      log.error('ipc handler failed', { channel, error });
      return fail(
        IPC_ERROR.internal,
        'Noe gikk galt i appen. Detaljene står i loggen.',
        'Something went wrong in the app. The details are in the log.',
      );
    }
  };
}

function fail(code: string, nb: string, en: string, details?: string[]): IpcResult<never> {
  return { ok: false, error: new AppError(code, { nb, en }, details).toShape() };
}
