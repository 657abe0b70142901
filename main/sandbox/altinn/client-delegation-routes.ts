import { createHash } from 'node:crypto';
import { CLIENT_DELEGATION_SCOPES } from '../../../shared/domain/services-catalogue';
import type { EmulatorContext } from '../host';
import { EmulatorHttpError, type EmulatorRequest, type EmulatorRoute } from '../router';
import type { SandboxTokenAuthority } from '../maskinporten/token-authority';
import { altinnSlice, clientDelegationsOf, type StoredSystemUser } from './altinn-state';
import { authenticate } from './bearer';
import { problem } from './problem';

const BASE = '/altinn/authentication/api/v1/enduser/systemuser';

/** The sandbox's party register: a stable party uuid per org number, as Altinn Register would give one. */
export function partyUuidFor(orgNumber: string): string {
  const h = createHash('sha256').update(`party:${orgNumber}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The `?agent=` checks of Altinn's SystemUserClientDelegationController (`ValidateSystemUser`): missing →
 * AUTH.VLD-00014 "The agent query parameter is missing or invalid", unknown → AUTH.VLD-00014 "System user not
 * found", not an agent → AUTH.VLD-00015 (Altinn/altinn-authentication src/Core/Errors/ValidationErrors.cs).
 */
export function agentSystemUser(ctx: EmulatorContext, agent: string | null): StoredSystemUser {
  if (!agent || !/^[0-9a-f-]{36}$/i.test(agent))
    throw problem(400, 'AUTH.VLD-00014', 'The agent query parameter is missing or invalid', ['?agent']);
  const user = altinnSlice(ctx.state).systemUsers[agent];
  if (!user || user.isDeleted) throw problem(400, 'AUTH.VLD-00014', 'System user not found', ['?agent']);
  if (user.userType !== 'agent')
    throw problem(400, 'AUTH.VLD-00015', 'SystemUser is not a valid system user of type agent', ['?agent']);
  return user;
}

/**
 * `GET /authentication/api/v1/enduser/systemuser/clients?agent=<system user id>`: the clients delegated to an
 * agent system user, as Altinn/altinn-authentication src/Authentication/Controllers/
 * SystemUserClientDelegationController.cs `GetClientsDelegatedToSystemUser` answers (ClientInfoPaginated:
 * `links`, `data` of ClientInfo, `systemUserInformation`). Scope `altinn:clientdelegations.read` (AuthzConstants);
 * Altinn then asks its PDP whether the caller may read `altinn_client_administration` for the owner: here, the
 * token's consumer must be the system user's owner (403 otherwise).
 */
export function clientDelegationRoutes(ctx: EmulatorContext, authority: SandboxTokenAuthority): EmulatorRoute[] {
  const owned = async (req: EmulatorRequest) => {
    const who = await authenticate(req, ctx, authority, Object.values(CLIENT_DELEGATION_SCOPES));
    const user = agentSystemUser(ctx, req.query.get('agent'));
    if (user.reporteeOrgNo !== who.orgNumber) throw new EmulatorHttpError({ status: 403 });
    return user;
  };
  return [
    {
      method: 'GET',
      path: `${BASE}/clients`,
      handle: async (req) => {
        const user = await owned(req);
        const data = clientDelegationsOf(altinnSlice(ctx.state), user.id).map((c) => ({
          clientId: c.clientId,
          clientOrganizationNumber: c.orgNumber,
          clientOrganizationName: c.name,
        }));
        return {
          status: 200,
          body: {
            links: { next: null },
            data,
            systemUserInformation: { systemUserId: user.id, systemUserOwnerOrg: user.reporteeOrgNo },
          },
        };
      },
    },
  ];
}
