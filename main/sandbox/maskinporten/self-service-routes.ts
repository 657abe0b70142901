import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isValidOrgNumber } from '../../../shared/domain/org-number';
import type { EmulatorContext } from '../host';
import { EmulatorHttpError, type EmulatorRoute } from '../router';
import { maskinportenSlice, publicClientModel, type SandboxClient } from './client-registry';

const ScopeSchema = z.string().regex(/^[a-z0-9_-]+:[\w./-]+$/i);

const NewClientSchema = z.object({
  integration_type: z.literal('maskinporten').default('maskinporten'),
  client_name: z.string().min(1).max(200),
  description: z.string().max(500).default(''),
  token_endpoint_auth_method: z.literal('private_key_jwt').default('private_key_jwt'),
  grant_types: z.array(z.string()).default(['urn:ietf:params:oauth:grant-type:jwt-bearer']),
  scopes: z.array(ScopeSchema).default([]),
  /** The real API takes the owner from the admin client's token; the sandbox has none, so it is named here. */
  client_orgno: z.string().refine(isValidOrgNumber, 'invalid organisation number'),
  access_token_lifetime: z.number().int().min(1).max(3600).default(120),
});

const UpdateClientSchema = NewClientSchema.partial().omit({ client_orgno: true, integration_type: true });

/** A JWK upload as the real API takes it: RSA, RS256, `use: sig`, `kid` of alphanumerics and `._-` (§3.2). */
const JwksSchema = z.object({
  keys: z
    .array(
      z.object({
        kty: z.literal('RSA'),
        n: z.string().min(300),
        e: z.string().min(1),
        kid: z.string().regex(/^[A-Za-z0-9._-]+$/),
        alg: z.literal('RS256'),
        use: z.literal('sig'),
      }),
    )
    .max(5, 'A client holds at most 5 keys'),
});

function invalid(issues: unknown): never {
  throw new EmulatorHttpError({ status: 400, body: { error: 'invalid_client_metadata', error_description: issues } });
}

/**
 * The stand-in for Samarbeidsportalen / Digdir's self-service API (`/clients/`, altinn-auth.md §3.2): in the
 * sandbox any org may create a client with any scope, as if every API owner had said yes.
 */
export function selfServiceRoutes(ctx: EmulatorContext): EmulatorRoute[] {
  const slice = () => maskinportenSlice(ctx.state);
  const clientOr404 = (id: string | undefined): SandboxClient => {
    const client = id ? slice().clients[id] : undefined;
    if (!client)
      throw new EmulatorHttpError({ status: 404, body: { error: 'not_found', error_description: `No client ${id}` } });
    return client;
  };
  return [
    {
      method: 'POST',
      path: '/digdir/clients',
      handle: (req) => {
        const parsed = NewClientSchema.safeParse(req.json());
        if (!parsed.success) invalid(parsed.error.issues);
        const client: SandboxClient = {
          ...parsed.data,
          client_id: randomUUID(),
          created: ctx.now().toISOString(),
          jwks: [],
        };
        slice().clients[client.client_id] = client;
        void ctx.state.save();
        return { status: 201, body: publicClientModel(client) };
      },
    },
    {
      method: 'GET',
      path: '/digdir/clients/:clientId',
      handle: (req) => ({ status: 200, body: publicClientModel(clientOr404(req.params.clientId)) }),
    },
    {
      method: 'PUT',
      path: '/digdir/clients/:clientId',
      handle: (req) => {
        const client = clientOr404(req.params.clientId);
        const parsed = UpdateClientSchema.safeParse(req.json());
        if (!parsed.success) invalid(parsed.error.issues);
        Object.assign(client, Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)));
        void ctx.state.save();
        return { status: 200, body: publicClientModel(client) };
      },
    },
    {
      method: 'GET',
      path: '/digdir/clients/:clientId/jwks',
      handle: (req) => ({ status: 200, body: { keys: clientOr404(req.params.clientId).jwks.map((k) => k.jwk) } }),
    },
    {
      method: 'POST',
      path: '/digdir/clients/:clientId/jwks',
      handle: (req) => {
        const client = clientOr404(req.params.clientId);
        const parsed = JwksSchema.safeParse(req.json());
        if (!parsed.success) invalid(parsed.error.issues);
        const kids = parsed.data.keys.map((k) => k.kid);
        if (new Set(kids).size !== kids.length) invalid('kid must be unique within the client');
        // POST replaces the whole set; posting a key again renews its one-year lifetime.
        const at = ctx.now().toISOString();
        client.jwks = parsed.data.keys.map((jwk) => ({ jwk, registeredAt: at }));
        void ctx.state.save();
        return { status: 201, body: { keys: client.jwks.map((k) => k.jwk) } };
      },
    },
  ];
}
