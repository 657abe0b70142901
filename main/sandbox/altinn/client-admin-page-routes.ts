import { isValidOrgNumber, normaliseOrgNumber } from '../../../shared/domain/org-number';
import type { EmulatorContext } from '../host';
import type { EmulatorRoute } from '../router';
import { altinnSlice, clientDelegationsOf, type StoredSystemUser } from './altinn-state';
import { partyUuidFor } from './client-delegation-routes';
import { escape, page, PAGE_BASE } from './confirm-page-routes';

/** Where the firm's klientadministrator attaches clients to an agent systembruker in the sandbox's Altinn. */
export const CLIENT_ADMIN_PAGE = `${PAGE_BASE}/agentdelegation`;

/**
 * The stand-in for Altinn's "Legg til klienter" screen on an agent system access (docs.altinn.studio/en/
 * authorization/guides/end-user/system-user/delegate-clients): the firm's klientadministrator sees the clients
 * attached, adds one by its organisation number, or removes one. No login in the sandbox; the firm is taken to
 * hold the client relationship (Enhetsregisteret's regnskapsfører role) for any valid org other than itself.
 */
export function clientAdminPageRoutes(ctx: EmulatorContext): EmulatorRoute[] {
  const slice = () => altinnSlice(ctx.state);
  const agentOf = (id: string): StoredSystemUser | undefined => {
    const user = slice().systemUsers[id];
    return user && !user.isDeleted && user.userType === 'agent' ? user : undefined;
  };
  const render = (user: StoredSystemUser, message?: { text: string; error: boolean }) => {
    const clients = clientDelegationsOf(slice(), user.id);
    const rows = clients
      .map(
        (c) => `<li data-org="${escape(c.orgNumber)}">${escape(c.name)} (${escape(c.orgNumber)})
<form method="post" action="${CLIENT_ADMIN_PAGE}/${escape(user.id)}" style="display:inline">
<input type="hidden" name="action" value="remove"><input type="hidden" name="orgNumber" value="${escape(c.orgNumber)}">
<button type="submit" aria-label="Fjern ${escape(c.name)}">Fjern</button></form></li>`,
      )
      .join('');
    const note = message
      ? `<p id="message" role="${message.error ? 'alert' : 'status'}">${escape(message.text)}</p>`
      : '';
    return page(
      'Klienter for systembrukeren',
      `<h1>Klienter for ${escape(user.integrationTitle)}</h1>
<p>Som klientadministrator for <strong>${escape(user.reporteeOrgNo)}</strong> velger du hvilke klienter systembrukeren kan rapportere for.</p>
${note}<h2>Klienter lagt til (${clients.length})</h2><ul id="clients">${rows || '<li>Ingen ennå.</li>'}</ul>
<h2>Legg til klient</h2><form method="post" action="${CLIENT_ADMIN_PAGE}/${escape(user.id)}">
<input type="hidden" name="action" value="add">
<label>Organisasjonsnummer <input name="orgNumber" inputmode="numeric" required></label>
<label>Navn <input name="name" required></label>
<button type="submit">Legg til</button></form>`,
    );
  };
  const notFound = () => ({
    ...page('Fant ikke systembrukeren', '<h1>Fant ikke systembrukeren</h1><p>Lenken er ugyldig.</p>'),
    status: 404,
  });
  return [
    {
      method: 'GET',
      path: `${CLIENT_ADMIN_PAGE}/:systemUserId`,
      handle: (req) => {
        const user = agentOf(req.params.systemUserId ?? '');
        return user ? render(user) : notFound();
      },
    },
    {
      method: 'POST',
      path: `${CLIENT_ADMIN_PAGE}/:systemUserId`,
      handle: (req) => {
        const user = agentOf(req.params.systemUserId ?? '');
        if (!user) return notFound();
        const form = req.form();
        const orgNumber = normaliseOrgNumber(form.get('orgNumber') ?? '');
        const clients = clientDelegationsOf(slice(), user.id);
        if (form.get('action') === 'remove') {
          const index = clients.findIndex((c) => c.orgNumber === orgNumber);
          const [removed] = index >= 0 ? clients.splice(index, 1) : [];
          void ctx.state.save();
          return render(user, {
            text: removed ? `${removed.name} (${orgNumber}) er fjernet.` : `${orgNumber} var ikke lagt til.`,
            error: !removed,
          });
        }
        const name = (form.get('name') ?? '').trim();
        if (!isValidOrgNumber(orgNumber) || !name || orgNumber === user.reporteeOrgNo) {
          return {
            ...render(user, {
              text: !isValidOrgNumber(orgNumber)
                ? `Organisasjonsnummeret ${orgNumber || '(tomt)'} er ugyldig.`
                : !name
                  ? 'Skriv inn klientens navn.'
                  : 'Virksomheten kan ikke være sin egen klient.',
              error: true,
            }),
            status: 400,
          };
        }
        if (!clients.some((c) => c.orgNumber === orgNumber)) {
          clients.push({ clientId: partyUuidFor(orgNumber), orgNumber, name, delegatedAt: ctx.now().toISOString() });
          void ctx.state.save();
        }
        return render(user, { text: `${name} (${orgNumber}) er lagt til.`, error: false });
      },
    },
  ];
}
