import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { printable } from '../output';
import { EXIT } from '../exit-codes';
import type { KeyView, SetupOverview } from '../../../shared/domain/setup';
import { formatDate, formatOrgNumber } from '../../../shared/format';

function describeKey(k: KeyView, lang: 'nb' | 'en'): string {
  const expiry = k.expiresAt ? `expires ${formatDate(k.expiresAt, lang)} (${k.daysLeft} days)` : 'not registered yet';
  const portal = k.portalKid ? `  portal kid ${k.portalKid} (the grant names it)` : '';
  const made = `made ${formatDate(k.createdAt, lang)} (${k.ageDays} days)`;
  return `${k.kid}  ${k.status.padEnd(7)}  ${k.origin.padEnd(11)}  ${made}  ${expiry}${portal}`;
}

function describeKeys(o: SetupOverview, lang: 'nb' | 'en'): string {
  if (o.keys.length === 0) return 'No Maskinporten key yet. Make one: innsender keys generate';
  const warnings = o.keyWarnings.map((w) => `! ${w.message[lang]}`);
  return [
    `Maskinporten keys for ${o.displayName} (${formatOrgNumber(o.orgNumber)}, ${o.environment}):`,
    ...o.keys.map((k) => describeKey(k, lang)),
    ...warnings,
  ].join('\n');
}

/** `innsender keys …`: the active profile's Maskinporten keys, through the same channels as the setup wizard. */
export function registerKeysCommand(program: Command, ctx: CliContext): void {
  const keys = program
    .command('keys')
    .description("the active profile's Maskinporten keys (private halves stay in the OS keychain)");

  keys
    .command('list', { isDefault: true })
    .description('list the keys with their age and expiry')
    .action(() => ctx.call('setup.status', undefined, (o) => describeKeys(o, ctx.lang)));

  keys
    .command('generate')
    .description('make a new RSA-2048 key in the keychain (upload its public JWK next)')
    .action(() =>
      ctx.call('keys.generate', undefined, (o) => {
        const newest = [...o.keys].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
        return `Generated ${newest?.kid ?? '?'}. Upload it: innsender keys export-jwk --out maskinporten.jwks.json`;
      }),
    );

  keys
    .command('portal-kid')
    .argument('<kid>', 'the key, by its own kid (as `innsender keys` lists it)')
    .argument('[portal-kid]', "the kid Samarbeidsportalen shows for it; leave out to use the key's own kid again")
    .description('set the kid the self-service portal lists for a key (a key pasted as PEM gets one of its own)')
    .action((kid: string, portalKid: string | undefined) =>
      ctx.call('keys.setPortalKid', { kid, portalKid: portalKid ?? null }, (o) => {
        const key = o.keys.find((k) => k.kid === kid);
        return key?.portalKid
          ? `Key ${kid}: the grant now names the portal's kid ${key.portalKid}.`
          : `Key ${kid}: the grant names the key's own kid.`;
      }),
    );

  keys
    .command('export-jwk')
    .description('print the public JWK set for Maskinporten (or write it with --out)')
    .option('--out <file>', 'write the JWKS to this file instead of printing it')
    .action(async (opts: { out?: string }) => {
      const result = await ctx.services.dispatch('keys.publicJwks', undefined);
      if (result.ok && opts.out) {
        try {
          await writeFile(opts.out, `${JSON.stringify(result.value, null, 2)}\n`, 'utf8');
        } catch (error) {
          ctx.io.err(`Could not write ${printable(opts.out)}: ${(error as Error).message}`);
          ctx.setExit(EXIT.usage);
          return;
        }
      }
      await ctx.call('keys.publicJwks', undefined, (jwks) =>
        opts.out ? `Wrote ${jwks.keys.length} public key(s) to ${printable(opts.out)}` : JSON.stringify(jwks, null, 2),
      );
    });
}
