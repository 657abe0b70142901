import { ACCESS_PACKAGE_PREFIX, SERVICES } from '../../../shared/domain/services-catalogue';

/**
 * The sandbox's resource register and access package list: every resource and package the service catalogue
 * names, plus the client-relationship packages, which a visible system may not use (AUTH.VLD-00018).
 */
export const KNOWN_RESOURCES: ReadonlySet<string> = new Set([
  ...SERVICES.map((s) => s.resource),
  'ske-krav-og-betalinger',
]);

export const CLIENT_RELATIONSHIP_PACKAGES: ReadonlySet<string> = new Set(
  [
    'regnskapsforer-med-signeringsrettighet',
    'regnskapsforer-uten-signeringsrettighet',
    'regnskapsforer-lonn',
    'ansvarlig-revisor',
    'revisormedarbeider',
    'forretningsforer-eiendom',
  ].map((p) => `${ACCESS_PACKAGE_PREFIX}${p}`),
);

export const KNOWN_ACCESS_PACKAGES: ReadonlySet<string> = new Set([
  ...SERVICES.flatMap((s) => s.accessPackages),
  ...CLIENT_RELATIONSHIP_PACKAGES,
  `${ACCESS_PACKAGE_PREFIX}lonn`,
]);
