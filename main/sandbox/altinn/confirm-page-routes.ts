import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../host';
import type { EmulatorRoute } from '../router';
import { altinnSlice, applyTimeout, type StoredRequest } from './altinn-state';

export const PAGE_BASE = '/altinn-am/accessmanagement/ui/systemuser';

export const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export function page(title: string, body: string) {
  return {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    },
    body: `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}button{font-size:1rem;padding:.5rem 1.25rem;margin-right:.5rem}.note{color:#555}</style>
</head><body><p class="note">Altinn (sandkasse) · Innsender</p>${body}</body></html>`,
  };
}

/** The approval form of one request: its CSRF token is good for that request only. */
const formId = (requestId: string) => `systemuser-request:${requestId}`;

function what(request: StoredRequest): string {
  const rights = request.rights.flatMap((r) => r.resource.map((x) => x.value));
  const packages = request.accessPackages.map((p) => p.urn.replace('urn:altinn:accesspackage:', 'tilgangspakke '));
  return [...rights, ...packages].map((x) => `<li>${escape(x)}</li>`).join('');
}

/**
 * The stand-in for Altinn's approval screen at the request's confirmUrl: the owner sees what the system asks for
 * and approves or rejects. No login in the sandbox; approval creates the system user, as Altinn does.
 */
export function confirmPageRoutes(ctx: EmulatorContext): EmulatorRoute[] {
  const slice = () => altinnSlice(ctx.state);
  const show = (kind: StoredRequest['kind']): EmulatorRoute => ({
    method: 'GET',
    path: `${PAGE_BASE}/${kind === 'agent' ? 'agentrequest' : 'request'}`,
    handle: (req) => {
      const request = slice().requests[req.query.get('id') ?? ''];
      if (!request || request.kind !== kind) {
        return {
          ...page(
            'Fant ikke forespørselen',
            '<h1>Fant ikke forespørselen</h1><p>Lenken er ugyldig eller forespørselen er slettet.</p>',
          ),
          status: 404,
        };
      }
      applyTimeout(request, ctx.now());
      const system = slice().systems[request.systemId];
      const grant =
        kind === 'agent'
          ? // An agent request is approved by the firm's hovedadministrator; clients are attached afterwards.
            `<p>Som hovedadministrator for <strong>${escape(request.partyOrgNo)}</strong> godkjenner du en systembruker for klientforhold med disse tilgangspakkene. Klientadministrator legger til klientene etterpå.</p>`
          : `<p>Organisasjon <strong>${escape(request.partyOrgNo)}</strong> gir systemet en systembruker med disse rettighetene:</p>`;
      const heading = `<h1>${escape(system?.name.nb ?? request.systemId)} ber om tilgang</h1>
${grant}<ul>${what(request)}</ul>`;
      if (request.status !== 'New') {
        return page(
          'Allerede behandlet',
          `${heading}<p id="status">Status: <strong>${escape(request.status)}</strong>. Du kan lukke denne fanen.</p>`,
        );
      }
      return page(
        'Godkjenn systembruker',
        `${heading}<form method="post" action="${PAGE_BASE}/decision">
<input type="hidden" name="id" value="${escape(request.id)}">
<input type="hidden" name="csrf" value="${escape(ctx.forms.issue(formId(request.id)))}">
<button type="submit" name="decision" value="approve">Godkjenn</button>
<button type="submit" name="decision" value="reject">Avvis</button></form>`,
      );
    },
  });
  return [
    show('standard'),
    show('agent'),
    {
      method: 'POST',
      path: `${PAGE_BASE}/decision`,
      handle: (req) => {
        const form = req.form();
        const request = slice().requests[form.get('id') ?? ''];
        const decision = form.get('decision');
        if (!request || (decision !== 'approve' && decision !== 'reject')) {
          return { ...page('Ugyldig', '<h1>Ugyldig forespørsel</h1>'), status: 400 };
        }
        // Only a post from the page itself decides: another site cannot know the token (nor read the page).
        if (!ctx.forms.verify(formId(request.id), form.get('csrf'))) {
          return {
            ...page(
              'Skjemaet kan ikke brukes',
              `<h1>Skjemaet kan ikke brukes</h1><p>Svaret kom ikke fra godkjenningssiden selv, eller siden ble åpnet før sandkassen startet på nytt. Åpne lenken fra Innsender igjen.</p>
<p lang="en">The form cannot be used: the answer did not come from the approval page itself, or the page was opened before the sandbox restarted. Open the link from Innsender again.</p>`,
            ),
            status: 403,
          };
        }
        applyTimeout(request, ctx.now());
        if (request.status === 'New' && decision === 'reject') request.status = 'Rejected';
        if (request.status === 'New' && decision === 'approve') {
          const system = slice().systems[request.systemId];
          const systemUser = {
            id: randomUUID(),
            integrationTitle: request.integrationTitle,
            systemId: request.systemId,
            reporteeOrgNo: request.partyOrgNo,
            externalRef: request.externalRef,
            created: ctx.now().toISOString(),
            isDeleted: false,
            supplierName: system?.name.nb ?? '',
            supplierOrgno: system?.vendor.ID.replace('0192:', '') ?? '',
            userType: request.kind,
            rights: request.rights,
            accessPackages: request.accessPackages,
          };
          slice().systemUsers[systemUser.id] = systemUser;
          request.status = 'Accepted';
          request.systemUserId = systemUser.id;
        }
        void ctx.state.save();
        const done =
          request.status === 'Accepted'
            ? 'Systembrukeren er godkjent.'
            : request.status === 'Rejected'
              ? 'Forespørselen er avvist.'
              : `Status: ${request.status}.`;
        return page(
          'Ferdig',
          `<h1 id="status" data-status="${escape(request.status)}">${escape(done)}</h1><p>Gå tilbake til Innsender; du kan lukke denne fanen.</p>`,
        );
      },
    },
  ];
}
