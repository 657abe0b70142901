import type { JWTPayload } from 'jose';
import { DIALOGPORTEN_SCOPE, SERVICES } from '../../../shared/domain/services-catalogue';
import { altinnSlice, partiesOf } from '../altinn/altinn-state';
import { acceptedPackageUrns } from '../../../shared/domain/access-packages';
import type { EmulatorContext } from '../host';
import type { SandboxTokenAuthority } from '../maskinporten/token-authority';
import { EmulatorHttpError, type EmulatorRequest } from '../router';
import { orgParty, resourceUrn } from './dialog-store';

export interface EndUserCaller {
  /** `urn:altinn:systemuser:uuid:<id>` (dialogporten-events.md §2.4). */
  systemUserUrn: string;
  /** The parties the system user may act for: its own org, or an agent's delegated clients. */
  parties: string[];
  /** The service resources its rights or access packages cover. */
  resources: string[];
}

/**
 * Dialogporten's checks on an end-user call: a valid Maskinporten token (401), the `digdir:dialogporten` scope
 * (403), and a system user in `authorization_details`. What the system user may see comes from Altinn: its org
 * as the party, and the resources of its rights and packages (AltinnAuthorizationClient, §2.4).
 */
export async function authorizeEndUser(
  req: EmulatorRequest,
  ctx: EmulatorContext,
  authority: SandboxTokenAuthority,
): Promise<EndUserCaller> {
  const header = req.headers.authorization;
  const token = typeof header === 'string' && /^Bearer /i.test(header) ? header.slice(7).trim() : '';
  const claims = token ? await authority.verify(token, `${ctx.baseUrl()}/maskinporten/`, ctx.now()) : null;
  if (!claims) throw new EmulatorHttpError({ status: 401, headers: { 'www-authenticate': 'Bearer' } });
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  if (!scopes.includes(DIALOGPORTEN_SCOPE)) throw new EmulatorHttpError({ status: 403 });
  return systemUserAccess(ctx, claims);
}

/**
 * What the token's system user may see, from Altinn's own records: its org as the party, and the resources of
 * its rights and packages. Dialogporten and Altinn Events (for the Events pull API, dialogporten-events.md §4.6)
 * both authorize through it; a token without a system user is neither an end user nor a service owner here (403).
 */
export function systemUserAccess(ctx: EmulatorContext, claims: JWTPayload): EndUserCaller {
  const details = Array.isArray(claims.authorization_details) ? claims.authorization_details : [];
  const detail = details.find((d: { type?: unknown }) => d?.type === 'urn:altinn:systemuser') as
    { systemuser_org?: { ID?: string }; systemuser_id?: unknown } | undefined;
  const org = /^0192:(\d{9})$/.exec(detail?.systemuser_org?.ID ?? '')?.[1];
  const id = Array.isArray(detail?.systemuser_id) ? String(detail.systemuser_id[0] ?? '') : '';
  if (!org || !id) throw new EmulatorHttpError({ status: 403 });

  const slice = altinnSlice(ctx.state);
  const user = slice.systemUsers[id];
  if (!user || user.isDeleted) return { systemUserUrn: `urn:altinn:systemuser:uuid:${id}`, parties: [], resources: [] };
  const packages = new Set(user.accessPackages.map((p) => p.urn));
  const held = new Set(user.rights.flatMap((r) => r.resource.map((res) => res.value)));
  const resources = SERVICES.filter(
    (s) => held.has(s.resource) || acceptedPackageUrns(s.id).some((p) => packages.has(p)),
  ).map((s) => resourceUrn(s.resource));
  return {
    systemUserUrn: `urn:altinn:systemuser:uuid:${id}`,
    parties: partiesOf(slice, user).map(orgParty),
    resources,
  };
}
