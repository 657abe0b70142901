import type { Command } from 'commander';
import type { CliContext } from '../context';
import { EXIT } from '../exit-codes';
import { printError } from '../output';
import { isAppError } from '../../../shared/domain/app-error';
import { ALTINN_SCOPES } from '../../../shared/domain/services-catalogue';

interface TokenOptions {
  scope?: string[];
  plain?: boolean;
  printToken?: boolean;
}

/**
 * `innsender token`: fetches a token for the active profile and prints its non-secret claims (the same check as
 * the wizard's "test connection"). The token itself is printed only with --print-token.
 */
export function registerTokenCommand(program: Command, ctx: CliContext): void {
  program
    .command('token')
    .description('fetch a systembruker token for the active profile and show what it is good for (not the token)')
    .option('--scope <scope...>', "scopes to ask for (default: the chosen services' scopes)")
    .option('--plain', 'a plain token without the systembruker (default scopes: the Altinn setup scopes)')
    .option('--print-token', 'also print the access token itself (it grants access: handle it like a password)')
    .option('--check', 'accepted for compatibility; checking is what the command always does')
    .action(async (opts: TokenOptions) => {
      // The implementation loads when the command runs, not when the CLI starts (see program.ts).
      const { runTokenCommand } = await import('../../maskinporten/token-command');
      const { summariseTokenClaims } = await import('../../maskinporten/token-claims');
      let context;
      try {
        context = await ctx.services.setup.tokenContext();
      } catch (error) {
        if (!isAppError(error)) throw error;
        ctx.setExit(printError(ctx.io, error.toShape(), ctx.json, ctx.lang));
        return;
      }
      const scopes = opts.scope?.length ? opts.scope : opts.plain ? Object.values(ALTINN_SCOPES) : context.scopes;
      const systemUser = opts.plain ? undefined : context.systemUser;
      if (ctx.json) {
        try {
          const token = await context.tokens.tokenForScopes({ scopes, ...(systemUser ? { systemUser } : {}) });
          const value = {
            expiresAt: token.expiresAt.toISOString(),
            scopes: token.scopes,
            kid: token.kid,
            claims: summariseTokenClaims(token.value) ?? null,
            ...(opts.printToken ? { accessToken: token.value } : {}),
          };
          ctx.io.out(JSON.stringify({ ok: true, value }));
        } catch (error) {
          if (!isAppError(error)) throw error;
          ctx.setExit(printError(ctx.io, error.toShape(), true, ctx.lang));
        }
        return;
      }
      const code = await runTokenCommand({
        tokens: context.tokens,
        scopes,
        ...(systemUser ? { systemUser } : {}),
        printToken: !!opts.printToken,
        language: ctx.lang,
        write: (line) => ctx.io.out(line),
      });
      ctx.setExit(code === 0 ? EXIT.ok : EXIT.failure);
    });
}
