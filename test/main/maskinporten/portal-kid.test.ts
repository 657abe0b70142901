import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorHost } from '../../../main/sandbox/host';
import { createKeytarKeyStore } from '../../../main/keys/keytar-key-store';
import { MaskinportenKeys } from '../../../main/keys/maskinporten-keys';
import { createSelfServiceClient } from '../../../main/maskinporten/self-service-client';
import { sandboxEndpoints } from '../../../main/environments/table';
import { MaskinportenTokens } from '../../../main/maskinporten/maskinporten-tokens';
import { ADMIN_SCOPES, registerClient, startSandbox } from '../support/maskinporten-sandbox';

const store = createKeytarKeyStore({ service: `no.innsender.test.${randomUUID()}` });

// A public key pasted in Samarbeidsportalen as PEM is listed with a portal-assigned UUID as its kid, and the grant
// must then use that kid (field-notes.md; olefredrik/Wenche docs/oppsett.md §2e @ 00c744b5). The sandbox client
// here lists the key under such a kid, as the portal would.
describe('a key the portal lists under its own kid (real keychain, sandbox Maskinporten)', () => {
  let host: EmulatorHost;
  let dataDir: string;

  beforeAll(async () => {
    ({ host } = await startSandbox());
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-portal-kid-'));
  });
  afterAll(async () => {
    for (const account of await store.list()) await store.delete(account);
    await rm(dataDir, { recursive: true, force: true });
    await host.stop();
  });

  it('is refused while the grant names the thumbprint, and accepted once the portal’s kid is entered', async () => {
    const keys = new MaskinportenKeys({ store, dataDir, accountPrefix: 'p1' });
    const record = await keys.generate();
    const clientId = await registerClient(host, { scopes: ADMIN_SCOPES });
    const portalKid = randomUUID();
    await createSelfServiceClient({ apiBase: `${host.baseUrl}/digdir` }).uploadJwks(clientId, {
      keys: [{ ...record.publicJwk, kid: portalKid }],
    });
    const endpoints = sandboxEndpoints(host.baseUrl).maskinporten;
    const tokens = () =>
      new MaskinportenTokens({
        issuer: endpoints.issuer,
        tokenEndpoint: endpoints.tokenEndpoint,
        clientId,
        signer: () => keys.signer(),
        sleep: async () => undefined,
      });

    await expect(tokens().tokenForScopes({ scopes: ADMIN_SCOPES })).rejects.toMatchObject({
      code: 'MASKINPORTEN_KEY_NOT_REGISTERED',
      localized: { en: expect.stringContaining('innsender keys portal-kid') },
    });
    await keys.setPortalKid(record.kid, portalKid);
    const token = await tokens().tokenForScopes({ scopes: ADMIN_SCOPES });
    expect(token).toMatchObject({ kid: portalKid, scopes: expect.arrayContaining(ADMIN_SCOPES) });
  });
});
