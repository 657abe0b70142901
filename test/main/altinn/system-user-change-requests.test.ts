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
import {
  accessForServices,
  ALTINN_SCOPES,
  serviceById,
  type ServiceId,
} from '../../../shared/domain/services-catalogue';
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

/** A change request adding these services' rights, with a fresh correlation id. */
const changeAdding = (systemUserId: string, services: ServiceId[]) => ({
  systemUserId,
  correlationId: randomUUID(),
  requiredRights: accessForServices(services).rights,
  unwantedRights: [],
  requiredAccessPackages: [],
  unwantedAccessPackages: [],
});

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

  const addRf1086 = () => changeAdding(systemUserId, ['aksjonaerregisteroppgave']);

  it('refuses a right the system does not offer yet (AUTH-00001), then adds it once the system is updated', async () => {
    await expect(changes().create(addRf1086())).rejects.toMatchObject({ code: 'ALTINN_AUTH_00001' });
    await register(['a-melding', 'aksjonaerregisteroppgave']);
    const input = addRf1086();
    const created = await changes().create(input);
    expect(created.outcome).toBe('created');
    // Altinn keeps the vendor's correlation id as the change request's id and has no `correlationId` field
    // (Altinn/altinn-authentication ChangeRequestSystemUserService.CreateChangeRequest, ChangeRequestResponse.cs
    // @ ad4f6f3671c0ba40bf923003688f5949c6a89aa2).
    expect(created.request).toMatchObject({ id: input.correlationId, status: 'New', systemUserId });
    expect(created.request).not.toHaveProperty('correlationId');
    expect(created.request.confirmUrl).toMatch(
      new RegExp(`^${host.baseUrl}/altinn-am/accessmanagement/ui/systemuser/changerequest\\?id=${created.request.id}`),
    );
    // The same correlation id sent again is the change under way (200), not a second one.
    const again = await changes().create(input);
    expect(again).toMatchObject({ outcome: 'existing', request: { id: input.correlationId, status: 'New' } });

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

  it('answers NoChangeNeeded at once for four empty sets (stored nowhere), and Rejected when the owner says no', async () => {
    // The controller's EmptySetsReturnEmptyResponse branch: 200, status NoChangeNeeded, id = correlation id,
    // confirmUrl "" (ChangeRequestSystemUserController.cs @ ad4f6f36).
    const nothing = { ...addRf1086(), requiredRights: [] };
    const same = await changes().create(nothing);
    expect(same).toMatchObject({
      outcome: 'existing',
      request: { id: nothing.correlationId, status: 'NoChangeNeeded', confirmUrl: '', systemUserId },
    });
    await expect(changes().get(nothing.correlationId)).rejects.toMatchObject({ code: 'ALTINN_CHANGE_REQUEST_UNKNOWN' });
    await register(['a-melding', 'aksjonaerregisteroppgave']);
    const created = await changes().create(addRf1086());
    expect(await decide(created.request.confirmUrl ?? '', 'reject')).toContain('data-status="Rejected"');
    expect((await changes().get(created.request.id)).status).toBe('Rejected');
  });

  it('maps a missing system user, an unknown change request and a withdrawn one to their own errors', async () => {
    const missing = { ...addRf1086(), systemUserId: randomUUID() };
    // The emulator answers as Altinn does: 404 with Problem.SystemUserNotFound (AUTH-00015, "The SystemUser was not
    // found.", src/Core/Problems/Problem.cs @ ad4f6f36).
    const query = new URLSearchParams({
      'correlation-id': missing.correlationId,
      'system-user-id': missing.systemUserId,
    });
    const raw = await http({
      method: 'POST',
      path: `/authentication/api/v1/systemuser/changerequest/vendor?${query}`,
      scopes: [ALTINN_SCOPES.systemUserRequestWrite],
      body: { requiredRights: missing.requiredRights, unwantedRights: [] },
      expect: [404],
      operation: 'raw',
    });
    expect(raw).toMatchObject({ status: 404, body: { code: 'AUTH-00015', title: 'The SystemUser was not found.' } });
    await expect(changes().create(missing)).rejects.toMatchObject({
      code: 'ALTINN_SYSTEM_USER_NOT_FOUND',
      localized: { nb: expect.stringContaining('Be om en ny systembruker'), en: expect.any(String) },
      details: expect.arrayContaining(['AUTH-00015']),
    });
    await expect(changes().get(randomUUID())).rejects.toMatchObject({ code: 'ALTINN_CHANGE_REQUEST_UNKNOWN' });
    await register(['a-melding', 'aksjonaerregisteroppgave']);
    const created = await changes().create(addRf1086());
    await changes().delete(created.request.id);
    await expect(changes().delete(created.request.id)).resolves.toBeUndefined();
    await expect(changes().get(created.request.id)).rejects.toMatchObject({ code: 'ALTINN_CHANGE_REQUEST_UNKNOWN' });
  });

  it('lists system users with every SystemUserExternalDTO field, productName included', async () => {
    const [user] = await listSystemUsers(http, `${VENDOR_ORG}_innsender`);
    // Field names from Altinn/altinn-authentication src/Core/Models/SystemUserExternalDTO.cs @ ad4f6f36;
    // productName holds the system id ("it contains the same value", SystemUserInternalDTO.cs).
    expect(Object.keys(user ?? {}).sort()).toEqual(
      [
        'created',
        'externalRef',
        'id',
        'integrationTitle',
        'isDeleted',
        'productName',
        'reporteeOrgNo',
        'supplierName',
        'supplierOrgno',
        'systemId',
        'userType',
      ].sort(),
    );
    expect(user).toMatchObject({ productName: `${VENDOR_ORG}_innsender`, systemId: `${VENDOR_ORG}_innsender` });
  });
});

describe('a change request 404 read without the sandbox', () => {
  const answering = (status: number, body: unknown) =>
    new SystemUserChangeRequestClient(async () => ({ status, body }));
  const input = changeAdding(randomUUID(), ['a-melding']);

  it('reads AUTH-00015, and a bare 404 from a gateway, as the system user being gone; other codes as themselves', async () => {
    // Altinn's ProblemDescriptor for SystemUserNotFound: code AUTH-00015, 404, "The SystemUser was not found."
    // (Altinn/altinn-authentication src/Core/Problems/Problem.cs @ ad4f6f36).
    const altinn = { type: 'about:blank', title: 'The SystemUser was not found.', status: 404, code: 'AUTH-00015' };
    await expect(answering(404, altinn).create(input)).rejects.toMatchObject({ code: 'ALTINN_SYSTEM_USER_NOT_FOUND' });
    await expect(answering(404, undefined).create(input)).rejects.toMatchObject({
      code: 'ALTINN_SYSTEM_USER_NOT_FOUND',
    });
    await expect(
      answering(404, {
        status: 404,
        code: 'AUTH-00011',
        title: 'The Id does not refer to a Registered System.',
      }).create(input),
    ).rejects.toMatchObject({ code: 'ALTINN_AUTH_00011' });
  });
});
