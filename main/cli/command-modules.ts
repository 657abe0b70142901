import type { Command } from 'commander';
import type { CliContext } from './context';

type Register = (program: Command, ctx: CliContext) => void;

/**
 * Every module that declares commands, with the top-level commands it declares, in the order `--help` lists them.
 * Each is imported only when needed (`commandModulesFor`): a command's module brings its own imports (formats,
 * schemas, catalogues), and `innsender validate` need not load those of the eleven others (issue 12).
 */
export const COMMAND_MODULES: readonly { names: readonly string[]; load: () => Promise<Register> }[] = [
  { names: ['profiles'], load: async () => (await import('./commands/profiles')).registerProfilesCommand },
  { names: ['sandbox'], load: async () => (await import('./commands/sandbox')).registerSandboxCommand },
  { names: ['keys'], load: async () => (await import('./commands/keys')).registerKeysCommand },
  { names: ['token'], load: async () => (await import('./commands/token')).registerTokenCommand },
  { names: ['validate'], load: async () => (await import('./commands/validate')).registerValidateCommand },
  { names: ['feedback'], load: async () => (await import('./commands/feedback')).registerFeedbackCommand },
  {
    names: ['submit', 'outbox', 'audit'],
    load: async () => (await import('./commands/outbox')).registerOutboxCommands,
  },
  { names: ['tredjepart'], load: async () => (await import('./commands/tredjepart')).registerTredjepartCommand },
  { names: ['skattekort'], load: async () => (await import('./commands/skattekort')).registerSkattekortCommand },
  { names: ['frister'], load: async () => (await import('./commands/frister')).registerFristerCommand },
  { names: ['setup', 'clients'], load: async () => (await import('./commands/setup')).registerSetupCommands },
  { names: ['avstemming'], load: async () => (await import('./commands/avstemming')).registerAvstemmingCommand },
];

/**
 * The registrations to load for a command line: only the named command's module when its first operand names a
 * command, every module otherwise (help, a usage error, an unknown command and its "did you mean"), so what
 * commander prints or refuses is what it was with every command declared.
 */
export async function commandModulesFor(firstOperand: string | undefined): Promise<Register[]> {
  const named = COMMAND_MODULES.find((m) => firstOperand !== undefined && m.names.includes(firstOperand));
  return Promise.all((named ? [named] : COMMAND_MODULES).map((m) => m.load()));
}
