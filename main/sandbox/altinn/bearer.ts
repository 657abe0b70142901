import type { EmulatorContext } from '../host';
import { EmulatorHttpError, type EmulatorRequest } from '../router';
import type { SandboxTokenAuthority } from '../maskinporten/token-authority';

export interface Caller {
  /** The org in the token's `consumer` claim: the vendor, for every vendor endpoint (altinn-auth.md §4.1, §5). */
  orgNumber: string;
  clientId: string;
  scopes: string[];
}

/**
 * Altinn's check on a vendor call: a valid Maskinporten token (401 otherwise), holding one of the endpoint's
 * scopes (403 otherwise), with a `consumer` org (AUTH-00023 otherwise).
 */
export async function authenticate(
  req: EmulatorRequest,
  ctx: EmulatorContext,
  authority: SandboxTokenAuthority,
  anyOfScopes: readonly string[],
): Promise<Caller> {
  const header = req.headers.authorization;
  const token = typeof header === 'string' && /^Bearer /i.test(header) ? header.slice(7).trim() : '';
  const claims = token ? await authority.verify(token, `${ctx.baseUrl()}/maskinporten/`, ctx.now()) : null;
  if (!claims) throw new EmulatorHttpError({ status: 401, headers: { 'www-authenticate': 'Bearer' } });
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  if (!anyOfScopes.some((s) => scopes.includes(s))) throw new EmulatorHttpError({ status: 403 });
  const consumer = claims.consumer as { ID?: string } | undefined;
  const match = /^0192:(\d{9})$/.exec(consumer?.ID ?? '');
  if (!match) {
    throw new EmulatorHttpError({
      status: 401,
      body: { code: 'AUTH-00023', detail: "Can't resolve the Organisation Number for the Vendor from the Token." },
    });
  }
  return { orgNumber: match[1] as string, clientId: String(claims.client_id ?? ''), scopes };
}
