/**
 * The names of every renderer → main channel and main → renderer event, and nothing else: no zod, no schema. The
 * preload (and so the page's `window.innsender`) needs only these; main validates every payload against the
 * schemas in `contract.ts`, whose keys must be exactly these names (checked by its types and by
 * test/shared/ipc/names.test.ts). Grouped by capability as in ./channels/.
 */
export const CHANNEL_NAMES = [
  // foundation
  'app.info',
  'settings.get',
  'settings.update',
  'profiles.list',
  'profiles.create',
  'profiles.update',
  'profiles.remove',
  'profiles.activate',
  'environment.describe',
  'environment.pickCustomFile',
  'environment.confirmHosts',
  'external.open',
  'clipboard.copy',
  // setup
  'setup.status',
  'keys.checkKeychain',
  'keys.generate',
  'keys.importText',
  'keys.importFile',
  'keys.markRegistered',
  'keys.retire',
  'keys.copyPublicJwk',
  'keys.savePublicJwk',
  'keys.publicJwks',
  'keys.setPortalKid',
  'maskinporten.registerSandboxClient',
  'maskinporten.setClientId',
  'maskinporten.testConnection',
  'systemuser.registerSystem',
  'systemuser.createRequest',
  'systemuser.openApproval',
  'systemuser.refreshStatus',
  'systemuser.discardRequest',
  'systemuser.changeServices',
  'systemuser.openChangeApproval',
  'systemuser.refreshChange',
  'systemuser.discardChange',
  // prerequisites (the setup checklist)
  'prerequisites.checklist',
  'prerequisites.tick',
  // reports
  'reports.pick',
  'reports.checkContent',
  'reports.saveDraft',
  'reports.listDrafts',
  'reports.getDraft',
  'reports.deleteDraft',
  'reports.recheckDraft',
  'reports.checkDraftSource',
  'reports.replaceAMelding',
  'reports.route',
  'reports.pickAndRoute',
  'reports.saveRouted',
  'reports.checkRoutedTredjepart',
  // feedback
  'feedback.list',
  'feedback.get',
  'feedback.downloadDocument',
  'feedback.syncNow',
  'feedback.status',
  'feedback.markRead',
  // outbox
  'outbox.preview',
  'outbox.submit',
  'outbox.list',
  'outbox.get',
  'outbox.cancel',
  'outbox.retry',
  'outbox.connectivity',
  'audit.verify',
  'audit.export',
  // tredjepart
  'tredjepart.pick',
  'tredjepart.checkContent',
  'tredjepart.saveDraft',
  'tredjepart.listDrafts',
  'tredjepart.deleteDraft',
  'tredjepart.preview',
  'tredjepart.submit',
  // skattekort
  'skattekort.personsFromDraft',
  'skattekort.personsFromCsv',
  'skattekort.order',
  'skattekort.orders',
  'skattekort.answer',
  'skattekort.pollNow',
  'skattekort.export',
  // avstemming
  'avstemming.fetch',
  'avstemming.export',
  // firm (an accounting firm's clients)
  'firm.clients',
  'firm.addClient',
  'firm.removeClient',
  'firm.syncDelegations',
  'firm.confirmDelegation',
  'firm.openClientAdmin',
  'firm.overview',
  // register (Enhetsregisteret)
  'register.lookup',
  // deadlines
  'deadlines.list',
  'deadlines.setWarnDays',
  'deadlines.openExtensionForm',
  // desktop
  'window.setTitle',
  'receipt.savePdf',
  'receipt.print',
] as const;

export const EVENT_NAMES = [
  'profiles.changed',
  'sandbox.status',
  'systemuser.status',
  'feedback.new',
  'feedback.status',
  'feedback.open',
  'outbox.changed',
  'outbox.progress',
  'outbox.connectivity',
  'skattekort.changed',
  'deadlines.open',
  'outbox.open',
  'overview.open',
  'app.navigate',
  'settings.changed',
  'reports.routeProgress',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

const channelSet: ReadonlySet<string> = new Set(CHANNEL_NAMES);
const eventSet: ReadonlySet<string> = new Set(EVENT_NAMES);

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && channelSet.has(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && eventSet.has(value);
}

/** The Electron IPC channel an event travels on, kept apart from the invoke channels. */
export function eventChannel(event: EventName): string {
  return `event:${event}`;
}
