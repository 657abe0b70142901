import { Command, CommanderError } from 'commander';
import type { AppServices } from '../app-services';
import { defaultDataDir } from '../settings/data-dir';
import { commandModulesFor } from './command-modules';
import { createCliContext, opensServicesOnDemand } from './context';
import { EXIT, type ExitCode } from './exit-codes';
import { printError, type CliIo } from './output';
import { AppError } from '../../shared/domain/app-error';

export interface CliRun {
  argv: string[];
  io: CliIo;
  env?: NodeJS.ProcessEnv;
  version: string;
  /** The clock every service reads (tests pin it; the command line uses the real one). */
  now?: () => Date;
}

/**
 * `innsender …`: the main-process services without Electron. Parses the global options first and declares the
 * command named (every command for help or a usage error: command-modules.ts); the services the app uses are loaded
 * and built only once a command runs, so `--help`, `--version` and usage errors never load the app. Returns the exit
 * code instead of exiting, so tests can call it.
 */
export async function runCli({ argv, io, env = process.env, version, now }: CliRun): Promise<ExitCode> {
  const globals = new Command()
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .helpOption(false)
    .option('--data-dir <dir>')
    .option('--json')
    .option('--lang <lang>');
  globals.parse(argv, { from: 'user' });
  const g = globals.opts<{ dataDir?: string; json?: boolean; lang?: string }>();
  const dataDir = g.dataDir ?? defaultDataDir(env);
  const lang = g.lang === 'en' ? 'en' : 'nb';

  let services: AppServices | undefined;
  // Loads and builds the app's services, once: before a command's action, or when a command asks for them.
  const open = async (): Promise<AppServices> => {
    if (services) return services;
    const { openCliServices } = await import('./cli-services');
    services = openCliServices({ dataDir, version, io, ...(now ? { now } : {}) });
    for (const notice of services.settings.notices) io.err(`${notice.code}: ${notice.message[lang]}`);
    return services;
  };
  try {
    const ctx = createCliContext(
      {
        current: () => {
          if (!services) throw new Error('the app services are opened when a command runs');
          return services;
        },
        open,
      },
      io,
      { json: !!g.json, lang, dataDir, ...(now ? { now } : {}) },
    );

    const program = new Command('innsender')
      .description('Report to Skatteetaten by machine: Maskinporten, Altinn systembruker, Dialogporten.')
      .version(version)
      .option('--data-dir <dir>', 'where profiles, drafts and the outbox are kept', dataDir)
      .option('--json', 'print machine-readable JSON: {"ok":true,"value":…} or {"ok":false,"error":…}')
      .option('--lang <lang>', 'nb (default) or en, for messages')
      .exitOverride()
      .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
      // Before any command's action (never for help or a usage error): load and build the app's services, unless
      // the command opens them itself when it needs them.
      .hook('preAction', async (_program, action) => {
        if (!opensServicesOnDemand(action)) await open();
      });
    for (const register of await commandModulesFor(firstOperand(globals))) register(program, ctx);

    try {
      await program.parseAsync(argv, { from: 'user' });
    } catch (error) {
      if (error instanceof CommanderError) {
        return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      }
      throw error;
    }
    return ctx.exitCode();
  } catch (error) {
    // Before any command could answer: the data folder's database cannot be opened (damaged, or too new).
    if (error instanceof AppError) return printError(io, error.toShape(), !!g.json, lang);
    io.err(`INTERNAL: ${(error as Error).message}`);
    return EXIT.failure;
  } finally {
    await services?.dispose();
  }
}

/**
 * The command word, when the command line starts with one after the global options: commander keeps the operands
 * first in `args`, and once it meets an option it does not know (the command's own), that option and all after it.
 */
function firstOperand(globals: Command): string | undefined {
  const first = globals.args[0];
  return first === undefined || first.startsWith('-') ? undefined : first;
}
