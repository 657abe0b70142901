import type { SystemUserClaim } from '../maskinporten/grant';
import type { MaskinportenTokens } from '../maskinporten/maskinporten-tokens';

/**
 * Where every Skatteetaten client gets its bearer token: a Maskinporten token for the service's scope with the
 * systembruker in `authorization_details` (skatteetaten-apis.md §0.1). `invalidate` drops a token the API refused,
 * so the next call fetches a fresh one.
 */
export interface SkatteetatenTokens {
  token(scope: string): Promise<string>;
  invalidate(scope: string): void;
}

/** The systembruker tokens of one business (its org number, and the external ref its system user was made with). */
export function systemUserTokens(tokens: MaskinportenTokens, systemUser: SystemUserClaim): SkatteetatenTokens {
  return {
    async token(scope) {
      return (await tokens.tokenForScopes({ scopes: [scope], systemUser })).value;
    },
    invalidate(scope) {
      tokens.invalidate({ scopes: [scope], systemUser });
    },
  };
}
