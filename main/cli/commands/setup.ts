import type { Command } from 'commander';
import type { CliContext } from '../context';
import { nameFromRegister } from '../register-name';
import { EXIT } from '../exit-codes';
import { printable, printError } from '../output';
import { formatOrgNumber } from '../../../shared/format';
import { isAppError } from '../../../shared/domain/app-error';
import type { SetupOverview } from '../../../shared/domain/setup';
import type { FirmClientsView } from '../../../shared/domain/firm';
import type { ServiceId } from '../../../shared/domain/services-catalogue';

function describeSetup(o: SetupOverview): string {
  const lines = [
    `${o.displayName} (${formatOrgNumber(o.orgNumber)}) · ${o.environment} · ${o.kind === 'firm' ? 'accounting firm' : 'business'}`,
    `  key      ${o.steps.key}${o.keys[0] ? `  (${o.keys.filter((k) => k.status !== 'retired').length} live)` : ''}`,
    `  client   ${o.steps.client}${o.client ? `  ${o.client.clientId}` : ''}`,
    `  system   ${o.steps.system}${o.system ? `  ${o.system.systemId}: ${o.system.services.join(', ')}` : ''}${
      o.system?.accessPackages?.length ? ` (packages: ${o.system.accessPackages.join(', ')})` : ''
    }`,
    `  request  ${o.steps.request}${
      o.request ? `  ${o.request.kind ?? 'standard'} ${o.request.status} for ${o.request.ownerOrgNumber}` : ''
    }${o.request?.systemUserId ? ` · systembruker ${o.request.systemUserId}` : ''}`,
    `  test     ${o.steps.test}`,
  ];
  if (o.changeRequest) {
    lines.push(
      `  change   ${o.changeRequest.status}: ${o.changeRequest.from.join(', ')} → ${o.changeRequest.to.join(', ')}`,
    );
  }
  return lines.join('\n');
}

function describeClients(v: FirmClientsView): string {
  const listed =
    v.clients.length === 0
      ? ['No clients yet. Add one: innsender clients add <orgnr> <name>']
      : v.clients.map(
          (c) =>
            `${formatOrgNumber(c.orgNumber)}  ${c.delegation.state.padEnd(13)}  ${printable(c.name)}  (${c.services.join(', ')})`,
        );
  // Klienter's "I Altinn, men ikke i listen din": most often the real number of a client typed with another's.
  const altinnOnly = v.altinnOnly.length
    ? [
        '',
        'In Altinn, not in your list (add one: innsender clients add <orgnr> <name>):',
        ...v.altinnOnly.map((c) => `${formatOrgNumber(c.orgNumber)}  ${printable(c.name ?? '(no name in Altinn)')}`),
      ]
    : [];
  return [...listed, ...altinnOnly].join('\n');
}

/**
 * Runs a setup step, prints the overview, and then prints the approval link (the CLI's desktop prints what the app
 * would open in the browser); a refused step prints its error and opens nothing.
 */
async function thenOpen(
  ctx: CliContext,
  step: () => Promise<SetupOverview>,
  open: 'systemuser.openApproval' | 'systemuser.openChangeApproval',
): Promise<void> {
  try {
    const overview = await step();
    ctx.io.out(ctx.json ? JSON.stringify({ ok: true, value: overview }) : describeSetup(overview));
    if (!ctx.json && (overview.request?.status === 'New' || overview.changeRequest?.status === 'New')) {
      await ctx.request(open, undefined);
    }
  } catch (error) {
    if (!isAppError(error)) throw error;
    ctx.setExit(printError(ctx.io, error.toShape(), ctx.json, ctx.lang));
  }
}

/**
 * `innsender setup …` and `innsender clients …`: every step of the Oppsett page and the Klienter page, through the
 * same channels (same validation, same error codes), so a firm can script its onboarding and its clients.
 */
export function registerSetupCommands(program: Command, ctx: CliContext): void {
  const setup = program
    .command('setup')
    .description("the active profile's Maskinporten client, system and systembruker");
  const show = (o: SetupOverview) => describeSetup(o);

  setup
    .command('status', { isDefault: true })
    .description('where each step stands')
    .action(() => ctx.call('setup.status', undefined, show));

  setup
    .command('client')
    .description('the Maskinporten client: its id from Samarbeidsportalen, or none to make one in the sandbox')
    .argument('[client-id]')
    .action((clientId?: string) =>
      clientId
        ? ctx.call('maskinporten.setClientId', { clientId }, show)
        : ctx.call('maskinporten.registerSandboxClient', undefined, show),
    );

  setup
    .command('system')
    .description('register (or update) the system in Altinn with the services')
    .argument('<service...>', 'a-melding, aksjonaerregisteroppgave, skattekort-til-arbeidsgiver, tredjepart-…')
    .option('--grant <grant>', 'a business: rights (single rights, default) or access-packages')
    .option('--package <name...>', 'access packages (a firm: client packages, e.g. regnskapsforer-lonn)')
    .option('--system-name <name>', 'another name for the system in Altinn when the default id is taken')
    .action((services: string[], opts: { grant?: string; package?: string[]; systemName?: string }) =>
      ctx.call(
        'systemuser.registerSystem',
        {
          services: services as ServiceId[],
          ...(opts.grant ? { grant: opts.grant as 'rights' | 'access-packages' } : {}),
          ...(opts.package?.length ? { accessPackages: opts.package } : {}),
          ...(opts.systemName ? { systemName: opts.systemName } : {}),
        },
        show,
      ),
    );

  setup
    .command('request')
    .description('ask for the systembruker (a firm: the agent systembruker) and print the approval link')
    .option('--owner <orgnr>', 'the org that owns it (default: the profile’s reports org; in TT02 a Tenor org)')
    .action((opts: { owner?: string }) =>
      thenOpen(
        ctx,
        async () => {
          const owner = opts.owner ?? (await ctx.request('setup.status', undefined)).reportsOrgNumber;
          return ctx.request('systemuser.createRequest', { ownerOrgNumber: owner });
        },
        'systemuser.openApproval',
      ),
    );

  setup
    .command('wait')
    .description("wait for the owner's decision: exit 0 approved, 1 rejected, denied or timed out, 3 still waiting")
    .option('--timeout <seconds>', 'how long to wait', '600')
    .option('--every <seconds>', 'how often to ask Altinn', '3')
    .action(async (opts: { timeout: string; every: string }) => {
      const until = Date.now() + Number(opts.timeout) * 1000;
      try {
        for (;;) {
          const o = await ctx.request('systemuser.refreshStatus', undefined);
          const status = o.request?.status;
          if (status && status !== 'New') {
            ctx.io.out(ctx.json ? JSON.stringify({ ok: true, value: o }) : describeSetup(o));
            ctx.setExit(status === 'Accepted' ? EXIT.ok : EXIT.findings);
            return;
          }
          if (Date.now() >= until) {
            ctx.io.err(ctx.lang === 'en' ? 'Still waiting for the owner.' : 'Venter fortsatt på eieren.');
            ctx.setExit(EXIT.failure);
            return;
          }
          await new Promise((r) => setTimeout(r, Number(opts.every) * 1000));
        }
      } catch (error) {
        if (!isAppError(error)) throw error;
        ctx.setExit(printError(ctx.io, error.toShape(), ctx.json, ctx.lang));
      }
    });

  setup
    .command('test')
    .description('fetch a systembruker token and show its claims (never the token)')
    .action(() => ctx.call('maskinporten.testConnection', undefined, show));

  setup
    .command('change')
    .description('add or remove services on the approved systembruker (a change request)')
    .argument('<service...>', 'the services it should have from now on')
    .action((services: string[]) =>
      thenOpen(
        ctx,
        () => ctx.request('systemuser.changeServices', { services: services as ServiceId[] }),
        'systemuser.openChangeApproval',
      ),
    );

  setup
    .command('discard')
    .description('remove a rejected, denied or timed-out request so a new one can be made')
    .action(() => ctx.call('systemuser.discardRequest', undefined, show));

  const clients = program.command('clients').description("an accounting firm's clients and their delegation");
  const list = (v: FirmClientsView) => describeClients(v);
  clients
    .command('list', { isDefault: true })
    .description('the clients, and whether each is attached to the systembruker in Altinn')
    .action(() => ctx.call('firm.clients', undefined, list));
  clients
    .command('add')
    .argument('<orgnr>')
    .argument('[name]', "the client's name (default: the name in Enhetsregisteret)")
    .option('--service <service...>', 'the services the firm handles for it (default: all registered)')
    .action(async (orgNumber: string, given: string | undefined, opts: { service?: string[] }) => {
      const name = given ?? (await nameFromRegister(ctx, orgNumber));
      if (name === undefined) return;
      await ctx.call(
        'firm.addClient',
        { orgNumber, name, ...(opts.service?.length ? { services: opts.service as ServiceId[] } : {}) },
        list,
      );
    });
  clients
    .command('remove')
    .argument('<orgnr>')
    .action((orgNumber: string) => ctx.call('firm.removeClient', { orgNumber }, list));
  clients
    .command('sync')
    .description("read the systembruker's client list from Altinn")
    .action(() => ctx.call('firm.syncDelegations', undefined, list));
  clients
    .command('confirm')
    .description('where Altinn’s list cannot be read: the klientadministrator has attached (or removed) the client')
    .argument('<orgnr>')
    .option('--removed', 'the client was removed from the systembruker')
    .action((orgNumber: string, opts: { removed?: boolean }) =>
      ctx.call('firm.confirmDelegation', { orgNumber, delegated: !opts.removed }, list),
    );
  clients
    .command('admin-page')
    .description('the Altinn page where the klientadministrator attaches clients')
    .action(() => ctx.call('firm.openClientAdmin', undefined, () => ''));
}
