import type { AltinnAccessPackage, AltinnRight } from '../../../shared/domain/services-catalogue';
import type { EmulatorState } from '../state';

export interface StoredSystem {
  id: string;
  guid: string;
  vendor: { authority: string; ID: string };
  name: Record<string, string>;
  description: Record<string, string>;
  rights: AltinnRight[];
  accessPackages: AltinnAccessPackage[];
  clientId: string[];
  allowedRedirectUrls: string[];
  isVisible: boolean;
  isDeleted: boolean;
}

export type StoredRequestStatus = 'New' | 'Accepted' | 'Rejected' | 'Denied' | 'Timedout';

export interface StoredRequest {
  id: string;
  kind: 'standard' | 'agent';
  integrationTitle: string;
  externalRef: string;
  systemId: string;
  partyOrgNo: string;
  rights: AltinnRight[];
  accessPackages: AltinnAccessPackage[];
  status: StoredRequestStatus;
  redirectUrl?: string;
  created: string;
  systemUserId?: string;
}

export interface StoredSystemUser {
  id: string;
  integrationTitle: string;
  systemId: string;
  reporteeOrgNo: string;
  externalRef: string;
  created: string;
  isDeleted: boolean;
  supplierName: string;
  supplierOrgno: string;
  userType: 'standard' | 'agent';
  rights: AltinnRight[];
  accessPackages: AltinnAccessPackage[];
}

export type StoredChangeRequestStatus = StoredRequestStatus | 'NoChangeNeeded';

/** A vendor's request to add or remove rights on an existing system user (altinn-auth.md §5.6). */
export interface StoredChangeRequest {
  /** The vendor's `correlation-id`: Altinn keeps it as the change request's id. */
  id: string;
  systemUserId: string;
  systemId: string;
  partyOrgNo: string;
  externalRef: string;
  requiredRights: AltinnRight[];
  unwantedRights: AltinnRight[];
  requiredAccessPackages: AltinnAccessPackage[];
  unwantedAccessPackages: AltinnAccessPackage[];
  status: StoredChangeRequestStatus;
  redirectUrl?: string;
  created: string;
}

/** A client the firm's klientadministrator attached to an agent system user (ClientInfo, altinn-auth.md §5.4). */
export interface StoredClientDelegation {
  /** Altinn's party uuid for the client (`clientId` in ClientInfo). */
  clientId: string;
  orgNumber: string;
  name: string;
  delegatedAt: string;
}

export interface AltinnSlice {
  systems: Record<string, StoredSystem>;
  requests: Record<string, StoredRequest>;
  systemUsers: Record<string, StoredSystemUser>;
  /** Optional: emulator state saved before change requests existed has none. */
  changeRequests?: Record<string, StoredChangeRequest>;
  /** Per agent system user id, its clients. Optional: state saved before client delegation has none. */
  clientDelegations?: Record<string, StoredClientDelegation[]>;
}

export function clientDelegationsOf(slice: AltinnSlice, systemUserId: string): StoredClientDelegation[] {
  slice.clientDelegations ??= {};
  return (slice.clientDelegations[systemUserId] ??= []);
}

/**
 * The orgs a system user may act for, as Altinn's authorization sees it: a standard one, its own org; an agent
 * one, only the clients delegated to it (never the firm itself: it owns the system user for its clients).
 */
export function partiesOf(slice: AltinnSlice, user: StoredSystemUser): string[] {
  if (user.userType !== 'agent') return [user.reporteeOrgNo];
  return (slice.clientDelegations?.[user.id] ?? []).map((c) => c.orgNumber);
}

export function changeRequestsOf(slice: AltinnSlice): Record<string, StoredChangeRequest> {
  slice.changeRequests ??= {};
  return slice.changeRequests;
}

/** A request older than this is timed out (REQUEST_TIMEOUT_DAYS, altinn-auth.md §5.2). */
export const REQUEST_TIMEOUT_DAYS = 180;

export function altinnSlice(state: EmulatorState): AltinnSlice {
  return state.slice<AltinnSlice>('altinn', () => ({ systems: {}, requests: {}, systemUsers: {} }));
}

/** Altinn's background job, run lazily: a `New` request past 180 days reads as `Timedout`. */
export function applyTimeout<R extends { status: string; created: string }>(request: R, now: Date): R {
  const age = now.getTime() - Date.parse(request.created);
  if (request.status === 'New' && age > REQUEST_TIMEOUT_DAYS * 86_400_000) request.status = 'Timedout' as R['status'];
  return request;
}

export type SystemUserLookup =
  { found: true; system: StoredSystem; systemUser: StoredSystemUser } | { found: false; reason: string };

/**
 * What Maskinporten asks Altinn when a grant names a systembruker: a live system listing this client id, and an
 * approved system user on it for the org and externalRef (altinn-auth.md §2.4, MP-303's three causes).
 */
export function findSystemUserForGrant(
  slice: AltinnSlice,
  query: { clientId: string; orgNumber: string; externalRef?: string },
): SystemUserLookup {
  const systems = Object.values(slice.systems).filter((s) => !s.isDeleted && s.clientId.includes(query.clientId));
  if (systems.length === 0)
    return { found: false, reason: `no system in the system register lists client ${query.clientId}` };
  const ids = new Set(systems.map((s) => s.id));
  const forOrg = Object.values(slice.systemUsers).filter(
    (u) => !u.isDeleted && ids.has(u.systemId) && u.reporteeOrgNo === query.orgNumber,
  );
  if (forOrg.length === 0) return { found: false, reason: `no approved system user for org ${query.orgNumber}` };
  const ref = query.externalRef ?? query.orgNumber;
  const systemUser = forOrg.find((u) => u.externalRef === ref);
  if (!systemUser) return { found: false, reason: `no system user for org ${query.orgNumber} with externalRef ${ref}` };
  return { found: true, system: systems.find((s) => s.id === systemUser.systemId) as StoredSystem, systemUser };
}
