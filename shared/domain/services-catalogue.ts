/**
 * Skatteetaten's re-established services and what each needs from Maskinporten and Altinn (altinn-auth.md §6).
 * The setup wizard lets the user pick services; the system register entry, the system user request and the token
 * scopes are all derived from the picks, so a corrected scope or resource id is a one-line change here.
 */

/** The Digdir/Altinn scopes the app's own Maskinporten client needs to run the setup (altinn-auth.md §3.3, §4, §5). */
export const ALTINN_SCOPES = {
  systemRegisterWrite: 'altinn:authentication/systemregister.write',
  systemUserRequestRead: 'altinn:authentication/systemuser.request.read',
  systemUserRequestWrite: 'altinn:authentication/systemuser.request.write',
} as const;

/** Skatteetaten asks system vendors to order this too (altinn-auth.md §6, "General"). */
export const DIALOGPORTEN_SCOPE = 'digdir:dialogporten';

export const ACCESS_PACKAGE_PREFIX = 'urn:altinn:accesspackage:';

export type ServiceId =
  | 'a-melding'
  | 'aksjonaerregisteroppgave'
  | 'skattekort-til-arbeidsgiver'
  | 'tredjepart-boligselskap'
  | 'tredjepart-boligsameie'
  | 'tredjepart-gaver-frivillige'
  | 'tredjepart-aksjesparekonto'
  | 'tredjepart-finansprodukter'
  | 'tredjepart-skattefrie-utbetalinger'
  | 'tredjepart-opphaverrett';

export interface SkatteetatenService {
  id: ServiceId;
  name: { nb: string; en: string };
  /** The Maskinporten scope the systembruker token must carry for this service's API. */
  scope: string;
  /** The Altinn resource (single right) the system user is given; the smallest thing an approver must hold. */
  resource: string;
  /** Access packages (full URNs) the API also accepts; for a small business's own org, the first one fits. */
  accessPackages: string[];
  /** What the spec could not confirm, shown beside the service so nobody mistakes a guess for a fact. */
  unconfirmed?: string;
  /**
   * Where the scope and the resource id were read: the page in Skatteetaten/api-dokumentasjon and its commit (its
   * "Scope" and "Systemtilgang" sections), or what else vouches for them when that page names none.
   */
  source: { scope: string; resource: string };
  /**
   * Other spellings of the scope seen in the sources (skattekort: skatteetaten-apis.md §3). Which one the app asks
   * for is a setting of the environment (`endpoints.skatteetaten.skattekortScope`); the emulator accepts each.
   */
  alternativeScopes?: string[];
}

const pkg = (name: string) => `${ACCESS_PACKAGE_PREFIX}${name}`;
const DOCS = 'Skatteetaten/api-dokumentasjon docs/api/';

export const SERVICES: readonly SkatteetatenService[] = [
  {
    id: 'a-melding',
    name: { nb: 'A-melding', en: 'A-melding (employer report)' },
    scope: 'skatteetaten:innrapporteringamelding',
    resource: 'ske-innrapportering-amelding',
    accessPackages: [pkg('a-ordning')],
    source: {
      scope: `${DOCS}innrapportering-amelding.md @ 484fc323191a4ef61e970602d127aebd2ad2a375`,
      resource: `${DOCS}innrapportering-amelding.md @ 484fc323191a4ef61e970602d127aebd2ad2a375`,
    },
  },
  {
    id: 'aksjonaerregisteroppgave',
    name: { nb: 'Aksjonærregisteroppgave (RF-1086)', en: 'Shareholder register return (RF-1086)' },
    scope: 'skatteetaten:innrapporteringaksjonaerregisteroppgave',
    resource: 'ske-innrapportering-aksjonaerregisteroppgave',
    accessPackages: [pkg('skattegrunnlag')],
    source: {
      scope: `${DOCS}innrapportering-aksjonaerregisteroppgave.md @ 37adf93203ec7062263111ed77547ac7dcdfc3d7`,
      resource: `${DOCS}innrapportering-aksjonaerregisteroppgave.md @ 37adf93203ec7062263111ed77547ac7dcdfc3d7`,
    },
  },
  {
    id: 'skattekort-til-arbeidsgiver',
    name: { nb: 'Skattekort til arbeidsgiver', en: 'Tax deduction cards for employers' },
    scope: 'skatteetaten:forskudd',
    alternativeScopes: ['skatteetaten:skattekorttilarbeidsgiver'],
    resource: 'ske-skattekort-til-arbeidsgiver',
    accessPackages: [],
    unconfirmed:
      'Scope: the official doc says skatteetaten:forskudd, others use skatteetaten:skattekorttilarbeidsgiver; access package unknown.',
    source: {
      scope: `${DOCS}skattekorttilarbeidsgiver.md @ 036b3fef41eef21fdf4e463360f1bc90af639bb9 (Tilgang: skatteetaten:forskudd); navikt/sokos-skattekort .nais/prod/naiserator-prod.yaml (the alternative)`,
      resource:
        'Not on Skatteetaten’s page: Altinn’s resource list (tjenesteoversikten.no/resource/ske-skattekort-til-arbeidsgiver, skatteetaten-apis.md §3)',
    },
  },
  {
    id: 'tredjepart-boligselskap',
    name: { nb: 'Tredjepartsopplysninger: boligselskap', en: 'Third-party data: housing companies' },
    scope: 'skatteetaten:innrapporteringboligselskap',
    resource: 'ske-innrapportering-boligselskap',
    accessPackages: [pkg('skattegrunnlag'), pkg('forretningsforer-eiendom')],
    source: {
      scope: `${DOCS}innrapportering-boligselskap.md @ a147dc2c3abb3575c7c4b29eefd5390ba49d9f7b`,
      resource: `${DOCS}innrapportering-boligselskap.md @ a147dc2c3abb3575c7c4b29eefd5390ba49d9f7b`,
    },
  },
  {
    // Skatteetaten/api-dokumentasjon docs/api/innrapportering-boligsameie.md @ 11f2ca86 (RF-1140): its own API,
    // scope and resource; the same access packages as boligselskap.
    id: 'tredjepart-boligsameie',
    name: { nb: 'Tredjepartsopplysninger: boligsameie', en: 'Third-party data: housing co-ownerships' },
    scope: 'skatteetaten:innrapporteringboligsameie',
    resource: 'ske-innrapportering-boligsameie',
    accessPackages: [pkg('skattegrunnlag'), pkg('forretningsforer-eiendom')],
    source: {
      scope: `${DOCS}innrapportering-boligsameie.md @ f78fda732d2444ccdb7b0cb267d8f2b8b987ad40`,
      resource: `${DOCS}innrapportering-boligsameie.md @ f78fda732d2444ccdb7b0cb267d8f2b8b987ad40`,
    },
  },
  {
    // docs/api/innrapportering-gavertilfrivillige.md @ 03243285 (RF-1310): the scope and resource are named
    // "gaver…frivillige-organisasjoner" while the host is innrapporteringgavertilfrivillige.
    id: 'tredjepart-gaver-frivillige',
    name: {
      nb: 'Tredjepartsopplysninger: gaver til frivillige organisasjoner',
      en: 'Third-party data: gifts to voluntary organisations',
    },
    scope: 'skatteetaten:innrapporteringgaverfrivilligeorganisasjoner',
    resource: 'ske-innrapportering-gaver-frivillige-organisasjoner',
    accessPackages: [pkg('skattegrunnlag')],
    unconfirmed:
      'The page now names only access packages (regnskapsforer-med-signeringsrettighet, ansvarlig-revisor, skattegrunnlag); the single right is from its earlier version.',
    source: {
      scope: `${DOCS}innrapportering-gavertilfrivillige.md @ 1ef52358fdd6879478de4ff2e18257dbbd2c9317`,
      resource: `${DOCS}innrapportering-gavertilfrivillige.md @ 03243285f71eef795cf8f63e69381dc584875e7b (the later version lists no single right)`,
    },
  },
  {
    id: 'tredjepart-aksjesparekonto',
    name: { nb: 'Tredjepartsopplysninger: aksjesparekonto', en: 'Third-party data: share savings accounts' },
    scope: 'skatteetaten:innrapporteringaksjesparekonto',
    resource: 'ske-innrapportering-aksjesparekonto',
    accessPackages: [pkg('skattegrunnlag')],
    source: {
      scope: `${DOCS}innrapportering-aksjesparekonto.md @ 11f2ca8677c8315da8706b4739348368e28ba1d5`,
      resource: `${DOCS}innrapportering-aksjesparekonto.md @ 11f2ca8677c8315da8706b4739348368e28ba1d5`,
    },
  },
  {
    id: 'tredjepart-finansprodukter',
    name: { nb: 'Tredjepartsopplysninger: finansprodukter', en: 'Third-party data: financial products' },
    scope: 'skatteetaten:innrapporteringfinansprodukter',
    resource: 'ske-innrapportering-finansprodukter',
    accessPackages: [pkg('skattegrunnlag')],
    source: {
      scope: `${DOCS}innrapportering-finansprodukter.md @ 11f2ca8677c8315da8706b4739348368e28ba1d5`,
      resource: `${DOCS}innrapportering-finansprodukter.md @ 11f2ca8677c8315da8706b4739348368e28ba1d5`,
    },
  },
  {
    id: 'tredjepart-skattefrie-utbetalinger',
    name: { nb: 'Tredjepartsopplysninger: skattefrie utbetalinger', en: 'Third-party data: tax-free payments' },
    scope: 'skatteetaten:innrapporteringskattefrieutbetalinger',
    // Hyphenated, unlike the scope and the host.
    resource: 'ske-innrapportering-skattefrie-utbetalinger',
    accessPackages: [pkg('skattegrunnlag')],
    unconfirmed:
      'The page now names only access packages (regnskapsforer-med-signeringsrettighet, ansvarlig-revisor, skattegrunnlag); the single right is from its earlier version.',
    source: {
      scope: `${DOCS}innrapportering-skattefrieutbetalinger.md @ 459755b636952bb35ed23b1ebb9373a7074f30ab`,
      resource: `${DOCS}innrapportering-skattefrieutbetalinger.md @ 0a4b708585a6fdaea7e339d8d6eeac8f523c81bf`,
    },
  },
  {
    id: 'tredjepart-opphaverrett',
    name: {
      nb: 'Tredjepartsopplysninger: godtgjøring for opphaverrett',
      en: 'Third-party data: copyright remuneration',
    },
    scope: 'skatteetaten:innrapporteringgodtgjoeringopphaveraandsverk',
    // Hyphenated, unlike the scope (`…godtgjoeringopphaveraandsverk`) and the host (`innrapporteringaandsverk`).
    resource: 'ske-innrapportering-godtgjoering-opphaver-aandsverk',
    accessPackages: [pkg('skattegrunnlag')],
    source: {
      scope: `${DOCS}innrapportering-aandsverk.md @ 37adf93203ec7062263111ed77547ac7dcdfc3d7`,
      resource: `${DOCS}innrapportering-aandsverk.md @ 37adf93203ec7062263111ed77547ac7dcdfc3d7`,
    },
  },
];

export function serviceById(id: ServiceId): SkatteetatenService {
  const service = SERVICES.find((s) => s.id === id);
  if (!service) throw new Error(`Unknown service ${id}`);
  return service;
}

/** An environment's choice of scope for a service whose scope the sources disagree on (today: skattekort). */
export type ServiceScopes = Partial<Record<ServiceId, string>>;

/** The scope the app asks for: the environment's setting when it has one, else the catalogue's. */
export function scopeOf(id: ServiceId, scopes: ServiceScopes = {}): string {
  return scopes[id] ?? serviceById(id).scope;
}

/** The service a scope belongs to, by any of its spellings. */
export function serviceForScope(scope: string): SkatteetatenService | undefined {
  return SERVICES.find((s) => s.scope === scope || s.alternativeScopes?.includes(scope));
}

/** Every spelling of a service's scope: what the emulator accepts for it. */
export function acceptedScopes(id: ServiceId): string[] {
  const service = serviceById(id);
  return [service.scope, ...(service.alternativeScopes ?? [])];
}

/** Altinn's shape for a single right on a resource (altinn-auth.md §4.3). */
export interface AltinnRight {
  action?: string;
  resource: { id: 'urn:altinn:resource'; value: string }[];
}

export interface AltinnAccessPackage {
  urn: string;
}

/**
 * What the chosen services need on the system and the system user. Single rights by default: the approver must
 * hold every delegated right, and one resource per service keeps that burden smallest (altinn-auth.md §6).
 */
export function accessForServices(
  ids: readonly ServiceId[],
  grant: 'rights' | 'access-packages' = 'rights',
  serviceScopes: ServiceScopes = {},
): { rights: AltinnRight[]; accessPackages: AltinnAccessPackage[]; scopes: string[] } {
  const services = [...new Set(ids)].map(serviceById);
  const scopes = services.map((s) => scopeOf(s.id, serviceScopes));
  if (grant === 'rights') {
    return {
      rights: services.map((s) => ({ resource: [{ id: 'urn:altinn:resource', value: s.resource }] })),
      accessPackages: [],
      scopes,
    };
  }
  // A service with no known package (skattekort) still gets its single right.
  const withoutPackage = services.filter((s) => s.accessPackages.length === 0);
  const urns = [...new Set(services.flatMap((s) => s.accessPackages.slice(0, 1)))];
  return {
    rights: withoutPackage.map((s) => ({ resource: [{ id: 'urn:altinn:resource', value: s.resource }] })),
    accessPackages: urns.map((urn) => ({ urn })),
    scopes,
  };
}
