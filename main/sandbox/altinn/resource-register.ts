import { SERVICES } from '../../../shared/domain/services-catalogue';
import { ACCESS_PACKAGES, accessPackageUrn } from '../../../shared/domain/access-packages';

/**
 * The sandbox's resource register and access package list: every resource the service catalogue names, and every
 * package of the access package table (shared/domain/access-packages.ts), whose client-relationship packages a
 * visible system may not use (AUTH.VLD-00018). A package outside the table is unknown (AUTH.VLD-00008).
 */
export const KNOWN_RESOURCES: ReadonlySet<string> = new Set([
  ...SERVICES.map((s) => s.resource),
  'ske-krav-og-betalinger',
]);

export const CLIENT_RELATIONSHIP_PACKAGES: ReadonlySet<string> = new Set(
  ACCESS_PACKAGES.filter((p) => p.use === 'client').map((p) => accessPackageUrn(p.name)),
);

export const KNOWN_ACCESS_PACKAGES: ReadonlySet<string> = new Set([
  ...SERVICES.flatMap((s) => s.accessPackages),
  ...ACCESS_PACKAGES.map((p) => accessPackageUrn(p.name)),
  accessPackageUrn('lonn'),
]);
