import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeytarKeyStore } from '../../../main/keys/keytar-key-store';
import { MaskinportenKeys } from '../../../main/keys/maskinporten-keys';
import { createSelfServiceClient } from '../../../main/maskinporten/self-service-client';
import { MaskinportenTokens } from '../../../main/maskinporten/maskinporten-tokens';
import { summariseTokenClaims } from '../../../main/maskinporten/token-claims';
import { runTokenCommand } from '../../../main/maskinporten/token-command';
import { createAltinnHttp } from '../../../main/altinn/altinn-http';
import { SystemRegisterClient, systemRegistrationFor } from '../../../main/altinn/system-register';
import { SystemUserRequestClient, waitForDecision } from '../../../main/altinn/system-user-requests';
import { listSystemUsers } from '../../../main/altinn/system-users';
import { accessForServices, serviceById } from '../../../shared/domain/services-catalogue';
import type { EmulatorHost } from '../../../main/sandbox/host';
import { sandboxEndpoints } from '../../../main/environments/table';
import { ADMIN_SCOPES, decide, startSandbox, VENDOR_ORG } from '../support/maskinporten-sandbox';

// Key (real keychain) → client → system → request → approval → systembruker token, all against the emulator.
describe('the self-hosted systembruker flow', () => {
  let host: EmulatorHost;
  let dataDir: string;
  const store = createKeytarKeyStore({ service: `no.innsender.test.${randomUUID()}` });

  beforeAll(async () => {
    ({ host } = await startSandbox());
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-flow-'));
  });
  afterAll(async () => {
    for (const account of await store.list()) await store.delete(account);
    await host.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('ends with a token that names the approved system user, and leaks no key or token to disk or output', async () => {
    const endpoints = sandboxEndpoints(host.baseUrl);
    const keys = new MaskinportenKeys({ store, dataDir, accountPrefix: 'profile-1' });
    const key = await keys.generate();

    const amelding = serviceById('a-melding');
    const selfService = createSelfServiceClient({ apiBase: endpoints.digdir.selfServicePortal });
    const client = await selfService.createClient({
      clientName: 'Innsender',
      orgNumber: VENDOR_ORG,
      scopes: [...ADMIN_SCOPES, amelding.scope],
    });
    await selfService.uploadJwks(client.client_id, await keys.publicJwks());
    await keys.markRegistered(key.kid);

    const tokens = new MaskinportenTokens({
      issuer: endpoints.maskinporten.issuer,
      tokenEndpoint: endpoints.maskinporten.tokenEndpoint,
      clientId: client.client_id,
      signer: () => keys.signer(),
    });
    const http = createAltinnHttp({
      platform: endpoints.altinn.platform,
      accessToken: async (scopes) => (await tokens.tokenForScopes({ scopes })).value,
    });

    const register = new SystemRegisterClient(http);
    const registration = systemRegistrationFor({
      orgNumber: VENDOR_ORG,
      displayName: 'Eksempel AS',
      services: ['a-melding'],
      clientId: client.client_id,
    });
    expect(await register.registerSystem(registration)).toEqual({
      outcome: 'created',
      systemId: `${VENDOR_ORG}_innsender`,
    });
    expect(await register.registerSystem(registration)).toEqual({
      outcome: 'updated',
      systemId: `${VENDOR_ORG}_innsender`,
    });

    const requests = new SystemUserRequestClient(http);
    const access = accessForServices(['a-melding']);
    const created = await requests.createStandardRequest({
      systemId: registration.id,
      ownerOrgNumber: VENDOR_ORG,
      externalRef: 'innsender-1',
      rights: access.rights,
      accessPackages: access.accessPackages,
    });
    if (created.outcome === 'system-user-exists') throw new Error('unexpected');
    expect(created.outcome).toBe('created');
    expect(created.request.status).toBe('New');
    expect(
      created.request.confirmUrl.startsWith(
        `${endpoints.altinn.accessManagementUi}/accessmanagement/ui/systemuser/request?id=`,
      ),
    ).toBe(true);

    const again = await requests.createStandardRequest({
      systemId: registration.id,
      ownerOrgNumber: VENDOR_ORG,
      externalRef: 'innsender-1',
      rights: access.rights,
      accessPackages: [],
    });
    expect(again.outcome).toBe('existing');

    // Before approval Maskinporten has no system user to put in the token.
    await expect(
      tokens.tokenForScopes({
        scopes: [amelding.scope],
        systemUser: { orgNumber: VENDOR_ORG, externalRef: 'innsender-1' },
      }),
    ).rejects.toMatchObject({ code: 'MASKINPORTEN_SYSTEMUSER_NOT_FOUND' });

    expect(await decide(created.request.confirmUrl, 'approve')).toContain('data-status="Accepted"');
    const decided = await waitForDecision(requests, created.request.id, 'standard', { sleep: async () => undefined });
    expect(decided.status).toBe('Accepted');
    expect(
      (
        await requests.getRequestByExternalRef({
          systemId: registration.id,
          orgNumber: VENDOR_ORG,
          externalRef: 'innsender-1',
        })
      ).id,
    ).toBe(created.request.id);

    const users = await listSystemUsers(http, registration.id);
    expect(users).toHaveLength(1);
    expect(
      await requests.createStandardRequest({
        systemId: registration.id,
        ownerOrgNumber: VENDOR_ORG,
        externalRef: 'innsender-1',
        rights: access.rights,
        accessPackages: [],
      }),
    ).toEqual({ outcome: 'system-user-exists' });

    // Without the externalRef the request used, Maskinporten answers MP-303.
    await expect(
      tokens.tokenForScopes({ scopes: [amelding.scope], systemUser: { orgNumber: VENDOR_ORG } }),
    ).rejects.toMatchObject({ code: 'MASKINPORTEN_SYSTEMUSER_NOT_FOUND' });

    const token = await tokens.tokenForScopes({
      scopes: [amelding.scope],
      systemUser: { orgNumber: VENDOR_ORG, externalRef: 'innsender-1' },
    });
    const claims = summariseTokenClaims(token.value);
    expect(claims).toMatchObject({
      clientId: client.client_id,
      consumerOrg: VENDOR_ORG,
      scopes: [amelding.scope],
      systemUser: { orgNumber: VENDOR_ORG, systemUserIds: [users[0]?.id], systemId: registration.id },
    });

    const lines: string[] = [];
    const code = await runTokenCommand({
      tokens,
      scopes: [amelding.scope],
      systemUser: { orgNumber: VENDOR_ORG, externalRef: 'innsender-1' },
      write: (l) => lines.push(l),
      language: 'en',
    });
    expect(code).toBe(0);
    const output = lines.join('\n');
    expect(output).toContain(amelding.scope);
    expect(output).toContain(users[0]?.id);
    expect(output).not.toContain(token.value);

    const pem = await store.get(`profile-1:${key.kid}`);
    const metadata = await readFile(join(dataDir, 'maskinporten-keys.json'), 'utf8');
    const pemBody = (pem ?? '').split('\n')[5] as string;
    expect(pemBody.length).toBeGreaterThan(40);
    for (const text of [
      metadata,
      output,
      JSON.stringify(host.state.snapshot()),
      JSON.stringify(host.requests.list()),
    ]) {
      expect(text).not.toContain(pemBody);
      expect(text).not.toContain(token.value);
    }
  });
});
