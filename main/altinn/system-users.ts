import { z } from 'zod';
import { ALTINN_SCOPES } from '../../shared/domain/services-catalogue';
import type { AltinnHttp } from './altinn-http';
import { readAllPages } from './paginated';

/**
 * SystemUserExternalDTO (altinn-auth.md §5.5; Altinn/altinn-authentication src/Core/Models/SystemUserExternalDTO.cs
 * @ ad4f6f36). `productName` is the system id again, kept by Altinn for older clients.
 */
export const SystemUserSchema = z.looseObject({
  id: z.string(),
  integrationTitle: z.string().optional(),
  systemId: z.string(),
  productName: z.string().optional(),
  reporteeOrgNo: z.string(),
  externalRef: z.string().optional(),
  created: z.string().optional(),
  isDeleted: z.boolean().optional(),
  supplierName: z.string().optional(),
  supplierOrgno: z.string().optional(),
  userType: z.string().optional(),
});
export type SystemUser = z.infer<typeof SystemUserSchema>;

/** The system users of the business's system, following `links.next` (needs systemregister.write, §5.5). */
export function listSystemUsers(http: AltinnHttp, systemId: string): Promise<SystemUser[]> {
  return readAllPages(http, {
    path: `/authentication/api/v1/systemuser/vendor/bysystem/${encodeURIComponent(systemId)}`,
    scopes: [ALTINN_SCOPES.systemRegisterWrite],
    operation: 'list system users',
    item: SystemUserSchema,
  });
}
