import type { AppServices } from '../app-services';
import { AppError } from '../../shared/domain/app-error';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/ipc/contract';
import type { Language } from '../../shared/domain/localized';
import { printError, terminalSafeIo, type CliIo } from './output';
import type { ExitCode } from './exit-codes';

export interface CliContext {
  services: AppServices;
  io: CliIo;
  json: boolean;
  lang: Language;
  setExit(code: ExitCode): void;
  /** Calls a channel exactly as the UI does (same validation, same error codes); its error is thrown as an AppError. */
  request<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Calls a channel exactly as the UI does (same validation, same error codes) and prints the answer. */
  call<C extends ChannelName>(
    channel: C,
    input: ChannelInput<C>,
    format: (value: ChannelOutput<C>) => string,
  ): Promise<void>;
}

/** `services` gives the app's services, opened by `program.ts` just before a command's action runs. */
export function createCliContext(
  services: () => AppServices,
  io: CliIo,
  opts: { json: boolean; lang: Language },
): CliContext & { exitCode(): ExitCode } {
  let exit: ExitCode = 0;
  // Every command prints through it: file names, display names and Skatteetaten's texts reach the terminal escaped.
  io = terminalSafeIo(io);
  const ctx = {
    get services() {
      return services();
    },
    io,
    json: opts.json,
    lang: opts.lang,
    setExit(code: ExitCode) {
      if (code > exit) exit = code;
    },
    exitCode: () => exit,
    async request<C extends ChannelName>(channel: C, input: ChannelInput<C>) {
      const result = await services().dispatch(channel, input);
      if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
      return result.value as ChannelOutput<C>;
    },
    async call<C extends ChannelName>(channel: C, input: ChannelInput<C>, format: (value: ChannelOutput<C>) => string) {
      const result = await services().dispatch(channel, input);
      if (result.ok) {
        const value = result.value as ChannelOutput<C>;
        io.out(opts.json ? JSON.stringify({ ok: true, value }) : format(value));
      } else {
        ctx.setExit(printError(io, result.error, opts.json, opts.lang));
      }
    },
  };
  return ctx;
}
