import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorHost } from '../../../main/sandbox/host';
import type { AppError } from '../../../shared/domain/app-error';
import { sandboxEndpoints } from '../../../main/environments/table';
import { createAltinnHttp, type AltinnHttp } from '../../../main/altinn/altinn-http';
import { SystemRegisterClient, systemRegistrationFor } from '../../../main/altinn/system-register';
import { SystemUserRequestClient, waitForDecision } from '../../../main/altinn/system-user-requests';
import type { MaskinportenTokens } from '../../../main/maskinporten/maskinporten-tokens';
import { accessForServices } from '../../../shared/domain/services-catalogue';
import {
  ADMIN_SCOPES,
  decide,
  memorySigner,
  registerClient,
  startSandbox,
  tokensFor,
  VENDOR_ORG,
} from '../support/maskinporten-sandbox';

const TENOR_ORG = '313367002';

describe('Altinn system register and system user requests (against the sandbox)', () => {
  let host: EmulatorHost;
  let http: AltinnHttp;
  let tokens: MaskinportenTokens;
  let clientId: string;
  let now = Date.now();

  beforeEach(async () => {
    now = Date.now();
    ({ host } = await startSandbox(() => new Date(now)));
    const key = await memorySigner();
    clientId = await registerClient(host, { scopes: ADMIN_SCOPES, jwks: [key.material] });
    tokens = tokensFor(host, clientId, key.signer, { now: () => new Date(now) });
    http = createAltinnHttp({
      platform: sandboxEndpoints(host.baseUrl).altinn.platform,
      accessToken: async (scopes) => (await tokens.tokenForScopes({ scopes })).value,
    });
    await new SystemRegisterClient(http).registerSystem(
      systemRegistrationFor({
        orgNumber: VENDOR_ORG,
        displayName: 'Eksempel AS',
        services: ['a-melding', 'aksjonaerregisteroppgave'],
        clientId,
        grant: 'access-packages',
      }),
    );
  });
  afterEach(() => host.stop());

  const requests = () => new SystemUserRequestClient(http);
  const systemId = `${VENDOR_ORG}_innsender`;

  it('creates a request for a separate owner org (a Tenor org in TT02) and shows a rejection', async () => {
    const access = accessForServices(['a-melding'], 'access-packages');
    const created = await requests().createStandardRequest({
      systemId,
      ownerOrgNumber: TENOR_ORG,
      rights: [],
      accessPackages: access.accessPackages,
    });
    if (created.outcome === 'system-user-exists') throw new Error('unexpected');
    expect(created.request).toMatchObject({ partyOrgNo: TENOR_ORG, externalRef: TENOR_ORG, status: 'New' });
    expect(await decide(created.request.confirmUrl, 'reject')).toContain('data-status="Rejected"');
    const seen: string[] = [];
    const final = await waitForDecision(requests(), created.request.id, 'standard', {
      sleep: async () => undefined,
      onStatus: (r) => seen.push(r.status),
    });
    expect(final.status).toBe('Rejected');
    await expect(
      requests().createStandardRequest({
        systemId,
        ownerOrgNumber: TENOR_ORG,
        rights: [],
        accessPackages: access.accessPackages,
      }),
    ).rejects.toMatchObject({ code: 'ALTINN_AUTH_00009' });
    await requests().deleteRequest(created.request.id);
    const renewed = await requests().createStandardRequest({
      systemId,
      ownerOrgNumber: TENOR_ORG,
      rights: [],
      accessPackages: access.accessPackages,
    });
    expect(renewed.outcome).toBe('created');
    expect(seen).toEqual(['Rejected']);
  });

  it('times a request out after 180 days', async () => {
    const access = accessForServices(['a-melding'], 'access-packages');
    const created = await requests().createStandardRequest({
      systemId,
      ownerOrgNumber: VENDOR_ORG,
      rights: [],
      accessPackages: access.accessPackages,
    });
    if (created.outcome === 'system-user-exists') throw new Error('unexpected');
    now += 181 * 86_400_000;
    expect((await requests().getRequest(created.request.id)).status).toBe('Timedout');
  });

  it('creates and approves the agent variant with access packages', async () => {
    const created = await requests().createAgentRequest({
      systemId,
      agentOrgNumber: TENOR_ORG,
      externalRef: 'firm-1',
      accessPackages: [{ urn: 'urn:altinn:accesspackage:a-ordning' }],
    });
    if (created.outcome === 'system-user-exists') throw new Error('unexpected');
    expect(created.request.confirmUrl).toContain('/systemuser/agentrequest?id=');
    await decide(created.request.confirmUrl, 'approve');
    expect(
      (await requests().getRequestByExternalRef({ systemId, orgNumber: TENOR_ORG, externalRef: 'firm-1' }, 'agent'))
        .status,
    ).toBe('Accepted');
  });

  it('maps Altinn problems to messages the user can act on', async () => {
    await expect(
      requests().createStandardRequest({
        systemId: `${VENDOR_ORG}_other`,
        ownerOrgNumber: VENDOR_ORG,
        rights: [],
        accessPackages: [{ urn: 'urn:altinn:accesspackage:a-ordning' }],
      }),
    ).rejects.toMatchObject({ code: 'ALTINN_AUTH_00011' });
    await expect(
      requests().createStandardRequest({ systemId, ownerOrgNumber: VENDOR_ORG, rights: [], accessPackages: [] }),
    ).rejects.toMatchObject({ code: 'ALTINN_AUTH_00059' });
    await expect(
      requests().createStandardRequest({
        systemId,
        ownerOrgNumber: VENDOR_ORG,
        rights: accessForServices(['skattekort-til-arbeidsgiver']).rights,
        accessPackages: [],
      }),
    ).rejects.toMatchObject({ code: 'ALTINN_AUTH_00001' });
    await expect(requests().getRequest('00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({
      code: 'ALTINN_AUTH_00010',
    });
    const register = new SystemRegisterClient(http);
    const other = systemRegistrationFor({
      orgNumber: VENDOR_ORG,
      displayName: 'X',
      services: ['a-melding'],
      clientId,
      systemName: 'second',
    });
    await expect(register.registerSystem(other)).rejects.toMatchObject({ code: 'ALTINN_AUTH_VLD_00004' });
    const foreign = systemRegistrationFor({
      orgNumber: '991825827',
      displayName: 'X',
      services: ['a-melding'],
      clientId: 'c2',
    });
    await expect(register.registerSystem(foreign)).rejects.toMatchObject({ code: 'ALTINN_FORBIDDEN' });
  });

  it('needs the scope the spec names for each call', async () => {
    const key = await memorySigner();
    const readOnlyClient = await registerClient(host, {
      scopes: ['altinn:authentication/systemuser.request.read'],
      jwks: [key.material],
    });
    const readOnly = tokensFor(host, readOnlyClient, key.signer);
    const limited = createAltinnHttp({
      platform: sandboxEndpoints(host.baseUrl).altinn.platform,
      // Asks for the read scope whatever the call needs, as a misconfigured client would end up doing.
      accessToken: async () =>
        (await readOnly.tokenForScopes({ scopes: ['altinn:authentication/systemuser.request.read'] })).value,
    });
    await expect(new SystemRegisterClient(limited).getSystem(systemId)).rejects.toMatchObject({
      code: 'ALTINN_FORBIDDEN',
    });
  });

  it('answers 5xx as Altinn being unavailable', async () => {
    host.faults.add({ kind: 'status', status: 500, pathPrefix: '/altinn/', times: 1 });
    await expect(requests().getRequest('x')).rejects.toMatchObject({ code: 'ALTINN_UNAVAILABLE' });
  });

  it('takes a guest network’s login page (200, HTML) for no answer, never for a system registered', async () => {
    const registration = systemRegistrationFor({
      orgNumber: VENDOR_ORG,
      displayName: 'Eksempel AS',
      services: ['a-melding'],
      clientId,
      grant: 'rights',
    });
    const portalFor = { kind: 'captive-portal', pathPrefix: '/altinn/', times: 1 } as const;
    host.faults.add(portalFor);
    const error = (await new SystemRegisterClient(http)
      .registerSystem({ ...registration, id: `${VENDOR_ORG}_annet` })
      .catch((e: unknown) => e)) as AppError;
    expect(error).toMatchObject({ code: 'ALTINN_UNREADABLE_ANSWER' });
    expect(error.localized.nb).toContain('logg inn på nettet');
    expect(error.localized.nb).not.toMatch(/[<>]/);
    expect(await new SystemRegisterClient(http).getSystem(`${VENDOR_ORG}_annet`)).toBeNull();
    // The same for a read: a page is not a request's status.
    host.faults.add(portalFor);
    await expect(requests().getRequest('x')).rejects.toMatchObject({ code: 'ALTINN_UNREADABLE_ANSWER' });
  });
});
