import { eventsFailureMessage } from '../events/events-errors';
import { AppError, isAppError, type AppErrorShape } from '../../shared/domain/app-error';
import { text, type Language } from '../../shared/domain/localized';
import type { Profile } from '../../shared/domain/profile';
import { SERVICES } from '../../shared/domain/services-catalogue';
import { formatCompany } from '../../shared/format';
import { feedbackTransmissions, orgOfParty, type FeedbackDialog } from '../../shared/feedback/feedback-dialog';
import type {
  FeedbackEntry,
  FeedbackItem,
  FeedbackLink,
  FeedbackList,
  FeedbackListItem,
  FeedbackStatus,
} from '../../shared/feedback/feedback-overview';
import type { FeedbackView } from '../../shared/feedback/feedback-view';
import { linkDialogs, type DialogLink, type KnownSubmission } from '../../shared/feedback/matching';
import type { BackgroundScheduler } from '../background/background-scheduler';
import { everyProfileJob, rerunOnProfileChanges } from '../background/profile-job';
import type { DesktopPort } from '../desktop-port';
import type { EndpointResolver } from '../environments/resolve';
import type { EventHub } from '../ipc/event-hub';
import type { Logger } from '../log/logger';
import type { ProfileService } from '../settings/profiles';
import type { SetupService } from '../setup/setup-service';
import { resourceUrn } from './dialogporten-types';
import {
  DEFAULT_INTERVALS,
  intervalAfterSuccess,
  type ChangeListener,
  type PollerStatus,
  type PollIntervals,
} from './feedback-poller';
import { FeedbackReadState } from './feedback-read-state';
import { FeedbackService } from './feedback-service';
import { feedbackSentence } from '../../shared/feedback/feedback-sentence';

/** A company the feedback can be about: a firm's client, or the profile's own organisation. */
export interface FeedbackCompany {
  orgNumber: string;
  name: string;
}

export interface FeedbackWorkersOptions {
  dataDir: string;
  profiles: ProfileService;
  setup: SetupService;
  /** Where each profile's calls go (`main/environments/resolve.ts`). */
  endpoints: EndpointResolver;
  events: EventHub;
  desktop: DesktopPort;
  log: Logger;
  language: () => Language;
  /** Runs each profile's sync in the background (`main/background/`), bounded and backed off per profile. */
  scheduler: BackgroundScheduler;
  /** A firm's delegated clients: their parties are searched with the firm's own, in batches. */
  clientsOf: (profile: Profile) => Promise<readonly FeedbackCompany[]>;
  /**
   * Parties per search when Dialogporten does not publish `GET /api/v1/metadata/limits` (the 1.40.0 OpenAPI has no
   * such endpoint, so production is UNCONFIRMED): the documented 20 (dialogporten-events.md §1.3).
   */
  defaultPartyLimit?: number;
  now?: () => Date;
  intervals?: Partial<PollIntervals>;
  /** A profile's received submissions to link dialogs to (the outbox's, once it is wired). */
  knownSubmissions?: KnownSubmissionsSource;
}

export type KnownSubmissionsSource = (
  profileId: string,
) => Promise<readonly KnownSubmission[]> | readonly KnownSubmission[];

/** One profile's feedback, with the token, endpoints and services its setup gives. */
interface ProfileFeedback {
  profileId: string;
  /** What the service was built from: a change (another port, client, owner, services or clients) builds anew. */
  key: string;
  service: FeedbackService;
  reads: FeedbackReadState;
  /** The companies its dialogs can be about, by org number: named in notifications. */
  companies: Map<string, string>;
  /** Where the last pass learnt what changed (shown beside the poll times); null before the first pass. */
  source: Extract<FeedbackStatus, { state: 'ready' }>['source'];
  fullSearchNext: boolean;
  idlePolls: number;
  nudgedUntil: number;
  lastSyncAt: string | null;
  lastError: AppErrorShape | null;
}

type NotReady = Extract<FeedbackStatus, { state: 'not-ready' }>;

const SETUP_STEPS = ['key', 'client', 'system', 'request'] as const;
const JOB = 'feedback';
/**
 * Altinn Events is pulled per party and resource (`subject`, events-client.ts), so it saves requests only for a
 * profile's own org and its systembruker's; a firm's clients are searched in batches instead.
 */
const EVENTS_MAX_PARTIES = 2;

const NO_PROFILE: NotReady = {
  state: 'not-ready',
  reason: 'no-profile',
  missingStep: null,
  message: text('Legg til eller velg en virksomhet først.', 'Add or choose an organisation first.'),
};

/**
 * Skatteetaten's feedback for every set-up profile (and each firm's delegated clients), fetched in the background
 * by the `feedback` job of the app's BackgroundScheduler whichever profile the window shows. The `feedback.*`
 * channels answer for the active profile, as before. New feedback after a profile's first sync becomes an OS
 * notification naming the company and an unread mark; the active profile's also an event for the window.
 */
export class FeedbackWorkers {
  private readonly entries = new Map<string, ProfileFeedback>();
  private readonly notReady = new Map<string, NotReady>();
  private readonly building = new Map<string, Promise<ProfileFeedback | null>>();
  private readonly intervals: PollIntervals;
  private polling = false;
  private disposed = false;
  private unsubscribe: (() => void) | null = null;
  private knownSubmissions: KnownSubmissionsSource;

  constructor(private readonly options: FeedbackWorkersOptions) {
    this.knownSubmissions = options.knownSubmissions ?? (() => []);
    this.intervals = { ...DEFAULT_INTERVALS, ...options.intervals };
    options.scheduler.register(
      everyProfileJob({
        name: JOB,
        profiles: options.profiles,
        // Every profile while the app polls; its pass finds out whether it is set up (the CLI syncs on demand).
        on: () => this.polling,
        run: (profile) => this.pass(profile),
        onStatus: (profileId) => {
          if (profileId === options.profiles.active()?.id) this.emitStatus();
        },
      }),
    );
  }

  /** The outbox's known submissions, once it exists; until then every dialog counts as made elsewhere. */
  setKnownSubmissions(source: KnownSubmissionsSource): void {
    this.knownSubmissions = source;
  }

  /**
   * Polls every profile while the app runs (the Electron glue and the real-browser harness; the CLI and handler
   * tests sync on demand only), and follows profile and setup changes as they are announced.
   */
  start(): void {
    if (this.polling || this.disposed) return;
    this.polling = true;
    // A firm's clients are read at every pass, so one added or removed is searched from the next pass on.
    const unsubscribeProfiles = rerunOnProfileChanges(this.options.events, this.options.scheduler, JOB);
    const unsubscribeSandbox = this.options.events.subscribe((event, payload) => {
      // A restarted sandbox listens on a new port: each service must follow it (its next pass rebuilds it).
      if (event === 'sandbox.status' && (payload as { state: string }).state === 'running') {
        this.options.scheduler.request(JOB);
      }
    });
    this.unsubscribe = () => (unsubscribeProfiles(), unsubscribeSandbox());
    void this.options.scheduler.refresh();
  }

  /** The system is going to sleep (powerMonitor 'suspend'): no pass starts until `resume()`. */
  suspend(): void {
    this.options.scheduler.pause();
    this.emitStatus();
  }

  /** Back from sleep: what came due meanwhile runs now. */
  resume(): void {
    this.options.scheduler.resume();
    this.emitStatus();
  }

  /** The network came back. */
  online(): void {
    this.options.scheduler.request(JOB);
  }

  /** A submission of this profile was just received: look often for a while. */
  nudge(profileId: string): void {
    const entry = this.entries.get(profileId);
    if (entry) {
      entry.nudgedUntil = this.now().getTime() + this.intervals.nudgeWindowMs;
      entry.idlePolls = 0;
    }
    this.options.scheduler.request(JOB, profileId);
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribe?.();
    this.entries.clear();
  }

  status(): FeedbackStatus {
    const profile = this.options.profiles.active();
    if (!profile) return NO_PROFILE;
    const entry = this.entries.get(profile.id);
    if (!entry) return this.notReady.get(profile.id) ?? NO_PROFILE;
    return {
      state: 'ready',
      profileId: entry.profileId,
      poller: this.pollerStatus(entry),
      unread: entry.reads.count(),
      source: entry.source,
    };
  }

  async currentStatus(): Promise<FeedbackStatus> {
    await this.current().catch(() => undefined);
    return this.status();
  }

  /** The active profile's service (for the CLI); a typed error saying what to finish in Oppsett otherwise. */
  async service(): Promise<FeedbackService> {
    return (await this.current()).service;
  }

  async knownSubmissionsNow(): Promise<readonly KnownSubmission[]> {
    const profile = this.options.profiles.active();
    return profile ? this.knownSubmissions(profile.id) : [];
  }

  /** One pass for the active profile now, searching Dialogporten itself (the user's "sync now"). */
  async syncNow(): Promise<FeedbackStatus> {
    const active = await this.current();
    // Asked for by the user: Dialogporten itself, not Events, which shows a change only 30 s after it happened.
    active.fullSearchNext = true;
    if (this.options.scheduler.units(JOB).includes(active.profileId)) {
      await this.options.scheduler.runNow(JOB, active.profileId);
    } else {
      // Not polling (the CLI, handler tests): the pass runs here; its failure shows in the status, as a poll's does.
      const profile = this.options.profiles.active();
      if (profile) await this.pass(profile).catch(() => undefined);
    }
    return this.status();
  }

  async list(): Promise<FeedbackList> {
    const active = await this.current();
    const dialogs = await active.service.dialogs();
    const links = await this.linksFor(active.profileId, dialogs);
    const items: FeedbackListItem[] = [];
    for (const dialog of dialogs) items.push(await this.summarise(active, dialog, links.get(dialog.id)));
    items.sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt));
    return { items, unread: active.reads.count() };
  }

  async item(dialogId: string): Promise<FeedbackItem> {
    const active = await this.current();
    const dialog = await this.dialog(active, dialogId);
    const links = await this.linksFor(active.profileId, [dialog]);
    const feedback: FeedbackEntry[] = [];
    for (const transmission of feedbackTransmissions(dialog).reverse()) {
      const stored = await active.service.documents.list(transmission.id);
      const documents = [];
      for (const doc of stored) {
        documents.push({
          attachmentId: doc.attachmentId,
          name: doc.name,
          mediaType: doc.mediaType,
          bytes: doc.bytes,
          fetchedAt: doc.fetchedAt,
          view: await active.service.documents.view(transmission.id, doc.attachmentId),
        });
      }
      const have = new Set(stored.map((d) => d.attachmentId));
      feedback.push({
        transmission,
        documents,
        pendingAttachments: transmission.attachments.map((a) => a.id).filter((id) => !have.has(id)),
      });
    }
    return { summary: await this.summarise(active, dialog, links.get(dialog.id)), dialog, feedback };
  }

  /** The document's exact bytes (a PDF as well as JSON or XML) through the native save dialog. */
  async download(transmissionId: string, attachmentId: string): Promise<string | null> {
    const active = await this.current();
    const doc = await active.service.documents.forSaving(transmissionId, attachmentId);
    if (!doc) {
      throw new AppError(
        'FEEDBACK_DOCUMENT_MISSING',
        text(
          'Dokumentet er ikke hentet fra Skatteetaten ennå. Prøv igjen etter neste henting.',
          'The document has not been fetched from Skatteetaten yet. Try again after the next fetch.',
        ),
      );
    }
    return this.options.desktop.saveFile({
      title: 'Tilbakemelding fra Skatteetaten',
      defaultName: doc.fileName,
      content: doc.bytes,
    });
  }

  async markRead(dialogId: string): Promise<{ unread: number }> {
    const active = await this.current();
    const dialog = await this.dialog(active, dialogId);
    const unread = await active.reads.markRead(dialog.transmissions.map((t) => t.id));
    this.emitStatus();
    return { unread };
  }

  // --- plumbing -------------------------------------------------------------------------------------------------

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** The active profile's feedback; a typed error saying what to finish in Oppsett otherwise. */
  private async current(): Promise<ProfileFeedback> {
    const profile = this.options.profiles.active();
    if (!profile) throw new AppError('FEEDBACK_NOT_READY', NO_PROFILE.message);
    const entry = await this.ensure(profile);
    if (entry) return entry;
    const reason = this.notReady.get(profile.id) ?? NO_PROFILE;
    throw new AppError(reason.reason === 'failed' ? 'FEEDBACK_UNAVAILABLE' : 'FEEDBACK_NOT_READY', reason.message);
  }

  /** The profile's feedback, built (again) from its setup when that changed; null while it is not set up. */
  private ensure(profile: Profile): Promise<ProfileFeedback | null> {
    const under = this.building.get(profile.id);
    if (under) return under;
    const building = this.build(profile)
      .catch((error: unknown) => {
        this.options.log.warn('feedback: a profile could not be prepared', { profileId: profile.id, error });
        this.setNotReady(profile.id, {
          state: 'not-ready',
          reason: 'failed',
          missingStep: null,
          message: isAppError(error)
            ? error.localized
            : text('Tilbakemeldinger kan ikke hentes nå.', 'Feedback cannot be fetched now.'),
        });
        return null;
      })
      .finally(() => this.building.delete(profile.id));
    this.building.set(profile.id, building);
    return building;
  }

  private async build(profile: Profile): Promise<ProfileFeedback | null> {
    const { setup } = this.options;
    const overview = await setup.overview(profile);
    if (overview.steps.request !== 'done') {
      const missing = SETUP_STEPS.find((s) => overview.steps[s] !== 'done') ?? 'request';
      this.setNotReady(profile.id, {
        state: 'not-ready',
        reason: 'setup-incomplete',
        missingStep: missing,
        message: setupMessage(missing),
      });
      return null;
    }
    const context = await setup.tokenContext(profile);
    const endpoints = await this.options.endpoints.forProfile(profile);
    const services = overview.system?.services ?? overview.services;
    const owner = context.systemUser.orgNumber;
    const clients = profile.kind === 'firm' ? await this.options.clientsOf(profile) : [];
    const otherOrgs = [...new Set([owner, ...clients.map((c) => c.orgNumber)])].filter((o) => o !== profile.orgNumber);
    const key = [
      profile.id,
      owner,
      overview.client?.clientId,
      endpoints.dialogporten.base,
      endpoints.maskinporten.tokenEndpoint,
      services.join(','),
      otherOrgs.join(','),
    ].join(' ');
    const existing = this.entries.get(profile.id);
    if (existing?.key === key || this.disposed) return existing ?? null;

    const reads = new FeedbackReadState(this.options.dataDir, profile.id);
    await reads.load();
    const service = new FeedbackService({
      dataDir: this.options.dataDir,
      profile: { id: profile.id, orgNumber: profile.orgNumber },
      endpoints,
      sandbox: profile.environment === 'sandbox',
      log: this.options.log,
      services,
      ...(otherOrgs.length ? { otherOrgs } : {}),
      ...(this.options.defaultPartyLimit ? { defaultPartyLimit: this.options.defaultPartyLimit } : {}),
      // The profile's token source lives in SetupService per profile: switching profile keeps its cache.
      accessToken: async (scope) =>
        (await context.tokens.tokenForScopes({ scopes: [scope], systemUser: context.systemUser })).value,
      language: this.options.language(),
      ...(this.options.now ? { now: this.options.now } : {}),
      // Altinn Events between full searches: feedback shows up without searching every dialog (main/events/).
      ...(1 + otherOrgs.length <= EVENTS_MAX_PARTIES ? { events: {} } : {}),
    });
    const companies = new Map<string, string>([
      [profile.orgNumber, profile.displayName],
      ...clients.map((c): [string, string] => [c.orgNumber, c.name]),
    ]);
    const entry: ProfileFeedback = {
      profileId: profile.id,
      key,
      service,
      reads,
      companies,
      source: existing?.source ?? null,
      fullSearchNext: existing?.fullSearchNext ?? false,
      idlePolls: existing?.idlePolls ?? 0,
      nudgedUntil: existing?.nudgedUntil ?? 0,
      lastSyncAt: existing?.lastSyncAt ?? null,
      lastError: null,
    };
    this.entries.set(profile.id, entry);
    this.notReady.delete(profile.id);
    this.options.log.info('feedback: following a profile', { profileId: profile.id, parties: 1 + otherOrgs.length });
    if (profile.id === this.options.profiles.active()?.id) this.emitStatus();
    return entry;
  }

  /** One background pass for a profile: its next run is due after the poll interval (idle back-off, nudges). */
  private async pass(profile: Profile): Promise<{ nextInMs: number | null }> {
    if (this.disposed) return { nextInMs: null };
    const entry = await this.ensure(profile);
    // Not set up: it comes back when the setup or the profile changes (start() follows those events).
    if (!entry) return { nextInMs: null };
    const fullSearch = entry.fullSearchNext;
    entry.fullSearchNext = false;
    try {
      // Changes are passed on once their documents are fetched, so a notification can say what the document says.
      const heard: Parameters<ChangeListener>[] = [];
      const result = await entry.service.syncOnce((changes, context) => void heard.push([changes, context]), {
        fullSearch,
      });
      if (result.eventsFailure) {
        this.options.log.info('feedback: Altinn Events not used, searched Dialogporten', {
          code: result.eventsFailure,
        });
      }
      entry.source = {
        kind: result.source,
        eventsRefused: result.eventsRefused ? eventsFailureMessage(result.eventsRefused) : null,
      };
      // Documents Skatteetaten had not made at the last pass (or whose fetch failed) are tried again.
      await entry.service.fetchMissingDocuments();
      for (const [changes, context] of heard) this.arrived(entry, changes, context.initial);
      const found = result.changes.some((c) => c.newFeedback.length > 0);
      entry.idlePolls = found ? 0 : entry.idlePolls + 1;
      entry.lastSyncAt = this.now().toISOString();
      entry.lastError = null;
      return {
        nextInMs: intervalAfterSuccess(this.intervals, entry.idlePolls, this.now().getTime() < entry.nudgedUntil),
      };
    } catch (error) {
      entry.lastError = isAppError(error)
        ? error.toShape()
        : {
            code: 'FEEDBACK_SYNC_FAILED',
            message: text('Henting av tilbakemeldinger feilet.', 'Fetching feedback failed.'),
          };
      throw error;
    }
  }

  /** The active profile's polling, in the shape the window has always shown, from the scheduler's view of it. */
  private pollerStatus(entry: ProfileFeedback): PollerStatus {
    const unit = this.options.scheduler.status(JOB, entry.profileId);
    const failed = entry.lastError
      ? entry.lastError.code === 'DIALOGPORTEN_UNREACHABLE'
        ? 'offline'
        : 'failing'
      : null;
    let state: PollerStatus['state'];
    if (this.options.scheduler.isPaused) state = 'paused';
    else if (!unit || unit.state === 'idle') {
      // Not polled in the background (the CLI, handler tests): how the last pass asked for here went.
      state = failed ?? (entry.lastSyncAt ? 'waiting' : 'stopped');
    } else if (unit.state === 'running' || unit.state === 'queued') state = 'syncing';
    else state = unit.state === 'failing' ? (failed ?? 'failing') : 'waiting';
    return {
      state,
      nextPollAt: unit?.nextRunAt ?? null,
      lastSyncAt: entry.lastSyncAt,
      lastError: entry.lastError,
    };
  }

  private setNotReady(profileId: string, status: NotReady): void {
    const before = this.notReady.get(profileId);
    const had = this.entries.delete(profileId);
    this.notReady.set(profileId, status);
    const changed = had || JSON.stringify(status) !== JSON.stringify(before);
    if (changed && profileId === this.options.profiles.active()?.id) this.emitStatus();
  }

  private emitStatus(): void {
    if (!this.disposed) this.options.events.emit('feedback.status', this.status());
  }

  /**
   * New feedback after the first sync: unread, one OS notification per transmission naming the company it is about
   * (a firm's client, or the profile's organisation), and for the active profile an event for the window.
   */
  private arrived(entry: ProfileFeedback, changes: Parameters<ChangeListener>[0], initial: boolean): void {
    // A profile's first sync is its history: listed, not announced.
    if (initial) return;
    const fresh = new Map<string, { dialog: FeedbackDialog; title: string | null }>();
    for (const change of changes) {
      for (const t of change.newFeedback) {
        // Skatteetaten puts the same transmission in the reporting org's and the system user's dialog.
        if (!fresh.has(t.id)) fresh.set(t.id, { dialog: change.dialog, title: t.title });
      }
    }
    if (fresh.size === 0) return;
    void entry.reads
      .addUnread([...fresh.keys()])
      .then(async (unread) => {
        if (this.entries.get(entry.profileId) !== entry || this.disposed) return;
        if (entry.profileId === this.options.profiles.active()?.id) {
          this.options.events.emit('feedback.new', {
            profileId: entry.profileId,
            items: [...fresh].map(([transmissionId, f]) => ({
              dialogId: f.dialog.id,
              transmissionId,
              title: f.title,
            })),
            unread,
          });
          this.emitStatus();
        }
        const en = this.options.language() === 'en';
        for (const { dialog } of fresh.values()) {
          const sentence = feedbackSentence(
            this.companyOf(entry, dialog),
            await this.summarise(entry, dialog, undefined),
          );
          this.options.desktop.notify({
            title: en ? 'New feedback from Skatteetaten' : 'Ny tilbakemelding fra Skatteetaten',
            body: en ? sentence.en : sentence.nb,
            onClick: () => this.options.events.emit('feedback.open', { dialogId: dialog.id }),
          });
        }
      })
      .catch((error: unknown) => this.options.log.error('feedback: could not record new feedback', { error }));
  }

  /** The company a dialog is about: its party's client (or the profile's own org); the profile's for the rest. */
  private companyOf(entry: ProfileFeedback, dialog: FeedbackDialog): string {
    const org = orgOfParty(dialog.party);
    const name = org ? entry.companies.get(org) : undefined;
    if (org && name) return formatCompany(name, org);
    const profile = this.options.profiles.state().profiles.find((p) => p.id === entry.profileId);
    return profile ? formatCompany(profile.displayName, profile.orgNumber) : '';
  }

  private async dialog(active: ProfileFeedback, dialogId: string): Promise<FeedbackDialog> {
    const dialog = (await active.service.dialogs()).find((d) => d.id === dialogId);
    if (!dialog) {
      throw new AppError(
        'FEEDBACK_NOT_FOUND',
        text('Fant ikke denne tilbakemeldingen for virksomheten.', 'This feedback was not found for the organisation.'),
        [dialogId],
      );
    }
    return dialog;
  }

  private async linksFor(profileId: string, dialogs: readonly FeedbackDialog[]): Promise<Map<string, DialogLink>> {
    let submissions: readonly KnownSubmission[] = [];
    try {
      submissions = await this.knownSubmissions(profileId);
    } catch (error) {
      // Without the outbox's ids the feedback is still worth showing, marked as made elsewhere.
      this.options.log.warn('feedback: the outbox’s submissions could not be read', { error });
    }
    return new Map(linkDialogs(dialogs, submissions).map((l) => [l.dialogId, l]));
  }

  private async summarise(
    active: ProfileFeedback,
    dialog: FeedbackDialog,
    link: DialogLink | undefined,
  ): Promise<FeedbackListItem> {
    const feedback = feedbackTransmissions(dialog);
    const latest = feedback.at(-1);
    let view: FeedbackView | null = null;
    let fetched = false;
    if (latest) {
      for (const doc of await active.service.documents.list(latest.id)) {
        fetched = true;
        view = await active.service.documents.view(latest.id, doc.attachmentId);
        if (view && view.kind !== 'unknown') break;
      }
    }
    const read = view && view.kind !== 'unknown' ? view : null;
    return {
      dialogId: dialog.id,
      serviceId: SERVICES.find((s) => resourceUrn(s.resource) === dialog.serviceResource)?.id ?? null,
      serviceResource: dialog.serviceResource,
      title: dialog.title,
      orgNumber: orgOfParty(dialog.party),
      period: periodOf(read, dialog.title),
      status: dialog.status,
      extendedStatus: dialog.extendedStatus,
      outcome: !latest ? 'waiting' : !fetched ? 'document-pending' : (read?.outcome ?? 'unknown'),
      headline: view?.headline ?? null,
      deviations: read ? read.deviationGroups.reduce((n, g) => n + g.deviations.length, 0) : 0,
      receivedAt: latest?.createdAt ?? dialog.updatedAt,
      link: toLink(link),
      unread: feedback.some((t) => active.reads.isUnread(t.id)),
      feedbackCount: feedback.length,
    };
  }
}

function toLink(link: DialogLink | undefined): FeedbackLink {
  return link?.kind === 'linked'
    ? {
        kind: 'linked',
        submissionId: link.submissionId,
        by: link.by,
        ...(link.replaces ? { replaces: link.replaces } : {}),
      }
    : { kind: 'made-elsewhere' };
}

function periodOf(view: Exclude<FeedbackView, { kind: 'unknown' }> | null, title: string | null): string | null {
  if (view?.kind === 'a-melding') {
    const month = view.months.find((m) => m.kalendermaaned)?.kalendermaaned;
    if (month) return month;
  }
  if (view?.kind === 'aksjonaerregisteroppgave' || view?.kind === 'tredjepart') {
    const year = view.deliveries.find((d) => d.inntektsaar)?.inntektsaar;
    if (year) return year;
  }
  return /\b(\d{4}-\d{2})\b/.exec(title ?? '')?.[1] ?? /\b(20\d{2})\b/.exec(title ?? '')?.[1] ?? null;
}

function setupMessage(step: (typeof SETUP_STEPS)[number]) {
  const steps = {
    key: ['lag Maskinporten-nøkkelen (steg 1)', 'make the Maskinporten key (step 1)'],
    client: ['registrer Maskinporten-klienten (steg 2)', 'register the Maskinporten client (step 2)'],
    system: ['registrer systemet i Altinn (steg 3)', 'register the system in Altinn (step 3)'],
    request: ['få systembrukeren godkjent (steg 4)', 'get the system user approved (step 4)'],
  } as const;
  const [nb, en] = steps[step];
  return text(
    `Tilbakemeldinger hentes når oppsettet er ferdig: ${nb} under Oppsett.`,
    `Feedback is fetched once the setup is finished: ${en} under Setup.`,
  );
}
