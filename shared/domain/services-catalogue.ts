/**
 * Skatteetaten's re-established services and what each needs from Maskinporten and Altinn (altinn-auth.md §6).
 * The setup wizard lets the user pick services; the system register entry, the system user request and the token
 * scopes are all derived from the picks, so a corrected scope or resource id is a one-line change here.
 */

import type { LocalizedText } from './localized';

/** The Digdir/Altinn scopes the app's own Maskinporten client needs to run the setup (altinn-auth.md §3.3, §4, §5). */
export const ALTINN_SCOPES = {
  systemRegisterWrite: 'altinn:authentication/systemregister.write',
  systemUserRequestRead: 'altinn:authentication/systemuser.request.read',
  systemUserRequestWrite: 'altinn:authentication/systemuser.request.write',
} as const;

/**
 * Altinn's client delegation API (`authentication/api/v1/enduser/systemuser/clients`): reading and changing which
 * clients an agent systembruker serves. Granted on request by Altinn support (docs.altinn.studio/en/authorization/
 * guides/system-vendor/client-admin); names from Altinn/altinn-authentication src/Core/Constants/AuthzConstants.cs.
 */
export const CLIENT_DELEGATION_SCOPES = {
  read: 'altinn:clientdelegations.read',
  write: 'altinn:clientdelegations.write',
} as const;

/** Skatteetaten asks system vendors to order this too (altinn-auth.md §6, "General"). */
export const DIALOGPORTEN_SCOPE = 'digdir:dialogporten';

/**
 * The TPO file reception for meldinger over 10 MB (Skatteetaten/api-dokumentasjon
 * docs/api/innrapportering-tpo-filmottak.md @ 0a7226987741c0a94ab41395dcbf88d1c42b6ac2, "Scope"): one scope for every
 * scheme it takes; the system user needs the scheme's own right ("Systemtilgang med systembruker").
 */
export const TPO_FILE_RECEPTION_SCOPE = 'skatteetaten:innrapporteringtpofilopplasting';

/**
 * Altinn Events' pull API for Dialogporten's events, Innsender's faster feedback source (dialogporten-events.md
 * §2.2, §4.6; Altinn/altinn-events src/Events/Configuration/AuthorizationConstants.cs). Optional: without it the
 * feedback is found by polling Dialogporten.
 */
export const ALTINN_EVENTS_SCOPE = 'altinn:events.subscribe';

export const ACCESS_PACKAGE_PREFIX = 'urn:altinn:accesspackage:';

export type ServiceId =
  | 'a-melding'
  | 'a-melding-avstemming'
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
  /**
   * Whether Innsender can send this service's reports (or fetch its answers) today. Only these are offered in setup:
   * a business should not give a systembruker rights for something it cannot use. The rest stay in the catalogue so
   * a profile that chose one earlier keeps its rights, scopes and emulator routes.
   */
  sendable: boolean;
  /** What the spec could not confirm, shown under technical details so nobody mistakes a guess for a fact. */
  unconfirmed?: LocalizedText;
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
  /** Skatteetaten's TPO file reception takes this scheme's large files (its scope is asked for with the service's). */
  fileReception?: true;
}

const pkg = (name: string) => `${ACCESS_PACKAGE_PREFIX}${name}`;
const DOCS = 'Skatteetaten/api-dokumentasjon docs/api/';

export const SERVICES: readonly SkatteetatenService[] = [
  {
    id: 'a-melding',
    sendable: true,
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
    id: 'a-melding-avstemming',
    sendable: true,
    name: { nb: 'A-melding: avstemmingsrapport', en: 'A-melding: reconciliation report' },
    // The a-melding's scope, but a single right of its own (renamed on 21 May 2026, the page says).
    scope: 'skatteetaten:innrapporteringamelding',
    resource: 'ske-avstemmingsinformasjon-amelding',
    accessPackages: [pkg('a-ordning')],
    unconfirmed: {
      nb: 'Vert, sti og svarformat står bare på SwaggerHub (avstemmingsrapport-amelding-api); de som brukes er antatt og settes per miljø.',
      en: 'Host, path and answer format are only on SwaggerHub (avstemmingsrapport-amelding-api); the ones used are assumed and set per environment.',
    },
    source: {
      scope: `${DOCS}avstemmingsrapport-amelding.md @ 3e022611adbd223a0de6a792623a3ce2bf8b6fad`,
      resource: `${DOCS}avstemmingsrapport-amelding.md @ 3e022611adbd223a0de6a792623a3ce2bf8b6fad`,
    },
  },
  {
    id: 'aksjonaerregisteroppgave',
    sendable: true,
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
    sendable: true,
    name: { nb: 'Skattekort til arbeidsgiver', en: 'Tax deduction cards for employers' },
    scope: 'skatteetaten:forskudd',
    alternativeScopes: ['skatteetaten:skattekorttilarbeidsgiver'],
    resource: 'ske-skattekort-til-arbeidsgiver',
    accessPackages: [],
    unconfirmed: {
      nb: 'Scope: den offisielle dokumentasjonen sier skatteetaten:forskudd, andre bruker skatteetaten:skattekorttilarbeidsgiver. Tilgangspakke ukjent.',
      en: 'Scope: the official doc says skatteetaten:forskudd, others use skatteetaten:skattekorttilarbeidsgiver; access package unknown.',
    },
    source: {
      scope: `${DOCS}skattekorttilarbeidsgiver.md @ 036b3fef41eef21fdf4e463360f1bc90af639bb9 (Tilgang: skatteetaten:forskudd); navikt/sokos-skattekort .nais/prod/naiserator-prod.yaml (the alternative)`,
      resource:
        'Not on Skatteetaten’s page: Altinn’s resource list (tjenesteoversikten.no/resource/ske-skattekort-til-arbeidsgiver, skatteetaten-apis.md §3)',
    },
  },
  {
    id: 'tredjepart-boligselskap',
    sendable: true,
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
    sendable: true,
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
    sendable: true,
    name: {
      nb: 'Tredjepartsopplysninger: gaver til frivillige organisasjoner',
      en: 'Third-party data: gifts to voluntary organisations',
    },
    scope: 'skatteetaten:innrapporteringgaverfrivilligeorganisasjoner',
    resource: 'ske-innrapportering-gaver-frivillige-organisasjoner',
    accessPackages: [pkg('skattegrunnlag')],
    unconfirmed: {
      nb: 'Siden nevner nå bare tilgangspakker (regnskapsforer-med-signeringsrettighet, ansvarlig-revisor, skattegrunnlag); enkeltrettigheten er fra en tidligere versjon.',
      en: 'The page now names only access packages (regnskapsforer-med-signeringsrettighet, ansvarlig-revisor, skattegrunnlag); the single right is from its earlier version.',
    },
    source: {
      scope: `${DOCS}innrapportering-gavertilfrivillige.md @ 1ef52358fdd6879478de4ff2e18257dbbd2c9317`,
      resource: `${DOCS}innrapportering-gavertilfrivillige.md @ 03243285f71eef795cf8f63e69381dc584875e7b (the later version lists no single right)`,
    },
  },
  {
    id: 'tredjepart-aksjesparekonto',
    sendable: true,
    name: { nb: 'Tredjepartsopplysninger: aksjesparekonto', en: 'Third-party data: share savings accounts' },
    scope: 'skatteetaten:innrapporteringaksjesparekonto',
    resource: 'ske-innrapportering-aksjesparekonto',
    fileReception: true,
    accessPackages: [pkg('skattegrunnlag')],
    source: {
      scope: `${DOCS}innrapportering-aksjesparekonto.md @ 11f2ca8677c8315da8706b4739348368e28ba1d5`,
      resource: `${DOCS}innrapportering-aksjesparekonto.md @ 11f2ca8677c8315da8706b4739348368e28ba1d5`,
    },
  },
  {
    id: 'tredjepart-finansprodukter',
    sendable: true,
    name: { nb: 'Tredjepartsopplysninger: finansprodukter', en: 'Third-party data: financial products' },
    scope: 'skatteetaten:innrapporteringfinansprodukter',
    resource: 'ske-innrapportering-finansprodukter',
    fileReception: true,
    accessPackages: [pkg('skattegrunnlag')],
    source: {
      scope: `${DOCS}innrapportering-finansprodukter.md @ 11f2ca8677c8315da8706b4739348368e28ba1d5`,
      resource: `${DOCS}innrapportering-finansprodukter.md @ 11f2ca8677c8315da8706b4739348368e28ba1d5`,
    },
  },
  {
    id: 'tredjepart-skattefrie-utbetalinger',
    sendable: true,
    name: { nb: 'Tredjepartsopplysninger: skattefrie utbetalinger', en: 'Third-party data: tax-free payments' },
    scope: 'skatteetaten:innrapporteringskattefrieutbetalinger',
    // Hyphenated, unlike the scope and the host.
    resource: 'ske-innrapportering-skattefrie-utbetalinger',
    accessPackages: [pkg('skattegrunnlag')],
    unconfirmed: {
      nb: 'Siden nevner nå bare tilgangspakker (regnskapsforer-med-signeringsrettighet, ansvarlig-revisor, skattegrunnlag); enkeltrettigheten er fra en tidligere versjon.',
      en: 'The page now names only access packages (regnskapsforer-med-signeringsrettighet, ansvarlig-revisor, skattegrunnlag); the single right is from its earlier version.',
    },
    source: {
      scope: `${DOCS}innrapportering-skattefrieutbetalinger.md @ 459755b636952bb35ed23b1ebb9373a7074f30ab`,
      resource: `${DOCS}innrapportering-skattefrieutbetalinger.md @ 0a4b708585a6fdaea7e339d8d6eeac8f523c81bf`,
    },
  },
  {
    id: 'tredjepart-opphaverrett',
    sendable: true,
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

/** What setup offers: the services Innsender can send, and any a profile already has so it can drop them. */
export function offeredServices(chosen: readonly ServiceId[] = []): SkatteetatenService[] {
  return SERVICES.filter((s) => s.sendable || chosen.includes(s.id));
}

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
  if (services.some((s) => s.fileReception)) scopes.push(TPO_FILE_RECEPTION_SCOPE);
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
