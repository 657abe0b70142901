import { z } from 'zod';
import { CLIENT_DELEGATION_SCOPES } from '../../shared/domain/services-catalogue';
import type { AltinnHttp } from './altinn-http';
import { readAllPages } from './paginated';

const CLIENTS = '/authentication/api/v1/enduser/systemuser/clients';

/**
 * ClientInfo, one of an agent system user's clients (Altinn/altinn-authentication src/Authentication/Model/
 * ClientInfo.cs @ ad4f6f36: `clientId` is the client's party uuid).
 */
export const DelegatedClientSchema = z.looseObject({
  clientId: z.string(),
  clientOrganizationNumber: z.string(),
  clientOrganizationName: z.string().nullable().optional(),
});
export type DelegatedClient = z.infer<typeof DelegatedClientSchema>;

/**
 * The clients the firm's klientadministrator has attached to its agent systembruker:
 * `GET /authentication/api/v1/enduser/systemuser/clients?agent=<system user id>` with
 * `altinn:clientdelegations.read` (SystemUserClientDelegationController.cs `GetClientsDelegatedToSystemUser`;
 * docs.altinn.studio/en/api/authentication/systemuserapi/clientdelegation). Altinn documents it for an
 * ID-porten user's exchanged token, or a systembruker as client administrator (…/system-vendor/client-admin);
 * whether a plain Maskinporten token of the firm passes Altinn's PDP check is UNCONFIRMED, so its use is a setting
 * of the environment (`altinn.clientDelegationApi`).
 */
export function listDelegatedClients(http: AltinnHttp, agentSystemUserId: string): Promise<DelegatedClient[]> {
  // ClientInfoPaginated: `links`, `data` and `systemUserInformation` (Model/ClientInfoPaginated.cs).
  return readAllPages(http, {
    path: `${CLIENTS}?agent=${encodeURIComponent(agentSystemUserId)}`,
    scopes: [CLIENT_DELEGATION_SCOPES.read],
    operation: 'list delegated clients',
    item: DelegatedClientSchema,
  });
}
