import type { EmulatorState } from '../state';

/** A registered public key, with when it was posted: Maskinporten expires it a year later (MP-121). */
export interface RegisteredJwk {
  jwk: { kty: string; n: string; e: string; kid: string; alg?: string; use?: string };
  registeredAt: string;
}

/** A Maskinporten client as the self-service API models it (altinn-auth.md §3.2), plus its keys. */
export interface SandboxClient {
  client_id: string;
  client_name: string;
  client_orgno: string;
  description: string;
  integration_type: 'maskinporten';
  token_endpoint_auth_method: 'private_key_jwt';
  grant_types: string[];
  scopes: string[];
  access_token_lifetime: number;
  created: string;
  jwks: RegisteredJwk[];
}

export interface MaskinportenSlice {
  clients: Record<string, SandboxClient>;
  /** jti → the grant's exp (epoch seconds): a grant can't be used twice while it could still be valid. */
  usedJtis: Record<string, number>;
}

export function maskinportenSlice(state: EmulatorState): MaskinportenSlice {
  return state.slice<MaskinportenSlice>('maskinporten', () => ({ clients: {}, usedJtis: {} }));
}

/** The client as the API answers: keys are read through /jwks. */
export function publicClientModel(client: SandboxClient): Omit<SandboxClient, 'jwks'> {
  const { jwks: _jwks, ...rest } = client;
  return rest;
}
