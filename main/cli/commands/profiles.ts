import type { Command } from 'commander';
import type { CliContext } from '../context';
import { EXIT } from '../exit-codes';
import type { Profile } from '../../../shared/domain/profile';
import { isAppError } from '../../../shared/domain/app-error';
import { printable, printError } from '../output';
import { nameFromRegister } from '../register-name';
import { orgNumberArgument } from '../org-number-argument';

function describe(p: Profile, active: boolean): string {
  return `${active ? '*' : ' '} ${p.orgNumber}  ${p.environment.padEnd(10)}  ${printable(p.displayName)}  (${p.id})`;
}

interface AddOptions {
  env: string;
  envFile?: string;
  confirmHost?: string[];
  firm?: boolean;
  reportsOrg?: string;
}

/** `innsender profiles …`: the organisations the user acts for, through the same channels as the UI. */
export function registerProfilesCommand(program: Command, ctx: CliContext): void {
  const profiles = program.command('profiles').description('list and manage the organisations you act for');

  profiles
    .command('list', { isDefault: true })
    .description('list profiles (* marks the active one)')
    .action(() =>
      ctx.call('profiles.list', undefined, (state) => {
        if (state.profiles.length === 0) return 'No profiles yet. Add one: innsender profiles add <orgnr> <name>';
        return state.profiles.map((p) => describe(p, p.id === state.activeProfileId)).join('\n');
      }),
    );

  profiles
    .command('add')
    .description('add a profile (the first becomes active)')
    .argument('<orgnr>', 'organisasjonsnummer, 9 digits')
    .argument('[name]', 'display name (default: the name in Enhetsregisteret)')
    .option('--env <environment>', 'sandbox | test | production | custom', 'sandbox')
    .option('--env-file <file>', 'for --env custom: the JSON file with every URL')
    .option('--firm', 'an accounting firm reporting for its clients (agent systembruker)')
    .option('--reports-org <orgnr>', 'sandbox/test: the (Tenor) org the reports and the systembruker are for')
    .option(
      '--confirm-host <host...>',
      'for --env custom: a host outside Altinn, Digdir, Maskinporten and Skatteetaten you confirm may receive the grant, tokens and reports',
    )
    .action(async (typedOrgNumber: string, name: string | undefined, opts: AddOptions) => {
      const orgNumber = orgNumberArgument(ctx, typedOrgNumber);
      if (!orgNumber || (opts.reportsOrg && !orgNumberArgument(ctx, opts.reportsOrg))) return;
      // The terminal names the file where the app's page would use main's dialog: the same checks, the same pick.
      const pick = opts.envFile ? await offerFile(ctx, opts.envFile) : undefined;
      if (opts.envFile && !pick) return;
      const displayName = name ?? (await nameFromRegister(ctx, orgNumber, registerEnvironment(opts.env)));
      if (displayName === undefined) return;
      await ctx.call(
        'profiles.create',
        {
          orgNumber,
          displayName,
          environment: opts.env as Profile['environment'],
          ...(pick ? { customEnvironmentPick: pick } : {}),
          ...(opts.confirmHost ? { confirmHosts: opts.confirmHost } : {}),
          ...(opts.firm ? { kind: 'firm' as const } : {}),
          ...(opts.reportsOrg ? { reportsOrgNumber: opts.reportsOrg } : {}),
        },
        (p) => `Added ${describe(p, false).trim()}`,
      );
    });

  profiles
    .command('confirm-hosts')
    .description("confirm the active custom environment's hosts outside Altinn, Digdir, Maskinporten and Skatteetaten")
    .argument('<host...>', 'each host, exactly as the error listed it')
    .action((hosts: string[]) =>
      ctx.call('environment.confirmHosts', { hosts }, (env) =>
        'message' in env ? env.message[ctx.lang] : `Confirmed: ${hosts.join(', ')}`,
      ),
    );

  profiles
    .command('use')
    .description('make a profile active')
    .argument('<id-or-orgnr>')
    .action((key: string) => ctx.call('profiles.activate', { id: resolveId(ctx, key) }, () => `Active: ${key}`));

  profiles
    .command('remove')
    .description('remove a profile (its drafts and outbox stay on disk)')
    .argument('<id-or-orgnr>')
    .action((key: string) => ctx.call('profiles.remove', { id: resolveId(ctx, key) }, () => `Removed: ${key}`));
}

/** The environment a new profile's name is looked up in; a custom one's file is not read before it is added. */
function registerEnvironment(env: string): 'sandbox' | 'test' | 'production' {
  return env === 'sandbox' || env === 'test' ? env : 'production';
}

/** Reads and checks a custom environment file named on the command line; prints the error and gives undefined. */
async function offerFile(ctx: CliContext, file: string): Promise<string | undefined> {
  try {
    return (await ctx.services.customEnvironments.offer(file)).pickId;
  } catch (error) {
    if (!isAppError(error)) throw error;
    ctx.setExit(printError(ctx.io, error.toShape(), ctx.json, ctx.lang));
    return undefined;
  }
}

/** Lets people type the org number they know instead of the profile's id, when it names exactly one profile. */
function resolveId(ctx: CliContext, key: string): string {
  const matches = ctx.services.profiles
    .state()
    .profiles.filter((p) => p.id === key || p.orgNumber === key.replace(/\s/g, ''));
  if (matches.length === 1 && matches[0]) return matches[0].id;
  if (matches.length > 1) {
    ctx.io.err(`${printable(key)} names ${matches.length} profiles; use the id (innsender profiles list).`);
    ctx.setExit(EXIT.usage);
  }
  return key;
}
