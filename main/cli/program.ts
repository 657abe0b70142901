import { Command, CommanderError } from 'commander';
import type { AppServices } from '../app-services';
import { defaultDataDir } from '../settings/data-dir';
import { createCliContext, opensServicesOnDemand } from './context';
import { EXIT, type ExitCode } from './exit-codes';
import { printError, type CliIo } from './output';
import { AppError } from '../../shared/domain/app-error';
import { registerProfilesCommand } from './commands/profiles';
import { registerSandboxCommand } from './commands/sandbox';
import { registerKeysCommand } from './commands/keys';
import { registerTokenCommand } from './commands/token';
import { registerValidateCommand } from './commands/validate';
import { registerFeedbackCommand } from './commands/feedback';
import { registerOutboxCommands } from './commands/outbox';
import { registerTredjepartCommand } from './commands/tredjepart';
import { registerSkattekortCommand } from './commands/skattekort';
import { registerFristerCommand } from './commands/frister';
import { registerSetupCommands } from './commands/setup';
import { registerAvstemmingCommand } from './commands/avstemming';

export interface CliRun {
  argv: string[];
  io: CliIo;
  env?: NodeJS.ProcessEnv;
  version: string;
  /** The clock every service reads (tests pin it; the command line uses the real one). */
  now?: () => Date;
}

/**
 * `innsender …`: the main-process services without Electron. Parses the global options first and declares every
 * command (names, arguments, options: cheap); the services the app uses are loaded and built only once a command
 * runs, so `--help`, `--version` and usage errors never load the app. Returns the exit code instead of exiting, so
 * tests can call it.
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
    registerProfilesCommand(program, ctx);
    registerSandboxCommand(program, ctx);
    registerKeysCommand(program, ctx);
    registerTokenCommand(program, ctx);
    registerValidateCommand(program, ctx);
    registerFeedbackCommand(program, ctx);
    registerOutboxCommands(program, ctx);
    registerTredjepartCommand(program, ctx);
    registerSkattekortCommand(program, ctx);
    registerFristerCommand(program, ctx);
    registerSetupCommands(program, ctx);
    registerAvstemmingCommand(program, ctx);

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
