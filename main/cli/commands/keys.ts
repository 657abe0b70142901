import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { printable } from '../output';
import { EXIT } from '../exit-codes';
import type { KeyView, SetupOverview } from '../../../shared/domain/setup';
import { formatDate, formatOrgNumber } from '../../../shared/format';
import { keyExpiryText } from '../../../shared/domain/key-expiry';
import type { Language, LocalizedText } from '../../../shared/domain/localized';

const STATUS: Record<KeyView['status'], LocalizedText> = {
  pending: { nb: 'ikke registrert', en: 'pending' },
  active: { nb: 'registrert', en: 'active' },
  retired: { nb: 'pensjonert', en: 'retired' },
};
const ORIGIN: Record<KeyView['origin'], LocalizedText> = {
  generated: { nb: 'generert', en: 'generated' },
  imported: { nb: 'importert', en: 'imported' },
  certificate: { nb: 'sertifikat', en: 'certificate' },
};

const days = (n: number, lang: Language) =>
  lang === 'en' ? `${n} ${n === 1 ? 'day' : 'days'}` : `${n} ${n === 1 ? 'dag' : 'dager'}`;

/** A registered key's expiry as Oppsett's key table words it (keyExpiryText); "Gikk ut …" needs no verb. */
function expiryWords(k: KeyView, lang: Language): string {
  if (k.expiresAt === undefined) return lang === 'en' ? 'not registered yet' : 'ikke registrert ennå';
  const when = keyExpiryText(k.expiresAt, k.daysLeft ?? 0)[lang];
  return (k.daysLeft ?? 0) < 0 ? when : `${lang === 'en' ? 'expires' : 'utløper'} ${when}`;
}

/** One line per key, in the CLI's language. */
function describeKey(k: KeyView, lang: Language): string {
  const portal = k.portalKid
    ? lang === 'en'
      ? `  portal kid ${k.portalKid} (the grant names it)`
      : `  kid i portalen ${k.portalKid} (innloggingen bruker den)`
    : '';
  const made = `${lang === 'en' ? 'made' : 'laget'} ${formatDate(k.createdAt, lang)} (${days(k.ageDays, lang)})`;
  const expires = k.status === 'retired' ? '' : `  ${expiryWords(k, lang)}`;
  return `${k.kid}  ${STATUS[k.status][lang].padEnd(15)}  ${ORIGIN[k.origin][lang].padEnd(11)}  ${made}${expires}${portal}`;
}

function describeKeys(o: SetupOverview, lang: Language): string {
  if (o.keys.length === 0)
    return lang === 'en'
      ? 'No Maskinporten key yet. Make one: innsender keys generate'
      : 'Ingen Maskinporten-nøkkel ennå. Lag en: innsender keys generate';
  const warnings = o.keyWarnings.map((w) => `! ${w.message[lang]}`);
  const where = `${o.displayName} (${formatOrgNumber(o.orgNumber)}, ${o.environment})`;
  return [
    lang === 'en' ? `Maskinporten keys for ${where}:` : `Maskinporten-nøkler for ${where}:`,
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
