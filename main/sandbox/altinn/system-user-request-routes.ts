import { randomUUID } from 'node:crypto';
import { ALTINN_SCOPES, type AltinnAccessPackage, type AltinnRight } from '../../../shared/domain/services-catalogue';
import { isValidOrgNumber } from '../../../shared/domain/org-number';
import type { EmulatorContext } from '../host';
import { EmulatorHttpError, type EmulatorRequest, type EmulatorRoute } from '../router';
import type { SandboxTokenAuthority } from '../maskinporten/token-authority';
import { altinnSlice, applyTimeout, type StoredRequest } from './altinn-state';
import { authenticate, type Caller } from './bearer';
import { problem } from './problem';
import { requireAllowedRedirect, requireOfferedBySystem } from './system-offers';

const BASE = '/altinn/authentication/api/v1/systemuser/request/vendor';
const READ = [ALTINN_SCOPES.systemUserRequestRead];
const WRITE = [ALTINN_SCOPES.systemUserRequestWrite];

/** confirmUrl as Altinn builds it: the access-management UI host + the request id (altinn-auth.md §5.2). */
export function confirmUrlFor(baseUrl: string, request: StoredRequest): string {
  const page = request.kind === 'agent' ? 'agentrequest' : 'request';
  return `${baseUrl}/altinn-am/accessmanagement/ui/systemuser/${page}?id=${request.id}&DONTCHOOSEREPORTEE=true`;
}

/** The system user request API, vendor side (altinn-auth.md §5.1–5.4). */
export function systemUserRequestRoutes(ctx: EmulatorContext, authority: SandboxTokenAuthority): EmulatorRoute[] {
  const slice = () => altinnSlice(ctx.state);
  const asResponse = (r: StoredRequest) => {
    applyTimeout(r, ctx.now());
    const { kind: _kind, systemUserId: _su, ...rest } = r;
    return {
      ...rest,
      confirmUrl: confirmUrlFor(ctx.baseUrl(), r),
      escalated: false,
      timedOut: r.status === 'Timedout',
    };
  };
  const vendorOwns = (who: Caller, r: StoredRequest | undefined, kind: StoredRequest['kind']): StoredRequest => {
    const system = r ? slice().systems[r.systemId] : undefined;
    if (!r || r.kind !== kind || !system || system.vendor.ID !== `0192:${who.orgNumber}`) {
      throw problem(404, 'AUTH-00010', 'The Id does not refer to a Request in our system.');
    }
    return r;
  };

  async function create(req: EmulatorRequest, kind: StoredRequest['kind']) {
    const who = await authenticate(req, ctx, authority, WRITE);
    const body = req.json() as Record<string, unknown>;
    const systemId = typeof body.systemId === 'string' ? body.systemId : '';
    const partyOrgNo = typeof body.partyOrgNo === 'string' ? body.partyOrgNo : '';
    if (!systemId || !partyOrgNo)
      throw new EmulatorHttpError({
        status: 400,
        body: { title: 'systemId and partyOrgNo are required', status: 400 },
      });
    const externalRef = typeof body.externalRef === 'string' && body.externalRef ? body.externalRef : partyOrgNo;
    const rights = (Array.isArray(body.rights) ? body.rights : []) as AltinnRight[];
    const accessPackages = (Array.isArray(body.accessPackages) ? body.accessPackages : []) as AltinnAccessPackage[];
    const same = (x: { systemId: string; externalRef: string }, org: string) =>
      x.systemId === systemId && x.externalRef === externalRef && org === partyOrgNo;

    if (Object.values(slice().systemUsers).some((u) => !u.isDeleted && same(u, u.reporteeOrgNo))) {
      throw problem(
        400,
        'AUTH-00004',
        'Failed to create new SystemUser, existing SystemUser tied to the given System-Id.',
      );
    }
    const previous = Object.values(slice().requests).find(
      (r) => r.kind === kind && same(r, r.partyOrgNo) && applyTimeout(r, ctx.now()).status !== 'Timedout',
    );
    if (previous?.status === 'New') return { status: 200, body: asResponse(previous) };
    if (previous?.status === 'Rejected')
      throw problem(400, 'AUTH-00009', 'The Status of the Request is Rejected, please delete and renew the Request.');
    if (previous?.status === 'Denied')
      throw problem(400, 'AUTH-00008', 'The Status of the Request is Denied, please delete and renew the Request.');

    const system = slice().systems[systemId];
    if (!system || system.isDeleted || system.vendor.ID !== `0192:${who.orgNumber}`) {
      throw problem(404, 'AUTH-00011', 'The Id does not refer to a Registered System.');
    }
    if (!isValidOrgNumber(partyOrgNo))
      throw problem(400, 'AUTH-00000', 'The PartyOrgNo is not found in Altinn Register.');
    const redirectUrl = typeof body.redirectUrl === 'string' && body.redirectUrl ? body.redirectUrl : undefined;
    requireAllowedRedirect(system, redirectUrl);
    if (kind === 'agent' && (rights.length > 0 || accessPackages.length === 0)) {
      throw problem(400, 'AUTH-00059', 'No AccessPackages found, an agent SystemUser must have at least one');
    }
    if (rights.length === 0 && accessPackages.length === 0) {
      throw problem(400, 'AUTH-00059', 'No AccessPackages or Single Rights found, a SystemUser must have at least one');
    }
    requireOfferedBySystem(system, rights, accessPackages);
    const request: StoredRequest = {
      id: randomUUID(),
      kind,
      integrationTitle:
        typeof body.integrationTitle === 'string' ? body.integrationTitle : (system.name.nb ?? system.id),
      externalRef,
      systemId,
      partyOrgNo,
      rights,
      accessPackages,
      status: 'New',
      ...(redirectUrl ? { redirectUrl } : {}),
      created: ctx.now().toISOString(),
    };
    slice().requests[request.id] = request;
    void ctx.state.save();
    return {
      status: 201,
      headers: { location: `${ctx.baseUrl()}/altinn/authentication/api/v1/systemuser/request/${request.id}` },
      body: asResponse(request),
    };
  }

  const routesFor = (kind: StoredRequest['kind']): EmulatorRoute[] => {
    const base = kind === 'agent' ? `${BASE}/agent` : BASE;
    return [
      { method: 'POST', path: base, handle: (req) => create(req, kind) },
      {
        method: 'GET',
        path: `${base}/:requestId`,
        handle: async (req) => {
          const who = await authenticate(req, ctx, authority, READ);
          return { status: 200, body: asResponse(vendorOwns(who, slice().requests[req.params.requestId ?? ''], kind)) };
        },
      },
      {
        method: 'GET',
        path: `${base}/byexternalref/:systemId/:orgNo/:externalRef`,
        handle: async (req) => {
          const who = await authenticate(req, ctx, authority, READ);
          const { systemId, orgNo, externalRef } = req.params;
          const found = Object.values(slice().requests)
            .filter(
              (r) =>
                r.kind === kind && r.systemId === systemId && r.partyOrgNo === orgNo && r.externalRef === externalRef,
            )
            .sort((a, b) => b.created.localeCompare(a.created))[0];
          return { status: 200, body: asResponse(vendorOwns(who, found, kind)) };
        },
      },
      {
        method: 'GET',
        path: `${base}/bysystem/:systemId`,
        handle: async (req) => {
          const who = await authenticate(req, ctx, authority, READ);
          const system = slice().systems[req.params.systemId ?? ''];
          if (!system || system.vendor.ID !== `0192:${who.orgNumber}`)
            throw problem(404, 'AUTH-00011', 'The Id does not refer to a Registered System.');
          const data = Object.values(slice().requests)
            .filter((r) => r.kind === kind && r.systemId === system.id)
            .map(asResponse);
          return { status: 200, body: { links: { next: null }, data } };
        },
      },
      {
        method: 'DELETE',
        path: `${base}/:requestId`,
        handle: async (req) => {
          const who = await authenticate(req, ctx, authority, WRITE);
          const request = vendorOwns(who, slice().requests[req.params.requestId ?? ''], kind);
          delete slice().requests[request.id];
          void ctx.state.save();
          return { status: 202 };
        },
      },
    ];
  };
  return [...routesFor('agent'), ...routesFor('standard')];
}
