import { ACCESS_PACKAGE_PREFIX, serviceById, type ServiceId } from './services-catalogue';

/**
 * Altinn access packages (tilgangspakker) as the grant of a system user. Two kinds (altinn-auth.md §6):
 * - `own`: a business's own use (`a-ordning`, `skattegrunnlag`), assignable on a standard system user;
 * - `client`: the client-relationship packages an accounting firm holds for its clients through Enhetsregisteret
 *   (regnskapsfører/revisor/forretningsfører roles). Only an agent system user carries them, and a visible system
 *   may not offer them (AUTH.VLD-00018, Altinn/altinn-authentication src/Core/Errors/ValidationErrors.cs).
 * Which role gives which client package: docs.altinn.studio/en/authorization/guides/end-user/system-user/delegate-clients
 * ("Automatic Client Relationships" table).
 */
export type AccessPackageName =
  | 'a-ordning'
  | 'skattegrunnlag'
  | 'regnskapsforer-med-signeringsrettighet'
  | 'regnskapsforer-uten-signeringsrettighet'
  | 'regnskapsforer-lonn'
  | 'ansvarlig-revisor'
  | 'revisormedarbeider'
  | 'forretningsforer-eiendom';

export interface AccessPackageInfo {
  name: AccessPackageName;
  use: 'own' | 'client';
  title: { nb: string; en: string };
}

export const ACCESS_PACKAGES: readonly AccessPackageInfo[] = [
  { name: 'a-ordning', use: 'own', title: { nb: 'A-ordningen', en: 'The a-ordning' } },
  { name: 'skattegrunnlag', use: 'own', title: { nb: 'Skattegrunnlag', en: 'Tax basis' } },
  {
    name: 'regnskapsforer-med-signeringsrettighet',
    use: 'client',
    title: { nb: 'Regnskapsfører med signeringsrettighet', en: 'Accountant with signing rights' },
  },
  {
    name: 'regnskapsforer-uten-signeringsrettighet',
    use: 'client',
    title: { nb: 'Regnskapsfører uten signeringsrettighet', en: 'Accountant without signing rights' },
  },
  { name: 'regnskapsforer-lonn', use: 'client', title: { nb: 'Regnskapsfører lønn', en: 'Accountant, payroll' } },
  { name: 'ansvarlig-revisor', use: 'client', title: { nb: 'Ansvarlig revisor', en: 'Responsible auditor' } },
  { name: 'revisormedarbeider', use: 'client', title: { nb: 'Revisormedarbeider', en: 'Audit assistant' } },
  {
    name: 'forretningsforer-eiendom',
    use: 'client',
    title: { nb: 'Forretningsfører eiendom', en: 'Property business manager' },
  },
];

export const ACCESS_PACKAGE_NAMES = ACCESS_PACKAGES.map((p) => p.name) as [AccessPackageName, ...AccessPackageName[]];

export const accessPackageUrn = (name: string) => `${ACCESS_PACKAGE_PREFIX}${name}`;
export const accessPackageName = (urn: string) => urn.replace(ACCESS_PACKAGE_PREFIX, '');

export function accessPackageInfo(name: string): AccessPackageInfo | undefined {
  return ACCESS_PACKAGES.find((p) => p.name === name);
}

const DOCS = 'Skatteetaten/api-dokumentasjon docs/api/';
const ACCOUNTANT_AND_AUDITOR: AccessPackageName[] = [
  'regnskapsforer-med-signeringsrettighet',
  'regnskapsforer-uten-signeringsrettighet',
  'ansvarlig-revisor',
  'revisormedarbeider',
];

/**
 * The client-relationship packages Skatteetaten lists per API ("Systemtilgang"), each with the page it was read
 * from (altinn-auth.md §6 table). A service missing here has no known client package (skattekort: UNCONFIRMED).
 */
export const CLIENT_PACKAGES: Partial<Record<ServiceId, { packages: AccessPackageName[]; source: string }>> = {
  'a-melding': {
    packages: [...ACCOUNTANT_AND_AUDITOR, 'regnskapsforer-lonn'],
    source: `${DOCS}innrapportering-amelding-filopplasting.md (last_updated Feb 19, 2026)`,
  },
  aksjonaerregisteroppgave: {
    packages: ACCOUNTANT_AND_AUDITOR,
    source: `${DOCS}innrapportering-aksjonaerregisteroppgave.md (the version with accessPackages)`,
  },
  'tredjepart-boligselskap': {
    packages: [...ACCOUNTANT_AND_AUDITOR, 'forretningsforer-eiendom'],
    source: `${DOCS}innrapportering-boligselskap.md`,
  },
  'tredjepart-boligsameie': {
    packages: [...ACCOUNTANT_AND_AUDITOR, 'forretningsforer-eiendom'],
    source: `${DOCS}innrapportering-boligsameie.md (the same packages as boligselskap)`,
  },
  'tredjepart-gaver-frivillige': {
    packages: ['regnskapsforer-med-signeringsrettighet', 'ansvarlig-revisor'],
    source: `${DOCS}innrapportering-gavertilfrivillige.md @ 1ef52358fdd6879478de4ff2e18257dbbd2c9317`,
  },
  'tredjepart-aksjesparekonto': {
    packages: ACCOUNTANT_AND_AUDITOR,
    source: `${DOCS}innrapportering-aksjesparekonto.md`,
  },
  'tredjepart-finansprodukter': {
    packages: ACCOUNTANT_AND_AUDITOR,
    source: `${DOCS}innrapportering-finansprodukter.md`,
  },
  'tredjepart-skattefrie-utbetalinger': {
    packages: ['regnskapsforer-med-signeringsrettighet', 'ansvarlig-revisor'],
    source: `${DOCS}innrapportering-skattefrieutbetalinger.md @ 459755b636952bb35ed23b1ebb9373a7074f30ab`,
  },
  'tredjepart-opphaverrett': {
    packages: ACCOUNTANT_AND_AUDITOR,
    source: `${DOCS}innrapportering-aandsverk.md`,
  },
};

/** Every package (full URN) a service's API accepts: its own-use ones (the catalogue's) and its client ones. */
export function acceptedPackageUrns(id: ServiceId): string[] {
  const own = serviceById(id).accessPackages;
  const client = (CLIENT_PACKAGES[id]?.packages ?? []).map(accessPackageUrn);
  return [...new Set([...own, ...client])];
}

/** The services none of the given packages (names) covers: what an agent system user with them could not do. */
export function servicesNotCovered(services: readonly ServiceId[], packages: readonly string[]): ServiceId[] {
  return services.filter((id) => !(CLIENT_PACKAGES[id]?.packages ?? []).some((p) => packages.includes(p)));
}

/**
 * The firm's default: the fewest client packages that cover the chosen services. Skatteetaten advises against
 * combining packages across areas for client systems (innrapportering-boligselskap.md), and Altinn requires a
 * client to have given every package of the agent system user (delegate-clients, "AND" note), so one is best.
 */
export function defaultClientPackages(services: readonly ServiceId[]): AccessPackageName[] {
  const onlyAMelding = services.length > 0 && services.every((s) => s === 'a-melding');
  if (onlyAMelding) return ['regnskapsforer-lonn'];
  return ['regnskapsforer-med-signeringsrettighet'];
}
