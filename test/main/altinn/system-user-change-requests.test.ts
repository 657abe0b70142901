import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorHost } from '../../../main/sandbox/host';
import { sandboxEndpoints } from '../../../main/environments/table';
import { createAltinnHttp, type AltinnHttp } from '../../../main/altinn/altinn-http';
import { SystemRegisterClient, systemRegistrationFor } from '../../../main/altinn/system-register';
import { SystemUserRequestClient } from '../../../main/altinn/system-user-requests';
import { SystemUserChangeRequestClient } from '../../../main/altinn/system-user-change-requests';
import { listSystemUsers } from '../../../main/altinn/system-users';
import type { MaskinportenTokens } from '../../../main/maskinporten/maskinporten-tokens';
import { accessForServices, serviceById, type ServiceId } from '../../../shared/domain/services-catalogue';
import {
  ADMIN_SCOPES,
  decide,
  memorySigner,
  registerClient,
  startSandbox,
  tokensFor,
  VENDOR_ORG,
} from '../support/maskinporten-sandbox';

const AMELDING = serviceById('a-melding').scope;
const RF1086 = serviceById('aksjonaerregisteroppgave').scope;

describe('Altinn system user change requests (against the sandbox)', () => {
  let host: EmulatorHost;
  let http: AltinnHttp;
  let tokens: MaskinportenTokens;
  let clientId: string;
  let systemUserId: string;

  const register = (services: ServiceId[]) =>
    new SystemRegisterClient(http).registerSystem(
      systemRegistrationFor({ orgNumber: VENDOR_ORG, displayName: 'Eksempel AS', services, clientId }),
    );
  const changes = () => new SystemUserChangeRequestClient(http);
  const systemUserToken = (scope: string) =>
    tokens.tokenForScopes({ scopes: [scope], systemUser: { orgNumber: VENDOR_ORG, externalRef: VENDOR_ORG } });

  beforeEach(async () => {
    ({ host } = await startSandbox());
    const key = await memorySigner();
    clientId = await registerClient(host, { scopes: [...ADMIN_SCOPES, AMELDING, RF1086], jwks: [key.material] });
    tokens = tokensFor(host, clientId, key.signer);
    http = createAltinnHttp({
      platform: sandboxEndpoints(host.baseUrl).altinn.platform,
      accessToken: async (scopes) => (await tokens.tokenForScopes({ scopes })).value,
    });
    // A system user for the a-melding only, approved by the owner.
    await register(['a-melding']);
    const created = await new SystemUserRequestClient(http).createStandardRequest({
      systemId: `${VENDOR_ORG}_innsender`,
      ownerOrgNumber: VENDOR_ORG,
      externalRef: VENDOR_ORG,
      ...accessForServices(['a-melding']),
    });
    if (created.outcome === 'system-user-exists') throw new Error('unexpected');
    await decide(created.request.confirmUrl, 'approve');
    const [user] = await listSystemUsers(http, `${VENDOR_ORG}_innsender`);
    systemUserId = user?.id ?? '';
  });
  afterEach(() => host.stop());

  const addRf1086 = () => ({
    systemUserId,
    correlationId: randomUUID(),
    requiredRights: accessForServices(['aksjonaerregisteroppgave']).rights,
    unwantedRights: [],
    requiredAccessPackages: [],
    unwantedAccessPackages: [],
  });

  it('refuses a right the system does not offer yet (AUTH-00001), then adds it once the system is updated', async () => {
    await expect(changes().create(addRf1086())).rejects.toMatchObject({ code: 'ALTINN_AUTH_00001' });
    await register(['a-melding', 'aksjonaerregisteroppgave']);
    const created = await changes().create(addRf1086());
    expect(created.outcome).toBe('created');
    expect(created.request).toMatchObject({ status: 'New', systemUserId });
    expect(created.request.confirmUrl).toMatch(
      new RegExp(`^${host.baseUrl}/altinn-am/accessmanagement/ui/systemuser/changerequest\\?id=${created.request.id}`),
    );
    // The same pending change asked again is the one under way, not a second one.
    expect((await changes().create(addRf1086())).outcome).toBe('existing');

    // Before approval Maskinporten refuses the new scope for the system user; after, it issues it.
    await expect(systemUserToken(RF1086)).rejects.toMatchObject({ code: expect.stringMatching(/^MASKINPORTEN_/) });
    expect(await decide(created.request.confirmUrl ?? '', 'approve')).toContain('data-status="Accepted"');
    expect((await changes().get(created.request.id)).status).toBe('Accepted');
    tokens.invalidate({ scopes: [RF1086], systemUser: { orgNumber: VENDOR_ORG, externalRef: VENDOR_ORG } });
    expect((await systemUserToken(RF1086)).scopes).toEqual([RF1086]);
  });

  it('removes a right on approval, after which the token for it is refused', async () => {
    await register(['a-melding', 'aksjonaerregisteroppgave']);
    const added = await changes().create(addRf1086());
    await decide(added.request.confirmUrl ?? '', 'approve');
    const removal = await changes().create({
      ...addRf1086(),
      requiredRights: [],
      unwantedRights: accessForServices(['a-melding']).rights,
    });
    expect(removal.outcome).toBe('created');
    await decide(removal.request.confirmUrl ?? '', 'approve');
    await expect(systemUserToken(AMELDING)).rejects.toMatchObject({ code: expect.stringMatching(/^MASKINPORTEN_/) });
    expect((await systemUserToken(RF1086)).scopes).toEqual([RF1086]);
  });

  it('answers NoChangeNeeded when the system user already has what is asked, and Rejected when the owner says no', async () => {
    const same = await changes().create({ ...addRf1086(), requiredRights: accessForServices(['a-melding']).rights });
    expect(same.request.status).toBe('NoChangeNeeded');
    await register(['a-melding', 'aksjonaerregisteroppgave']);
    const created = await changes().create(addRf1086());
    expect(await decide(created.request.confirmUrl ?? '', 'reject')).toContain('data-status="Rejected"');
    expect((await changes().get(created.request.id)).status).toBe('Rejected');
  });

  it('maps a missing system user, an unknown change request and a withdrawn one to their own errors', async () => {
    await expect(changes().create({ ...addRf1086(), systemUserId: randomUUID() })).rejects.toMatchObject({
      code: 'ALTINN_SYSTEM_USER_NOT_FOUND',
      localized: { nb: expect.stringContaining('Be om en ny systembruker'), en: expect.any(String) },
    });
    await expect(changes().get(randomUUID())).rejects.toMatchObject({ code: 'ALTINN_CHANGE_REQUEST_UNKNOWN' });
    await register(['a-melding', 'aksjonaerregisteroppgave']);
    const created = await changes().create(addRf1086());
    await changes().delete(created.request.id);
    await expect(changes().delete(created.request.id)).resolves.toBeUndefined();
    await expect(changes().get(created.request.id)).rejects.toMatchObject({ code: 'ALTINN_CHANGE_REQUEST_UNKNOWN' });
  });
});
