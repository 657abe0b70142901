/**
 * The firm's klientadministrator on the emulator's Altinn page (main/sandbox/altinn/client-admin-page-routes.ts):
 * adds or removes one client by posting the page's form, as a browser would. Gives the page after the change.
 */
export async function administerClient(
  clientAdminUrl: string,
  action: 'add' | 'remove',
  client: { orgNumber: string; name?: string },
): Promise<{ status: number; page: string }> {
  const form = new URLSearchParams({ action, orgNumber: client.orgNumber, name: client.name ?? '' });
  const response = await fetch(clientAdminUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  return { status: response.status, page: await response.text() };
}
