import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorHost } from '../../../main/sandbox/host';
import { sandboxEndpoints } from '../../../main/environments/table';
import { createAltinnHttp } from '../../../main/altinn/altinn-http';
import { SystemRegisterClient, systemRegistrationFor } from '../../../main/altinn/system-register';
import { SystemUserRequestClient } from '../../../main/altinn/system-user-requests';
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

const OWNER_ORG = '313367002';

/** The sandbox's stand-in for Altinn's approval screen refuses a decision that did not come from the page itself. */
describe('the sandbox approval form (CSRF)', () => {
  let host: EmulatorHost;
  let requests: SystemUserRequestClient;

  beforeEach(async () => {
    ({ host } = await startSandbox());
    const key = await memorySigner();
    const clientId = await registerClient(host, { scopes: ADMIN_SCOPES, jwks: [key.material] });
    const tokens = tokensFor(host, clientId, key.signer);
    const http = createAltinnHttp({
      platform: sandboxEndpoints(host.baseUrl).altinn.platform,
      accessToken: async (scopes) => (await tokens.tokenForScopes({ scopes })).value,
    });
    await new SystemRegisterClient(http).registerSystem(
      systemRegistrationFor({ orgNumber: VENDOR_ORG, displayName: 'Eksempel AS', services: ['a-melding'], clientId }),
    );
    requests = new SystemUserRequestClient(http);
  });
  afterEach(() => host.stop());

  async function newRequest(externalRef = OWNER_ORG) {
    const access = accessForServices(['a-melding']);
    const created = await requests.createStandardRequest({
      systemId: `${VENDOR_ORG}_innsender`,
      ownerOrgNumber: OWNER_ORG,
      externalRef,
      rights: access.rights,
      accessPackages: access.accessPackages,
    });
    if (created.outcome !== 'created') throw new Error(created.outcome);
    return { id: created.request.id, confirmUrl: created.request.confirmUrl ?? '' };
  }
  const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${host.baseUrl}/altinn-am/accessmanagement/ui/systemuser/decision`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  const tokenOn = async (confirmUrl: string) =>
    /name="csrf" value="([^"]+)"/.exec(await (await fetch(confirmUrl)).text())?.[1] ?? '';

  it('refuses a post without the page’s token, or with another request’s, and changes nothing', async () => {
    const request = await newRequest();
    const other = await newRequest('another-integration');
    const otherToken = await tokenOn(other.confirmUrl);

    const bare = await post({ id: request.id, decision: 'approve' });
    expect(bare.status).toBe(403);
    const page = await bare.text();
    expect(page).toContain('Skjemaet kan ikke brukes');
    expect(page).toContain('The form cannot be used');
    expect((await post({ id: request.id, decision: 'approve', csrf: otherToken })).status).toBe(403);
    expect((await post({ id: request.id, decision: 'approve', csrf: `${otherToken}x` })).status).toBe(403);
    expect((await requests.getRequest(request.id)).status).toBe('New');
  });

  it('refuses the page’s own token when the post comes from another site', async () => {
    const request = await newRequest();
    const token = await tokenOn(request.confirmUrl);
    const crossSite = await post(
      { id: request.id, decision: 'approve', csrf: token },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    expect((await requests.getRequest(request.id)).status).toBe('New');
  });

  it('takes the decision posted from the page with its token', async () => {
    const request = await newRequest();
    expect(await decide(request.confirmUrl, 'approve')).toContain('Systembrukeren er godkjent.');
    expect((await requests.getRequest(request.id)).status).toBe('Accepted');
  });
});
