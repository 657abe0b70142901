import { importPKCS8 } from 'jose';
import { startEmulator, type EmulatorHost } from '../../../main/sandbox/host';
import { emulatorModules } from '../../../main/sandbox/modules';
import { sandboxEndpoints } from '../../../main/environments/table';
import { generateKeyMaterial, type KeyMaterial } from '../../../main/keys/key-material';
import type { GrantSigner } from '../../../main/keys/maskinporten-keys';
import { createSelfServiceClient } from '../../../main/maskinporten/self-service-client';
import { MaskinportenTokens, type MaskinportenTokensOptions } from '../../../main/maskinporten/maskinporten-tokens';
import { ALTINN_SCOPES } from '../../../shared/domain/services-catalogue';

export const VENDOR_ORG = '974761076';
export const ADMIN_SCOPES = Object.values(ALTINN_SCOPES);

export async function startSandbox(now?: () => Date) {
  const host = await startEmulator({ modules: emulatorModules(), ...(now ? { now } : {}) });
  return { host, endpoints: sandboxEndpoints(host.baseUrl) };
}

/** A key that signs without the keychain, for tests about the wire and the emulator rather than key storage. */
export async function memorySigner(material?: KeyMaterial): Promise<{ signer: GrantSigner; material: KeyMaterial }> {
  const m = material ?? (await generateKeyMaterial());
  const key = await importPKCS8(m.privatePkcs8Pem, 'RS256');
  return { signer: { kid: m.kid, key, header: { kid: m.kid } }, material: m };
}

export async function registerClient(
  host: EmulatorHost,
  input: { orgNumber?: string; scopes: string[]; jwks?: KeyMaterial[] },
): Promise<string> {
  const selfService = createSelfServiceClient({ apiBase: `${host.baseUrl}/digdir` });
  const client = await selfService.createClient({
    clientName: 'innsender-test',
    orgNumber: input.orgNumber ?? VENDOR_ORG,
    scopes: input.scopes,
  });
  if (input.jwks?.length) await selfService.uploadJwks(client.client_id, { keys: input.jwks.map((m) => m.publicJwk) });
  return client.client_id;
}

export function tokensFor(
  host: EmulatorHost,
  clientId: string,
  signer: GrantSigner,
  extra: Partial<MaskinportenTokensOptions> = {},
): MaskinportenTokens {
  const endpoints = sandboxEndpoints(host.baseUrl);
  return new MaskinportenTokens({
    issuer: endpoints.maskinporten.issuer,
    tokenEndpoint: endpoints.maskinporten.tokenEndpoint,
    clientId,
    signer: async () => signer,
    sleep: async () => undefined,
    ...extra,
  });
}

/** What the owner does in the browser: post the confirm page's form, with every hidden field it carries. */
export async function decide(confirmUrl: string, decision: 'approve' | 'reject'): Promise<string> {
  const page = await (await fetch(confirmUrl)).text();
  const action = /action="([^"]+)"/.exec(page)?.[1];
  const hidden = [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(([, name, value]) => [
    name as string,
    value as string,
  ]);
  if (!action || !hidden.some(([name]) => name === 'id')) throw new Error(`No approval form on ${confirmUrl}`);
  const response = await fetch(new URL(action, confirmUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams([...hidden, ['decision', decision]]).toString(),
  });
  return response.text();
}

export function tokenRequests(host: EmulatorHost): number {
  return host.requests.list().filter((r) => r.path === '/maskinporten/token').length;
}
