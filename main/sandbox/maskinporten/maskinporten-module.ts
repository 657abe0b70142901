import type { EmulatorModule } from '../host';
import { altinnSlice } from '../altinn/altinn-state';
import { maskinportenSlice } from './client-registry';
import { verifyGrant } from './grant-verification';
import { selfServiceRoutes } from './self-service-routes';
import type { SandboxTokenAuthority } from './token-authority';

/**
 * The sandbox Maskinporten: the token endpoint (altinn-auth.md §1–2), its metadata and JWKS, and the self-service
 * API where the user's client and public key are registered. Mirrors test.maskinporten.no below `/maskinporten`.
 */
export function maskinportenModule(authority: SandboxTokenAuthority): EmulatorModule {
  return {
    name: 'maskinporten',
    routes(ctx) {
      const issuer = () => `${ctx.baseUrl()}/maskinporten/`;
      // The server's own clock in the Date header, so the app can see (and report) skew against it.
      const dated = () => ({ date: ctx.now().toUTCString() });
      return [
        {
          method: 'POST',
          path: '/maskinporten/token',
          handle: async (req) => {
            const now = ctx.now();
            const verified = await verifyGrant(req.form(), {
              issuer: issuer(),
              now,
              maskinporten: maskinportenSlice(ctx.state),
              altinn: altinnSlice(ctx.state),
            });
            void ctx.state.save();
            if (!verified.ok) {
              const { ok: _ok, status, ...body } = verified;
              return { status, headers: dated(), body };
            }
            const { client, systemUser } = verified;
            const claims = {
              client_id: client.client_id,
              client_amr: verified.clientAmr,
              consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${client.client_orgno}` },
              scope: verified.scopes.join(' '),
              token_type: 'Bearer',
              ...(systemUser
                ? {
                    authorization_details: [
                      {
                        type: 'urn:altinn:systemuser',
                        systemuser_org: { authority: 'iso6523-actorid-upis', ID: `0192:${systemUser.org}` },
                        systemuser_id: [systemUser.user.id],
                        system_id: systemUser.system.id,
                      },
                    ],
                  }
                : {}),
            };
            const lifetime = client.access_token_lifetime;
            const accessToken = await authority.issue(claims, issuer(), now, lifetime);
            return {
              status: 200,
              headers: dated(),
              body: { access_token: accessToken, token_type: 'Bearer', expires_in: lifetime, scope: claims.scope },
            };
          },
        },
        {
          method: 'GET',
          path: '/maskinporten/.well-known/oauth-authorization-server',
          handle: () => ({
            status: 200,
            body: {
              issuer: issuer(),
              token_endpoint: `${ctx.baseUrl()}/maskinporten/token`,
              jwks_uri: `${ctx.baseUrl()}/maskinporten/jwk`,
              token_endpoint_auth_methods_supported: ['private_key_jwt'],
              grant_types_supported: ['urn:ietf:params:oauth:grant-type:jwt-bearer'],
              token_endpoint_auth_signing_alg_values_supported: ['RS256', 'RS384', 'RS512'],
              authorization_details_types_supported: ['urn:altinn:systemuser'],
            },
          }),
        },
        {
          method: 'GET',
          path: '/maskinporten/jwk',
          handle: async () => ({ status: 200, body: await authority.jwks() }),
        },
        ...selfServiceRoutes(ctx),
      ];
    },
  };
}
