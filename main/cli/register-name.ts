import { AppError, isAppError } from '../../shared/domain/app-error';
import { registerNameOf } from '../../shared/domain/register-name';
import type { CliContext } from './context';
import { printError } from './output';

/**
 * The name for a profile or client added without one: Enhetsregisteret's, printed with its date (on stderr, so
 * `--json` output stays one object). Undefined, with the reason printed and the exit code set, when there is none.
 */
export async function nameFromRegister(
  ctx: CliContext,
  orgNumber: string,
  environment?: 'sandbox' | 'test' | 'production',
): Promise<string | undefined> {
  try {
    const lookup = await ctx.request('register.lookup', { orgNumber, ...(environment ? { environment } : {}) });
    const named = registerNameOf(lookup);
    if (!named.ok) throw new AppError('REGISTER_NO_NAME', named.reason);
    ctx.io.err(named.note[ctx.lang]);
    return named.name;
  } catch (thrown) {
    if (!isAppError(thrown)) throw thrown;
    ctx.setExit(printError(ctx.io, thrown.toShape(), ctx.json, ctx.lang));
    return undefined;
  }
}
