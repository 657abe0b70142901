import { AppError } from '../../shared/domain/app-error';
import { namingMissingPrerequisite } from '../../shared/domain/missing-prerequisite';
import type { PublicJwk } from '../keys/key-metadata';

/** The client model Digdir's self-service API answers with (altinn-auth.md §3.2), the fields Innsender reads. */
export interface MaskinportenClient {
  client_id: string;
  client_name: string;
  client_orgno: string;
  scopes: string[];
  integration_type: 'maskinporten';
  token_endpoint_auth_method: 'private_key_jwt';
}

export interface SelfServiceOptions {
  /** The API base that `/clients/` hangs off (the sandbox: `${emulator}/digdir`). */
  apiBase: string;
  /** The real API wants an admin client's token with idporten:dcr.*; the sandbox needs none. */
  accessToken?: string;
  fetch?: typeof fetch;
}

/**
 * Digdir's self-service API for Maskinporten clients: create a client, set its scopes, upload its JWKS. In the
 * sandbox this is how the wizard stands in for the user's visit to Samarbeidsportalen.
 */
export function createSelfServiceClient(options: SelfServiceOptions) {
  const fetchImpl = options.fetch ?? fetch;
  const base = options.apiBase.replace(/\/+$/, '');

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(options.accessToken ? { authorization: `Bearer ${options.accessToken}` } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      throw new AppError(
        'SELF_SERVICE_UNREACHABLE',
        {
          nb: 'Fikk ikke kontakt med Digdirs selvbetjening. Prøv igjen.',
          en: "Could not reach Digdir's self-service. Try again.",
        },
        [(error as Error).message],
      );
    }
    const json = (await response.json().catch(() => undefined)) as unknown;
    if (!response.ok) {
      const detail = JSON.stringify(json ?? {}).slice(0, 500);
      // A business that has not signed Digdir's terms is answered "PRECONDITION_REQUIRED: Virksomheten har ikke
      // signert de relevante bruksvilkårene." (olefredrik/Wenche docs/oppsett.md §2a; issue #49).
      if (detail.includes('PRECONDITION_REQUIRED')) {
        const refusal = new AppError(
          'SELF_SERVICE_TERMS_NOT_ACCEPTED',
          {
            nb: 'Digdir sier at virksomheten ikke har signert bruksvilkårene for Maskinporten.',
            en: "Digdir says the organisation has not signed Maskinporten's terms of use.",
          },
          [detail],
        );
        throw namingMissingPrerequisite(refusal, base, []);
      }
      throw new AppError(
        'SELF_SERVICE_REFUSED',
        {
          nb: `Digdirs selvbetjening avviste forespørselen (HTTP ${response.status}). Sjekk klienten i Samarbeidsportalen.`,
          en: `Digdir's self-service refused the request (HTTP ${response.status}). Check the client in Samarbeidsportalen.`,
        },
        [detail],
      );
    }
    return json as T;
  }

  return {
    createClient(input: { clientName: string; orgNumber: string; scopes: string[]; description?: string }) {
      return call<MaskinportenClient>('POST', '/clients/', {
        integration_type: 'maskinporten',
        client_name: input.clientName,
        client_orgno: input.orgNumber,
        description: input.description ?? input.clientName,
        token_endpoint_auth_method: 'private_key_jwt',
        grant_types: ['urn:ietf:params:oauth:grant-type:jwt-bearer'],
        scopes: input.scopes,
      });
    },
    getClient: (clientId: string) => call<MaskinportenClient>('GET', `/clients/${encodeURIComponent(clientId)}`),
    updateScopes: async (clientId: string, scopes: string[]) => {
      const current = await call<MaskinportenClient>('GET', `/clients/${encodeURIComponent(clientId)}`);
      return call<MaskinportenClient>('PUT', `/clients/${encodeURIComponent(clientId)}`, { ...current, scopes });
    },
    /** Replaces the whole set: for rotation send old and new together (altinn-auth.md §3.2). */
    uploadJwks: (clientId: string, jwks: { keys: PublicJwk[] }) =>
      call<{ keys: PublicJwk[] }>('POST', `/clients/${encodeURIComponent(clientId)}/jwks`, jwks),
  };
}

export type SelfServiceClient = ReturnType<typeof createSelfServiceClient>;
