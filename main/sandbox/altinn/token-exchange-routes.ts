import type { EmulatorContext } from '../host';
import type { SandboxTokenAuthority } from '../maskinporten/token-authority';
import { EmulatorHttpError, type EmulatorRoute } from '../router';

/** The exchanged token's issuer: Altinn's platform OpenID issuer below the emulated platform. */
export const altinnTokenIssuer = (ctx: EmulatorContext) => `${ctx.baseUrl()}/altinn/authentication/api/v1/openid/`;

/**
 * Altinn's token exchange (dialogporten-events.md §2.3): `GET {platform}/authentication/api/v1/exchange/maskinporten`
 * with a Maskinporten token as the bearer answers with an Altinn JWT, as plain text, that keeps the scopes and
 * the system user's `authorization_details` (suggested by Altinn Events' `GetSystemUserId`, UNCONFIRMED) and
 * expires when the Maskinporten token does. Altinn Events accepts only such tokens.
 */
export function tokenExchangeRoutes(ctx: EmulatorContext, authority: SandboxTokenAuthority): EmulatorRoute[] {
  return [
    {
      method: 'GET',
      path: '/altinn/authentication/api/v1/exchange/maskinporten',
      handle: async (req) => {
        const header = req.headers.authorization;
        const token = typeof header === 'string' && /^Bearer /i.test(header) ? header.slice(7).trim() : '';
        const claims = token ? await authority.verify(token, `${ctx.baseUrl()}/maskinporten/`, ctx.now()) : null;
        if (!claims || typeof claims.exp !== 'number') {
          throw new EmulatorHttpError({ status: 401, headers: { 'www-authenticate': 'Bearer' } });
        }
        const { iss: _iss, iat: _iat, exp, jti: _jti, ...kept } = claims;
        const remaining = Math.max(1, exp - Math.floor(ctx.now().getTime() / 1000));
        const exchanged = await authority.issue(kept, altinnTokenIssuer(ctx), ctx.now(), remaining);
        return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: exchanged };
      },
    },
  ];
}
