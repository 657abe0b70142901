import { z } from 'zod';
import type { AltinnHttp } from './altinn-http';

/**
 * Every item of one of Altinn's paginated lists (`{"links":{"next":…},"data":[…]}`, Altinn/altinn-authentication
 * src/Authentication/Model/Paginated.cs, ListObject.cs), following `links.next` (at most 100 pages).
 */
export async function readAllPages<T extends z.ZodType>(
  http: AltinnHttp,
  call: { path: string; scopes: readonly string[]; operation: string; item: T },
): Promise<z.infer<T>[]> {
  const Page = z.object({
    links: z.object({ next: z.string().nullable().optional() }).optional(),
    data: z.array(call.item),
  });
  const items: z.infer<T>[] = [];
  let path: string | null | undefined = call.path;
  for (let page = 0; path && page < 100; page++) {
    const answer = await http({ method: 'GET', path, scopes: call.scopes, operation: call.operation });
    const parsed = Page.parse(answer.body);
    items.push(...parsed.data);
    path = parsed.links?.next;
  }
  return items;
}
