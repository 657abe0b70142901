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
}

const pkg = (name: string) => `${ACCESS_PACKAGE_PREFIX}${name}`;

export const SERVICES: readonly SkatteetatenService[] = [
  {
    id: 'a-melding',
    name: { nb: 'A-melding', en: 'A-melding (employer report)' },
    scope: 'skatteetaten:innrapporteringamelding',
    resource: 'ske-innrapportering-amelding',
    accessPackages: [pkg('a-ordning')],
  },
  {
    id: 'aksjonaerregisteroppgave',
    name: { nb: 'Aksjonærregisteroppgave (RF-1086)', en: 'Shareholder register return (RF-1086)' },
    scope: 'skatteetaten:innrapporteringaksjonaerregisteroppgave',
    resource: 'ske-innrapportering-aksjonaerregisteroppgave',
    accessPackages: [pkg('skattegrunnlag')],
  },
  {
    id: 'skattekort-til-arbeidsgiver',
    name: { nb: 'Skattekort til arbeidsgiver', en: 'Tax deduction cards for employers' },
    scope: 'skatteetaten:forskudd',
    resource: 'ske-skattekort-til-arbeidsgiver',
    accessPackages: [],
    unconfirmed:
      'Scope: the official doc says skatteetaten:forskudd, others use skatteetaten:skattekorttilarbeidsgiver; access package unknown.',
  },
  {
    id: 'tredjepart-boligselskap',
    name: { nb: 'Tredjepartsopplysninger: boligselskap', en: 'Third-party data: housing companies' },
    scope: 'skatteetaten:innrapporteringboligselskap',
    resource: 'ske-innrapportering-boligselskap',
    accessPackages: [pkg('skattegrunnlag'), pkg('forretningsforer-eiendom')],
  },
  {
    id: 'tredjepart-aksjesparekonto',
    name: { nb: 'Tredjepartsopplysninger: aksjesparekonto', en: 'Third-party data: share savings accounts' },
    scope: 'skatteetaten:innrapporteringaksjesparekonto',
    resource: 'ske-innrapportering-aksjesparekonto',
    accessPackages: [pkg('skattegrunnlag')],
    unconfirmed: 'Resource id follows the ske-innrapportering-<scheme> pattern.',
  },
  {
    id: 'tredjepart-finansprodukter',
    name: { nb: 'Tredjepartsopplysninger: finansprodukter', en: 'Third-party data: financial products' },
    scope: 'skatteetaten:innrapporteringfinansprodukter',
    resource: 'ske-innrapportering-finansprodukter',
    accessPackages: [pkg('skattegrunnlag')],
    unconfirmed: 'Resource id follows the ske-innrapportering-<scheme> pattern.',
  },
  {
    id: 'tredjepart-skattefrie-utbetalinger',
    name: { nb: 'Tredjepartsopplysninger: skattefrie utbetalinger', en: 'Third-party data: tax-free payments' },
    scope: 'skatteetaten:innrapporteringskattefrieutbetalinger',
    resource: 'ske-innrapportering-skattefrieutbetalinger',
    accessPackages: [pkg('skattegrunnlag')],
    unconfirmed: 'Resource id follows the ske-innrapportering-<scheme> pattern.',
  },
  {
    id: 'tredjepart-opphaverrett',
    name: {
      nb: 'Tredjepartsopplysninger: godtgjøring for opphaverrett',
      en: 'Third-party data: copyright remuneration',
    },
    scope: 'skatteetaten:innrapporteringgodtgjoeringopphaveraandsverk',
    resource: 'ske-innrapportering-godtgjoeringopphaveraandsverk',
    accessPackages: [pkg('skattegrunnlag')],
    unconfirmed: 'Resource id follows the ske-innrapportering-<scheme> pattern.',
  },
];

export function serviceById(id: ServiceId): SkatteetatenService {
  const service = SERVICES.find((s) => s.id === id);
  if (!service) throw new Error(`Unknown service ${id}`);
  return service;
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
): { rights: AltinnRight[]; accessPackages: AltinnAccessPackage[]; scopes: string[] } {
  const services = [...new Set(ids)].map(serviceById);
  const scopes = services.map((s) => s.scope);
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
