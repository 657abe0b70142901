import { ALTINN_SCOPES, type AltinnAccessPackage, type AltinnRight } from '../../../shared/domain/services-catalogue';
import type { EmulatorContext } from '../host';
import { EmulatorHttpError, type EmulatorRequest, type EmulatorRoute } from '../router';
import type { SandboxTokenAuthority } from '../maskinporten/token-authority';
import {
  altinnSlice,
  applyTimeout,
  changeRequestsOf,
  type StoredChangeRequest,
  type StoredSystemUser,
} from './altinn-state';
import { authenticate, type Caller } from './bearer';
import { escape, page, PAGE_BASE } from './confirm-page-routes';
import { problem } from './problem';
import { requireAllowedRedirect, requireOfferedBySystem } from './system-offers';

const BASE = '/altinn/authentication/api/v1/systemuser/changerequest/vendor';
const READ = [ALTINN_SCOPES.systemUserRequestRead];
const WRITE = [ALTINN_SCOPES.systemUserRequestWrite];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const resourcesOf = (rights: readonly AltinnRight[]) => rights.flatMap((r) => (r.resource ?? []).map((x) => x.value));
const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** confirmUrl as Altinn builds it for a change request (altinn-auth.md §5.2: `/systemuser/changerequest?id=`). */
export function changeConfirmUrlFor(baseUrl: string, request: StoredChangeRequest): string {
  return `${baseUrl}${PAGE_BASE}/changerequest?id=${request.id}&DONTCHOOSEREPORTEE=true`;
}

/** The system user's rights after the change: unwanted ones out, required ones in, each once. */
export function applyChange(user: StoredSystemUser, change: StoredChangeRequest): void {
  const unwanted = new Set(resourcesOf(change.unwantedRights));
  const kept = user.rights.filter((r) => !resourcesOf([r]).some((x) => unwanted.has(x)));
  const have = new Set(resourcesOf(kept));
  user.rights = [...kept, ...change.requiredRights.filter((r) => resourcesOf([r]).every((x) => !have.has(x)))];
  const unwantedPackages = new Set(change.unwantedAccessPackages.map((p) => p.urn));
  const keptPackages = user.accessPackages.filter((p) => !unwantedPackages.has(p.urn));
  const havePackages = new Set(keptPackages.map((p) => p.urn));
  user.accessPackages = [...keptPackages, ...change.requiredAccessPackages.filter((p) => !havePackages.has(p.urn))];
}

/**
 * The change request API, vendor side (altinn-auth.md §5.6), and the owner's approval page for it. Approval
 * changes the system user's rights, so the sandbox Maskinporten then issues (or refuses) tokens accordingly.
 */
export function changeRequestRoutes(ctx: EmulatorContext, authority: SandboxTokenAuthority): EmulatorRoute[] {
  const slice = () => altinnSlice(ctx.state);
  const changes = () => changeRequestsOf(slice());
  /** ChangeRequestResponse, field for field (src/Core/Models/SystemUsers/ChangeRequestResponse.cs @ ad4f6f36). */
  const asResponse = (r: StoredChangeRequest) => {
    applyTimeout(r, ctx.now());
    return {
      id: r.id,
      externalRef: r.externalRef,
      systemId: r.systemId,
      systemUserId: r.systemUserId,
      partyOrgNo: r.partyOrgNo,
      requiredRights: r.requiredRights,
      unwantedRights: r.unwantedRights,
      requiredAccessPackages: r.requiredAccessPackages,
      unwantedAccessPackages: r.unwantedAccessPackages,
      status: r.status,
      redirectUrl: r.redirectUrl ?? null,
      confirmUrl: changeConfirmUrlFor(ctx.baseUrl(), r),
      created: r.created,
      timedOut: r.status === 'Timedout',
    };
  };
  const vendorOwns = (who: Caller, r: StoredChangeRequest | undefined): StoredChangeRequest => {
    const system = r ? slice().systems[r.systemId] : undefined;
    if (!r) throw problem(404, 'AUTH-00010', 'The Id does not refer to a Request in our system.');
    // GetChangeRequestByGuid checks the system's vendor against the token's org (SystemIdNotFound, AUTH-00011).
    if (!system || system.vendor.ID !== `0192:${who.orgNumber}`) {
      throw problem(404, 'AUTH-00011', 'The Id does not refer to a Registered System.');
    }
    return r;
  };

  async function create(req: EmulatorRequest) {
    const who = await authenticate(req, ctx, authority, WRITE);
    const correlationId = req.query.get('correlation-id') ?? '';
    const systemUserId = req.query.get('system-user-id') ?? '';
    if (!UUID.test(correlationId) || !UUID.test(systemUserId)) {
      throw new EmulatorHttpError({
        status: 400,
        body: { title: 'correlation-id and system-user-id must be UUIDs', status: 400 },
      });
    }
    // Altinn's CreateChangeRequest looks the system user up first (deleted ones are not found) and answers
    // Problem.SystemUserNotFound, AUTH-00015 (Altinn/altinn-authentication
    // src/Authentication/Controllers/ChangeRequestSystemUserController.cs, src/Core/Problems/Problem.cs @ ad4f6f36).
    const user = slice().systemUsers[systemUserId];
    if (!user || user.isDeleted) throw problem(404, 'AUTH-00015', 'The SystemUser was not found.');
    if (correlationId.toLowerCase() === user.id.toLowerCase()) {
      throw new EmulatorHttpError({
        status: 400,
        body: 'The correlation-id should not be the same as the system-user-id. Generate a unique id.',
      });
    }
    const system = slice().systems[user.systemId];
    // Another vendor's system user: the controller answers a bare 401.
    if (!system || system.vendor.ID !== `0192:${who.orgNumber}`) return { status: 401 };
    const body = (req.json() ?? {}) as Record<string, unknown>;
    const requiredRights = list<AltinnRight>(body.requiredRights);
    const unwantedRights = list<AltinnRight>(body.unwantedRights);
    const requiredAccessPackages = list<AltinnAccessPackage>(body.requiredAccessPackages);
    const unwantedAccessPackages = list<AltinnAccessPackage>(body.unwantedAccessPackages);
    const redirectUrl = typeof body.redirectUrl === 'string' && body.redirectUrl ? body.redirectUrl : undefined;
    const change: StoredChangeRequest = {
      // Altinn keeps the vendor's correlation id as the change request's id (ChangeRequestSystemUserService).
      id: correlationId,
      systemUserId: user.id,
      systemId: user.systemId,
      partyOrgNo: user.reporteeOrgNo,
      externalRef: user.externalRef,
      requiredRights,
      unwantedRights,
      requiredAccessPackages,
      unwantedAccessPackages,
      status: 'New',
      ...(redirectUrl ? { redirectUrl } : {}),
      created: ctx.now().toISOString(),
    };
    // Four empty sets: nothing to change. Altinn answers at once, stores nothing and gives no confirmUrl.
    if (![requiredRights, unwantedRights, requiredAccessPackages, unwantedAccessPackages].some((x) => x.length)) {
      return { status: 200, body: { ...asResponse({ ...change, status: 'NoChangeNeeded' }), confirmUrl: '' } };
    }
    // The same correlation id again is the same change request, whatever its status (200).
    const existing = changes()[correlationId];
    if (existing && vendorOwns(who, existing)) return { status: 200, body: asResponse(existing) };
    requireAllowedRedirect(system, redirectUrl);
    requireOfferedBySystem(system, requiredRights, requiredAccessPackages);
    changes()[change.id] = change;
    void ctx.state.save();
    return {
      status: 201,
      headers: { location: `${ctx.baseUrl()}${BASE}/${change.id}` },
      body: asResponse(change),
    };
  }

  const describe = (change: StoredChangeRequest) => {
    const items = (label: string, values: string[]) =>
      values.length ? `<h2>${label}</h2><ul>${values.map((v) => `<li>${escape(v)}</li>`).join('')}</ul>` : '';
    const packages = (p: AltinnAccessPackage[]) =>
      p.map((x) => x.urn.replace('urn:altinn:accesspackage:', 'tilgangspakke '));
    return (
      items('Legges til', [...resourcesOf(change.requiredRights), ...packages(change.requiredAccessPackages)]) +
      items('Fjernes', [...resourcesOf(change.unwantedRights), ...packages(change.unwantedAccessPackages)])
    );
  };

  return [
    { method: 'POST', path: BASE, handle: create },
    {
      method: 'GET',
      path: `${BASE}/:requestId`,
      handle: async (req) => {
        const who = await authenticate(req, ctx, authority, READ);
        return { status: 200, body: asResponse(vendorOwns(who, changes()[req.params.requestId ?? ''])) };
      },
    },
    {
      method: 'DELETE',
      path: `${BASE}/:requestId`,
      handle: async (req) => {
        const who = await authenticate(req, ctx, authority, WRITE);
        const change = vendorOwns(who, changes()[req.params.requestId ?? '']);
        delete changes()[change.id];
        void ctx.state.save();
        return { status: 202 };
      },
    },
    {
      method: 'GET',
      path: `${PAGE_BASE}/changerequest`,
      handle: (req) => {
        const change = changes()[req.query.get('id') ?? ''];
        if (!change) {
          return {
            ...page(
              'Fant ikke forespørselen',
              '<h1>Fant ikke forespørselen</h1><p>Lenken er ugyldig eller forespørselen er slettet.</p>',
            ),
            status: 404,
          };
        }
        applyTimeout(change, ctx.now());
        const system = slice().systems[change.systemId];
        const heading = `<h1>${escape(system?.name.nb ?? change.systemId)} ber om endrede rettigheter</h1>
<p>Systembrukeren til organisasjon <strong>${escape(change.partyOrgNo)}</strong> endres slik:</p>${describe(change)}`;
        if (change.status !== 'New') {
          return page(
            'Allerede behandlet',
            `${heading}<p id="status">Status: <strong>${escape(change.status)}</strong>. Du kan lukke denne fanen.</p>`,
          );
        }
        return page(
          'Godkjenn endring',
          `${heading}<form method="post" action="${PAGE_BASE}/changerequest/decision">
<input type="hidden" name="id" value="${escape(change.id)}">
<button type="submit" name="decision" value="approve">Godkjenn</button>
<button type="submit" name="decision" value="reject">Avvis</button></form>`,
        );
      },
    },
    {
      method: 'POST',
      path: `${PAGE_BASE}/changerequest/decision`,
      handle: (req) => {
        const form = req.form();
        const change = changes()[form.get('id') ?? ''];
        const decision = form.get('decision');
        if (!change || (decision !== 'approve' && decision !== 'reject')) {
          return { ...page('Ugyldig', '<h1>Ugyldig forespørsel</h1>'), status: 400 };
        }
        applyTimeout(change, ctx.now());
        if (change.status === 'New' && decision === 'reject') change.status = 'Rejected';
        if (change.status === 'New' && decision === 'approve') {
          const user = slice().systemUsers[change.systemUserId];
          if (!user || user.isDeleted) change.status = 'Denied';
          else {
            applyChange(user, change);
            change.status = 'Accepted';
          }
        }
        void ctx.state.save();
        const done =
          change.status === 'Accepted'
            ? 'Endringen er godkjent.'
            : change.status === 'Rejected'
              ? 'Endringen er avvist.'
              : `Status: ${change.status}.`;
        return page(
          'Ferdig',
          `<h1 id="status" data-status="${escape(change.status)}">${escape(done)}</h1><p>Gå tilbake til Innsender; du kan lukke denne fanen.</p>`,
        );
      },
    },
  ];
}
