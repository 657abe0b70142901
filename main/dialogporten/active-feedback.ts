import { eventsFailureMessage } from '../events/events-errors';
import { AppError, isAppError } from '../../shared/domain/app-error';
import { text, type Language } from '../../shared/domain/localized';
import { SERVICES } from '../../shared/domain/services-catalogue';
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
import type { DesktopPort } from '../desktop-port';
import type { EndpointResolver } from '../environments/resolve';
import type { EventHub } from '../ipc/event-hub';
import type { Logger } from '../log/logger';
import type { ProfileService } from '../settings/profiles';
import type { SetupService } from '../setup/setup-service';
import { resourceUrn } from './dialogporten-types';
import { FeedbackPoller, type ChangeListener, type PollIntervals } from './feedback-poller';
import { FeedbackReadState } from './feedback-read-state';
import { FeedbackService } from './feedback-service';
import { feedbackSentence } from '../../shared/feedback/feedback-sentence';

export interface ActiveFeedbackOptions {
  dataDir: string;
  profiles: ProfileService;
  setup: SetupService;
  /** Where each profile's calls go (`main/environments/resolve.ts`). */
  endpoints: EndpointResolver;
  events: EventHub;
  desktop: DesktopPort;
  log: Logger;
  language: () => Language;
  now?: () => Date;
  intervals?: Partial<PollIntervals>;
  /** The outbox's accepted submissions to link dialogs to (`outbox.knownSubmissions()` once it is wired). */
  knownSubmissions?: KnownSubmissionsSource;
}

export type KnownSubmissionsSource = () => Promise<readonly KnownSubmission[]> | readonly KnownSubmission[];

/** The feedback of the profile that is active now, with the token, endpoints and services its setup gives. */
interface ProfileFeedback {
  profileId: string;
  /** What the service was built from: a change (another port, client, owner or services) builds a new one. */
  key: string;
  service: FeedbackService;
  poller: FeedbackPoller;
  reads: FeedbackReadState;
  /** Where the last pass learnt what changed (shown beside the poll times); null before the first pass. */
  source: Extract<FeedbackStatus, { state: 'ready' }>['source'];
}

type NotReady = Extract<FeedbackStatus, { state: 'not-ready' }>;

const SETUP_STEPS = ['key', 'client', 'system', 'request'] as const;

const NO_PROFILE: NotReady = {
  state: 'not-ready',
  reason: 'no-profile',
  missingStep: null,
  message: text('Legg til eller velg en virksomhet først.', 'Add or choose an organisation first.'),
};

/**
 * Skatteetaten's feedback for the active profile, for the app's whole run: a FeedbackService and its poller, made
 * again when the active profile (or its setup) changes, and only once the setup can give a systembruker token.
 * New feedback after a profile's first sync becomes an event, an OS notification and an unread mark.
 */
export class ActiveFeedback {
  private active: ProfileFeedback | null = null;
  private notReady: NotReady = NO_PROFILE;
  private polling = false;
  private suspended = false;
  private disposed = false;
  private refreshing: Promise<void> | null = null;
  private again = false;
  private unsubscribe: (() => void) | null = null;
  private knownSubmissions: KnownSubmissionsSource;
  private fullSearchNext = false;

  constructor(private readonly options: ActiveFeedbackOptions) {
    this.knownSubmissions = options.knownSubmissions ?? (() => []);
  }

  /** The outbox's known submissions, once it exists; until then every dialog counts as made elsewhere. */
  setKnownSubmissions(source: KnownSubmissionsSource): void {
    this.knownSubmissions = source;
  }

  /**
   * Polls while the app runs (the Electron glue and the real-browser harness call this; the CLI and handler tests
   * sync on demand only), and follows profile and setup changes as they are announced.
   */
  start(): void {
    if (this.polling || this.disposed) return;
    this.polling = true;
    this.unsubscribe = this.options.events.subscribe((event, payload) => {
      if (event === 'profiles.changed' || event === 'systemuser.status') void this.refresh();
      // A restarted sandbox listens on a new port: the service must follow it.
      if (event === 'sandbox.status' && (payload as { state: string }).state === 'running') void this.refresh();
    });
    void this.refresh();
  }

  /** The system is going to sleep (powerMonitor 'suspend'). */
  suspend(): void {
    this.suspended = true;
    this.active?.poller.pause();
  }

  /** Back from sleep: poll at once. */
  resume(): void {
    this.suspended = false;
    this.active?.poller.resume();
  }

  /** The network came back. */
  online(): void {
    this.active?.poller.online();
  }

  /** A submission was just accepted: look often for a while. */
  nudge(): void {
    this.active?.poller.nudge();
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribe?.();
    this.active?.poller.stop();
    this.active = null;
  }

  /** Re-reads the active profile and its setup; builds, keeps or drops the service. Never two at once. */
  async refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.again = false;
        await this.evaluate().catch((error: unknown) => {
          this.options.log.warn('feedback: the active profile could not be prepared', { error });
          this.setNotReady({
            state: 'not-ready',
            reason: 'failed',
            missingStep: null,
            message: isAppError(error)
              ? error.localized
              : text('Tilbakemeldinger kan ikke hentes nå.', 'Feedback cannot be fetched now.'),
          });
        });
      } while (this.again && !this.disposed);
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  status(): FeedbackStatus {
    const active = this.active;
    if (!active) return this.notReady;
    return {
      state: 'ready',
      profileId: active.profileId,
      poller: active.poller.getStatus(),
      unread: active.reads.count(),
      source: active.source,
    };
  }

  async currentStatus(): Promise<FeedbackStatus> {
    await this.refresh();
    return this.status();
  }

  /** The active profile's service (for the CLI); a typed error saying what to finish in Oppsett otherwise. */
  async service(): Promise<FeedbackService> {
    return (await this.current()).service;
  }

  async knownSubmissionsNow(): Promise<readonly KnownSubmission[]> {
    return this.knownSubmissions();
  }

  async syncNow(): Promise<FeedbackStatus> {
    const active = await this.current();
    // Asked for by the user: Dialogporten itself, not Events, which shows a change only 30 s after it happened.
    this.fullSearchNext = true;
    await active.poller.pollNow();
    return this.status();
  }

  async list(): Promise<FeedbackList> {
    const active = await this.current();
    const dialogs = await active.service.dialogs();
    const links = await this.linksFor(dialogs);
    const items: FeedbackListItem[] = [];
    for (const dialog of dialogs) items.push(await this.summarise(active, dialog, links.get(dialog.id)));
    items.sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt));
    return { items, unread: active.reads.count() };
  }

  async item(dialogId: string): Promise<FeedbackItem> {
    const active = await this.current();
    const dialog = await this.dialog(active, dialogId);
    const links = await this.linksFor([dialog]);
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

  private async current(): Promise<ProfileFeedback> {
    await this.refresh();
    if (!this.active) {
      throw new AppError(
        this.notReady.reason === 'failed' ? 'FEEDBACK_UNAVAILABLE' : 'FEEDBACK_NOT_READY',
        this.notReady.message,
      );
    }
    return this.active;
  }

  private async evaluate(): Promise<void> {
    if (this.disposed) return;
    const { profiles, setup } = this.options;
    const profile = profiles.active();
    if (!profile) return this.setNotReady(NO_PROFILE);
    const overview = await setup.overview();
    if (overview.steps.request !== 'done') {
      const missing = SETUP_STEPS.find((s) => overview.steps[s] !== 'done') ?? 'request';
      return this.setNotReady({
        state: 'not-ready',
        reason: 'setup-incomplete',
        missingStep: missing,
        message: setupMessage(missing),
      });
    }
    const context = await setup.tokenContext(profile);
    const endpoints = await this.options.endpoints.forProfile(profile);
    const services = overview.system?.services ?? overview.services;
    const owner = context.systemUser.orgNumber;
    const key = [
      profile.id,
      owner,
      overview.client?.clientId,
      endpoints.dialogporten.base,
      endpoints.maskinporten.tokenEndpoint,
      services.join(','),
    ].join(' ');
    if (this.active?.key === key || this.disposed) return;

    const reads = new FeedbackReadState(this.options.dataDir, profile.id);
    await reads.load();
    const service = new FeedbackService({
      dataDir: this.options.dataDir,
      profile: { id: profile.id, orgNumber: profile.orgNumber },
      endpoints,
      sandbox: profile.environment === 'sandbox',
      log: this.options.log,
      services,
      ...(owner !== profile.orgNumber ? { otherOrgs: [owner] } : {}),
      accessToken: async (scope) =>
        (await context.tokens.tokenForScopes({ scopes: [scope], systemUser: context.systemUser })).value,
      language: this.options.language(),
      ...(this.options.now ? { now: this.options.now } : {}),
      // Altinn Events between full searches: feedback shows up without searching every dialog (main/events/).
      events: {},
    });
    const poller = new FeedbackPoller({
      sync: async (onChanges: ChangeListener) => {
        const fullSearch = this.fullSearchNext;
        this.fullSearchNext = false;
        // Changes are passed on once their documents are fetched, so a notification can say what the document says.
        const heard: Parameters<ChangeListener>[] = [];
        const result = await service.syncOnce((changes, context) => void heard.push([changes, context]), {
          fullSearch,
        });
        if (result.eventsFailure) {
          this.options.log.info('feedback: Altinn Events not used, searched Dialogporten', {
            code: result.eventsFailure,
          });
        }
        next.source = {
          kind: result.source,
          eventsRefused: result.eventsRefused ? eventsFailureMessage(result.eventsRefused) : null,
        };
        // Documents Skatteetaten had not made at the last pass (or whose fetch failed) are tried again.
        await service.fetchMissingDocuments();
        for (const [changes, context] of heard) onChanges(changes, context);
        return result;
      },
      onChanges: (changes, context) => this.arrived(next, changes, context.initial),
      onStatus: () => {
        if (this.active === next) this.emitStatus();
      },
      ...(this.options.intervals ? { intervals: this.options.intervals } : {}),
      ...(this.options.now ? { now: this.options.now } : {}),
    });
    // The poller's callbacks run only after start()/pollNow(), by which time `next` exists.
    const next: ProfileFeedback = { profileId: profile.id, key, service, reads, poller, source: null };
    this.active?.poller.stop();
    this.active = next;
    this.options.log.info('feedback: following the active profile', { profileId: profile.id });
    if (this.polling) {
      next.poller.start();
      if (this.suspended) next.poller.pause();
    }
    this.emitStatus();
  }

  private setNotReady(status: NotReady): void {
    const changed = this.active !== null || JSON.stringify(status) !== JSON.stringify(this.notReady);
    this.active?.poller.stop();
    this.active = null;
    this.notReady = status;
    if (changed) this.emitStatus();
  }

  private emitStatus(): void {
    if (!this.disposed) this.options.events.emit('feedback.status', this.status());
  }

  /** New feedback after the first sync: unread, an event for the window, one OS notification per transmission. */
  private arrived(active: ProfileFeedback, changes: Parameters<ChangeListener>[0], initial: boolean): void {
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
    void active.reads
      .addUnread([...fresh.keys()])
      .then(async (unread) => {
        if (this.active !== active || this.disposed) return;
        this.options.events.emit('feedback.new', {
          profileId: active.profileId,
          items: [...fresh].map(([transmissionId, f]) => ({ dialogId: f.dialog.id, transmissionId, title: f.title })),
          unread,
        });
        this.emitStatus();
        const en = this.options.language() === 'en';
        const company =
          this.options.profiles.state().profiles.find((p) => p.id === active.profileId)?.displayName ?? '';
        for (const { dialog } of fresh.values()) {
          const sentence = feedbackSentence(company, await this.summarise(active, dialog, undefined));
          this.options.desktop.notify({
            title: en ? 'New feedback from Skatteetaten' : 'Ny tilbakemelding fra Skatteetaten',
            body: en ? sentence.en : sentence.nb,
            onClick: () => this.options.events.emit('feedback.open', { dialogId: dialog.id }),
          });
        }
      })
      .catch((error: unknown) => this.options.log.error('feedback: could not record new feedback', { error }));
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

  private async linksFor(dialogs: readonly FeedbackDialog[]): Promise<Map<string, DialogLink>> {
    let submissions: readonly KnownSubmission[] = [];
    try {
      submissions = await this.knownSubmissions();
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
