import { z } from 'zod';
import { ALTINN_SCOPES } from '../../shared/domain/services-catalogue';
import type { AltinnHttp } from './altinn-http';

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

const PageSchema = z.object({
  links: z.object({ next: z.string().nullable().optional() }).optional(),
  data: z.array(SystemUserSchema),
});

/** The system users of the business's system, following `links.next` (needs systemregister.write, §5.5). */
export async function listSystemUsers(http: AltinnHttp, systemId: string): Promise<SystemUser[]> {
  const users: SystemUser[] = [];
  let path: string | null | undefined =
    `/authentication/api/v1/systemuser/vendor/bysystem/${encodeURIComponent(systemId)}`;
  for (let page = 0; path && page < 100; page++) {
    const answer = await http({
      method: 'GET',
      path,
      scopes: [ALTINN_SCOPES.systemRegisterWrite],
      operation: 'list system users',
    });
    const parsed = PageSchema.parse(answer.body);
    users.push(...parsed.data);
    path = parsed.links?.next;
  }
  return users;
}
