import { AppError } from '../../shared/domain/app-error';
import { formatCompany } from '../../shared/format';
import {
  ACCESS_PACKAGES,
  accessPackageInfo,
  accessPackageUrn,
  defaultClientPackages,
  servicesNotCovered,
  type AccessPackageName,
} from '../../shared/domain/access-packages';
import { profileKind, type Profile } from '../../shared/domain/profile';
import {
  accessForServices,
  serviceById,
  type AltinnAccessPackage,
  type AltinnRight,
  type ServiceId,
} from '../../shared/domain/services-catalogue';
import type { GrantKind } from '../../shared/domain/setup';

export interface GrantChoice {
  grant?: GrantKind;
  /** Package names as the user typed or picked them; checked here so a wrong one gets a message naming it. */
  accessPackages?: readonly string[];
}

export interface SystemGrant {
  grant: GrantKind;
  /** The package names registered (empty for single rights). */
  packageNames: AccessPackageName[];
  rights: AltinnRight[];
  accessPackages: AltinnAccessPackage[];
}

const company = (profile: Profile) => formatCompany(profile.displayName, profile.orgNumber);

/**
 * What the system offers and the systembruker is to get, from the profile's kind and the user's choice:
 * - a firm: client packages only (an agent systembruker takes no single rights, altinn-auth.md §5.4), by default
 *   the fewest that cover the services; every service must be covered;
 * - a business: single rights (default, the smallest thing an approver must hold) or its own-use packages
 *   (`a-ordning`, `skattegrunnlag`), with a single right for a service that has no package (skattekort).
 */
export function systemGrantFor(profile: Profile, services: readonly ServiceId[], choice: GrantChoice): SystemGrant {
  const firm = profileKind(profile) === 'firm';
  const names = choice.accessPackages?.map((p) => p.trim().replace(/^urn:altinn:accesspackage:/, ''));
  for (const name of names ?? []) {
    const info = accessPackageInfo(name);
    if (!info) {
      throw new AppError(
        'SETUP_ACCESS_PACKAGE_UNKNOWN',
        {
          nb: `${company(profile)}: tilgangspakken «${name}» finnes ikke i Altinn. Kjente pakker: ${ACCESS_PACKAGES.map((p) => p.name).join(', ')}.`,
          en: `${company(profile)}: Altinn has no access package "${name}". Known packages: ${ACCESS_PACKAGES.map((p) => p.name).join(', ')}.`,
        },
        [name],
      );
    }
    if (firm !== (info.use === 'client')) {
      throw new AppError(
        'SETUP_ACCESS_PACKAGE_WRONG_USE',
        firm
          ? {
              nb: `${company(profile)}: «${name}» er en pakke for virksomhetens egen bruk. Et regnskapsførerkontor ber om klientpakker (f.eks. regnskapsforer-lonn).`,
              en: `${company(profile)}: "${name}" is a package for a business's own use. An accounting firm asks for client packages (e.g. regnskapsforer-lonn).`,
            }
          : {
              nb: `${company(profile)}: «${name}» er en pakke for klientforhold og kan bare gis en regnskapsførers systembruker. Velg a-ordning eller skattegrunnlag.`,
              en: `${company(profile)}: "${name}" is a client-relationship package, only for an accountant's systembruker. Choose a-ordning or skattegrunnlag.`,
            },
        [name],
      );
    }
  }
  if (firm) {
    const packageNames = (names ?? defaultClientPackages(services)) as AccessPackageName[];
    const uncovered = servicesNotCovered(services, packageNames);
    if (uncovered.length > 0) {
      const list = uncovered.map((id) => serviceById(id).name);
      throw new AppError(
        'SETUP_PACKAGES_DO_NOT_COVER',
        {
          nb: `${company(profile)}: tilgangspakkene ${packageNames.join(', ')} dekker ikke ${list.map((n) => n.nb).join(', ')}. Velg en pakke som dekker tjenesten, eller fjern den.`,
          en: `${company(profile)}: the access packages ${packageNames.join(', ')} do not cover ${list.map((n) => n.en).join(', ')}. Choose a package that covers the service, or remove it.`,
        },
        uncovered,
      );
    }
    return {
      grant: 'access-packages',
      packageNames,
      rights: [],
      accessPackages: packageNames.map((n) => ({ urn: accessPackageUrn(n) })),
    };
  }
  const grant = choice.grant ?? (names?.length ? 'access-packages' : 'rights');
  if (grant === 'rights') return { grant, packageNames: [], ...accessForServices(services, 'rights') };
  const byDefault = accessForServices(services, 'access-packages');
  if (!names?.length) {
    return {
      grant,
      packageNames: byDefault.accessPackages.map(
        (p) => p.urn.replace('urn:altinn:accesspackage:', '') as AccessPackageName,
      ),
      rights: byDefault.rights,
      accessPackages: byDefault.accessPackages,
    };
  }
  return {
    grant,
    packageNames: names as AccessPackageName[],
    rights: byDefault.rights,
    accessPackages: names.map((n) => ({ urn: accessPackageUrn(n) })),
  };
}

/**
 * The grant a registered system gives for `services`: a firm keeps the packages it chose while they still cover
 * the services; otherwise the grant is worked out again for them as at registration.
 */
export function grantForSystem(
  profile: Profile,
  system: { grant?: GrantKind | undefined; accessPackages?: readonly string[] | undefined },
  services: readonly ServiceId[],
): SystemGrant {
  const grant = system.grant ?? 'rights';
  const chosen = system.accessPackages ?? [];
  const keep =
    profileKind(profile) === 'firm' && chosen.length > 0 && servicesNotCovered(services, chosen).length === 0;
  return systemGrantFor(profile, services, keep ? { grant, accessPackages: chosen } : { grant });
}

/** What a change request asks for to go from one grant to another (altinn-auth.md §5.6 body). */
export function grantChange(from: SystemGrant, to: SystemGrant) {
  const rightKey = (r: AltinnRight) => r.resource.map((x) => x.value).join(',');
  const minus = <T>(a: T[], b: T[], key: (x: T) => string) => a.filter((x) => !b.some((y) => key(y) === key(x)));
  const urn = (p: AltinnAccessPackage) => p.urn;
  return {
    requiredRights: minus(to.rights, from.rights, rightKey),
    unwantedRights: minus(from.rights, to.rights, rightKey),
    requiredAccessPackages: minus(to.accessPackages, from.accessPackages, urn),
    unwantedAccessPackages: minus(from.accessPackages, to.accessPackages, urn),
  };
}
