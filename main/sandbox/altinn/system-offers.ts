import type { AltinnAccessPackage, AltinnRight } from '../../../shared/domain/services-catalogue';
import type { StoredSystem } from './altinn-state';
import { problem } from './problem';

/**
 * What a system user request and a change request both check against the registered system: the redirect URL is
 * one the system allows (AUTH-00026/AUTH-00021), and every right and access package asked for is one the system
 * offers (AUTH-00001). Altinn runs the same checks for both (ValidateRedirectUrl, ValidateRights).
 */
export function requireAllowedRedirect(system: StoredSystem, redirectUrl: string | undefined): void {
  if (!redirectUrl) return;
  if (system.allowedRedirectUrls.length === 0)
    throw problem(400, 'AUTH-00026', 'The system has no allowed redirect URLs.');
  const path = (u: string) => u.split(/[?#]/)[0];
  if (!system.allowedRedirectUrls.some((u) => path(u) === path(redirectUrl))) {
    throw problem(400, 'AUTH-00021', 'The RedirectUrl is not in the list of allowed redirect urls for the system.');
  }
}

export function requireOfferedBySystem(
  system: StoredSystem,
  rights: readonly AltinnRight[],
  accessPackages: readonly AltinnAccessPackage[],
): void {
  const onSystem = new Set(system.rights.flatMap((r) => (r.resource ?? []).map((x) => x.value)));
  const packagesOnSystem = new Set(system.accessPackages.map((p) => p.urn));
  if (
    rights.some((r) => (r.resource ?? []).some((x) => !onSystem.has(x.value))) ||
    accessPackages.some((p) => !packagesOnSystem.has(p.urn))
  ) {
    throw problem(400, 'AUTH-00001', 'One or more Right not found or not delegable.');
  }
}
