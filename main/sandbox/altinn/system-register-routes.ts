import { randomUUID } from 'node:crypto';
import { ALTINN_SCOPES, type AltinnAccessPackage, type AltinnRight } from '../../../shared/domain/services-catalogue';
import type { EmulatorContext } from '../host';
import { EmulatorHttpError, type EmulatorRequest, type EmulatorRoute } from '../router';
import type { SandboxTokenAuthority } from '../maskinporten/token-authority';
import { altinnSlice, type StoredSystem } from './altinn-state';
import { authenticate, type Caller } from './bearer';
import { problem } from './problem';
import { CLIENT_RELATIONSHIP_PACKAGES, KNOWN_ACCESS_PACKAGES, KNOWN_RESOURCES } from './resource-register';

const BASE = '/altinn/authentication/api/v1/systemregister/vendor';
/** Policy ScopeSystemRegisterWrite (altinn-auth.md §4.1). */
const WRITE_SCOPES = [ALTINN_SCOPES.systemRegisterWrite, 'altinn:authentication/systemregister.admin'];
const FIELDS = [
  'id',
  'vendor',
  'name',
  'description',
  'rights',
  'accessPackages',
  'clientId',
  'allowedRedirectUrls',
  'isVisible',
];

/** ASP.NET Core matches property names case-insensitively on input (altinn-auth.md §4.3). */
function normaliseKeys(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw problem(400, 'AUTH.VLD-00001', 'The body must be a JSON object');
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const known = FIELDS.find((f) => f.toLowerCase() === key.toLowerCase());
    out[known ?? key] = value;
  }
  return out;
}

function validRights(value: unknown): AltinnRight[] {
  const rights = (Array.isArray(value) ? value : []) as AltinnRight[];
  const seen = new Set<string>();
  for (const right of rights) {
    for (const res of right.resource ?? []) {
      if (res.id !== 'urn:altinn:resource')
        throw problem(
          400,
          'AUTH.VLD-00009',
          'One or more resource id is in wrong format. The valid format is urn:altinn:resource',
          ['/registersystemrequest/rights/resource/id'],
        );
      if (!KNOWN_RESOURCES.has(res.value))
        throw problem(
          400,
          'AUTH.VLD-00003',
          "One or more resources specified in rights were not found in Altinn's resource register.",
          ['/registersystemrequest/rights/resource/value'],
        );
      const key = `${right.action ?? ''}:${res.value}`;
      if (seen.has(key))
        throw problem(400, 'AUTH.VLD-00006', 'One or more duplicate rights found', ['/registersystemrequest/rights']);
      seen.add(key);
    }
  }
  return rights;
}

function validPackages(value: unknown, isVisible: boolean): AltinnAccessPackage[] {
  const packages = (Array.isArray(value) ? value : []) as AltinnAccessPackage[];
  const urns = packages.map((p) => p.urn);
  if (new Set(urns).size !== urns.length)
    throw problem(400, 'AUTH.VLD-00007', 'One or more duplicate access package(s) found');
  if (urns.some((u) => !KNOWN_ACCESS_PACKAGES.has(u))) {
    throw problem(
      400,
      'AUTH.VLD-00008',
      "One or all the accesspackage(s) is not found in altinn's access packages or is not delegable",
    );
  }
  if (isVisible && urns.some((u) => CLIENT_RELATIONSHIP_PACKAGES.has(u))) {
    throw problem(
      400,
      'AUTH.VLD-00018',
      "Access packages meant for system user for client relations can't be used in combination with the flag isVisible: true",
    );
  }
  return packages;
}

/** The register's validation, in the order altinn-auth.md §4.3–4.4 documents; `existing` when updating. */
function validSystem(
  body: Record<string, unknown>,
  caller: Caller,
  slice: ReturnType<typeof altinnSlice>,
  existing?: StoredSystem,
): StoredSystem {
  const id = typeof body.id === 'string' ? body.id : '';
  if (/\s/.test(id))
    throw problem(
      400,
      'AUTH.VLD-00013',
      'System ID cannot have spaces in id (leading, trailing or in between the id)',
      ['/registersystemrequest/systemid'],
    );
  const vendor = body.vendor as { ID?: string; authority?: string } | undefined;
  const vendorOrg = /^0192:(\d{9})$/.exec(vendor?.ID ?? '')?.[1];
  if (!vendorOrg)
    throw problem(400, 'AUTH.VLD-00000', 'the org number identifier is not valid ISO6523 identifier', [
      '/registersystemrequest/vendor/id',
    ]);
  if (!id.startsWith(`${vendorOrg}_`))
    throw problem(400, 'AUTH.VLD-00001', 'The system id does not match the format orgnumber_xxxx...', [
      '/registersystemrequest/systemid',
    ]);
  if (vendorOrg !== caller.orgNumber) throw new EmulatorHttpError({ status: 403 });
  const texts = (value: unknown) =>
    value &&
    typeof value === 'object' &&
    ['nb', 'nn', 'en'].every((l) => typeof (value as Record<string, unknown>)[l] === 'string')
      ? (value as Record<string, string>)
      : undefined;
  const name = texts(body.name);
  const description = texts(body.description);
  if (!name || !description) {
    throw new EmulatorHttpError({
      status: 400,
      headers: { 'content-type': 'application/problem+json' },
      body: { title: 'name and description need nb, nn and en', status: 400 },
    });
  }
  const isVisible = body.isVisible === undefined ? true : body.isVisible === true;
  const clientId = (Array.isArray(body.clientId) ? body.clientId : []).map(String);
  if (new Set(clientId).size !== clientId.length)
    throw problem(400, 'AUTH.VLD-00011', 'Request contains duplicate client ids', ['/registersystemrequest/clientid']);
  const taken = Object.values(slice.systems).find(
    (s) => !s.isDeleted && s.id !== id && s.clientId.some((c) => clientId.includes(c)),
  );
  if (taken)
    throw problem(400, 'AUTH.VLD-00004', 'One of the client id is already tagged with an existing system', [
      '/registersystemrequest/clientid',
    ]);
  const allowedRedirectUrls = (Array.isArray(body.allowedRedirectUrls) ? body.allowedRedirectUrls : []).map(String);
  if (allowedRedirectUrls.some((u) => !/^https:\/\/[^\s/]+\.[^\s/]+/.test(u))) {
    throw problem(
      400,
      'AUTH.VLD-00005',
      'One or more of the redirect urls format is not valid. The valid format is https://xxx.xx',
    );
  }
  return {
    id,
    guid: existing?.guid ?? randomUUID(),
    vendor: { authority: 'iso6523-actorid-upis', ID: `0192:${vendorOrg}` },
    name,
    description,
    rights: validRights(body.rights),
    accessPackages: validPackages(body.accessPackages, isVisible),
    clientId,
    allowedRedirectUrls,
    isVisible,
    isDeleted: false,
  };
}

/** RegisteredSystemResponse: camelCase out (altinn-auth.md §4.3). */
function response(system: StoredSystem) {
  const { guid: _guid, ...rest } = system;
  return rest;
}

/** The vendor side of Altinn's system register (altinn-auth.md §4.2). */
export function systemRegisterRoutes(ctx: EmulatorContext, authority: SandboxTokenAuthority): EmulatorRoute[] {
  const slice = () => altinnSlice(ctx.state);
  const caller = (req: EmulatorRequest) => authenticate(req, ctx, authority, WRITE_SCOPES);
  const owned = (req: EmulatorRequest, who: Caller): StoredSystem => {
    const system = slice().systems[req.params.systemId ?? ''];
    if (!system) throw new EmulatorHttpError({ status: 404 });
    if (system.vendor.ID !== `0192:${who.orgNumber}`) throw new EmulatorHttpError({ status: 403 });
    return system;
  };
  const saved = <T>(body: T) => {
    void ctx.state.save();
    return { status: 200, body };
  };
  return [
    {
      method: 'POST',
      path: BASE,
      handle: async (req) => {
        const who = await caller(req);
        const system = validSystem(normaliseKeys(req.json()), who, slice());
        if (slice().systems[system.id])
          throw problem(400, 'AUTH.VLD-00002', 'The system id already exists', ['/registersystemrequest/systemid']);
        slice().systems[system.id] = system;
        return saved(system.guid);
      },
    },
    {
      method: 'GET',
      path: BASE,
      handle: async (req) => {
        const who = await caller(req);
        const mine = Object.values(slice().systems).filter(
          (s) => !s.isDeleted && s.vendor.ID === `0192:${who.orgNumber}`,
        );
        return { status: 200, body: mine.map(response) };
      },
    },
    {
      method: 'GET',
      path: `${BASE}/:systemId`,
      handle: async (req) => ({ status: 200, body: response(owned(req, await caller(req))) }),
    },
    {
      method: 'PUT',
      path: `${BASE}/:systemId`,
      handle: async (req) => {
        const who = await caller(req);
        const current = owned(req, who);
        const body = normaliseKeys(req.json());
        if (body.id !== current.id)
          throw problem(
            400,
            'AUTH.VLD-00012',
            'The system ID in the request body does not match the system ID in the URL',
          );
        if (current.isDeleted)
          throw new EmulatorHttpError({ status: 400, body: { detail: 'Cannot update a system marked as deleted.' } });
        slice().systems[current.id] = validSystem(body, who, slice(), current);
        return saved({ succeeded: true });
      },
    },
    {
      method: 'PUT',
      path: `${BASE}/:systemId/rights`,
      handle: async (req) => {
        const system = owned(req, await caller(req));
        system.rights = validRights(req.json());
        return saved({ succeeded: true });
      },
    },
    {
      method: 'PUT',
      path: `${BASE}/:systemId/accesspackages`,
      handle: async (req) => {
        const system = owned(req, await caller(req));
        system.accessPackages = validPackages(req.json(), system.isVisible);
        return saved({ succeeded: true });
      },
    },
    {
      method: 'DELETE',
      path: `${BASE}/:systemId`,
      handle: async (req) => {
        const system = owned(req, await caller(req));
        system.isDeleted = true;
        return saved({ succeeded: true });
      },
    },
    {
      // Listed under systemuser/ but guarded by systemregister.write (altinn-auth.md §4.2, §5.5).
      method: 'GET',
      path: '/altinn/authentication/api/v1/systemuser/vendor/bysystem/:systemId',
      handle: async (req) => {
        const system = owned(req, await caller(req));
        const users = Object.values(slice().systemUsers).filter((u) => u.systemId === system.id && !u.isDeleted);
        // SystemUserExternalDTO, field for field; productName carries the system id ("to be deprecated, use the
        // systemId field going forward, it contains the same value": Altinn/altinn-authentication
        // src/Core/Models/SystemUserExternalDTO.cs, SystemUserInternalDTO.cs @ ad4f6f36).
        const data = users.map((u) => ({
          id: u.id,
          integrationTitle: u.integrationTitle,
          systemId: u.systemId,
          productName: u.systemId,
          reporteeOrgNo: u.reporteeOrgNo,
          created: u.created,
          isDeleted: u.isDeleted,
          supplierName: u.supplierName,
          supplierOrgno: u.supplierOrgno,
          externalRef: u.externalRef,
          userType: u.userType,
        }));
        return { status: 200, body: { links: { next: null }, data } };
      },
    },
  ];
}
