import type { Command } from 'commander';
import type { AppServices } from '../app-services';
import { AppError } from '../../shared/domain/app-error';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/ipc/contract';
import type { Language } from '../../shared/domain/localized';
import { printError, terminalSafeIo, type CliIo } from './output';
import type { ExitCode } from './exit-codes';

export interface CliContext {
  /** The app's services, opened before the command's action runs (unless it opens them itself: `servicesOnDemand`). */
  services: AppServices;
  /** Opens the app's services now, if they are not open yet: for a command marked `servicesOnDemand`. */
  appServices(): Promise<AppServices>;
  /** The data folder (`--data-dir`, `INNSENDER_DATA_DIR` or the app's own). */
  dataDir: string;
  /** The clock every service reads (tests pin it); absent on the command line. */
  now?: () => Date;
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

/**
 * Commands whose action opens the app's services itself, when it needs them (`ctx.appServices()`), instead of
 * `program.ts` opening them first: a plain `validate` checks files with no profile, database or keychain.
 */
const onDemand = new WeakSet<Command>();
export function servicesOnDemand(command: Command): Command {
  onDemand.add(command);
  return command;
}
export function opensServicesOnDemand(command: Command): boolean {
  return onDemand.has(command);
}

/** `services` gives the app's services, opened by `program.ts` just before a command's action runs. */
export function createCliContext(
  services: { current(): AppServices; open(): Promise<AppServices> },
  io: CliIo,
  opts: { json: boolean; lang: Language; dataDir: string; now?: () => Date },
): CliContext & { exitCode(): ExitCode } {
  let exit: ExitCode = 0;
  // Every command prints through it: file names, display names and Skatteetaten's texts reach the terminal escaped.
  io = terminalSafeIo(io);
  const ctx = {
    get services() {
      return services.current();
    },
    appServices: () => services.open(),
    dataDir: opts.dataDir,
    ...(opts.now ? { now: opts.now } : {}),
    io,
    json: opts.json,
    lang: opts.lang,
    setExit(code: ExitCode) {
      if (code > exit) exit = code;
    },
    exitCode: () => exit,
    async request<C extends ChannelName>(channel: C, input: ChannelInput<C>) {
      const result = await (await services.open()).dispatch(channel, input);
      if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
      return result.value as ChannelOutput<C>;
    },
    async call<C extends ChannelName>(channel: C, input: ChannelInput<C>, format: (value: ChannelOutput<C>) => string) {
      const result = await (await services.open()).dispatch(channel, input);
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
