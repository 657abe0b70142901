import { join } from 'node:path';
import type { Profile } from '../shared/domain/profile';
import { SettingsStore } from './settings/settings-store';
import { ProfileService } from './settings/profiles';
import { EventHub } from './ipc/event-hub';
import { SandboxController } from './sandbox/sandbox-controller';
import { emulatorModules } from './sandbox/modules';
import { createDispatcher, type Dispatch } from './ipc/dispatch';
import { createHandlers } from './ipc/handlers';
import { createLogger, type Logger } from './log/logger';
import type { EmulatorModule } from './sandbox/host';
import type { DesktopPort } from './desktop-port';
import type { KeyStore } from './keys/key-store';
import { createKeytarKeyStore } from './keys/keytar-key-store';
import { SetupService } from './setup/setup-service';
import { createReportsService, type ReportsService } from './reports/reports-service';
import { profileSubmissions } from './reports/known-messages';
import { checkReportFilesBySize, checkReportFilesInWorker, identifyReportsInWorker } from './reports/check-in-worker';
import { routingTargetsFor } from './reports/route-targets';
import { createProfileChanges, type ProfileChanges } from './settings/profile-changes';
import { FeedbackWorkers } from './dialogporten/feedback-workers';
import type { PollIntervals } from './dialogporten/feedback-poller';
import { OutboxWorkers } from './outbox/outbox-workers';
import type { RetryPolicy } from './outbox/retry-policy';
import { SkattekortWorkers } from './skattekort/skattekort-workers';
import { BackgroundScheduler } from './background/background-scheduler';
import type { BackoffPolicy } from './background/backoff';
import { AvstemmingService } from './avstemming/avstemming-service';
import type { AnswerPollIntervals } from './skattekort/answer-poller';
import { TredjepartService } from './tredjepart/tredjepart-service';
import { TredjepartDraftStore } from './tredjepart/tredjepart-drafts';
import { DeadlineService } from './deadlines/deadline-service';
import { PrerequisiteChecklistService } from './setup/prerequisite-checklist';
import { DeadlineWarnings, deadlineWarningsJob } from './deadlines/deadline-warnings';
import { notifyOutboxProblems } from './outbox/outbox-notifications';
import { FirmClients } from './firm/firm-clients';
import { explainClientRefusal } from './firm/client-refusal';
import { ClientOverviewService } from './firm/client-overview-service';
import { profileDir, SetupStateFile } from './setup/setup-state';
import { CustomEnvironments } from './environments/custom-environments';
import { createEndpointResolver, type EndpointResolver } from './environments/resolve';
import { ActiveRegister } from './enhetsregisteret/active-register';
import { closeDataStore, openDataStore } from './store/data-store';
import type { Store } from './store/store';

export interface AppServicesOptions {
  dataDir: string;
  host: 'electron' | 'node';
  version: string;
  /** The OS around the app: browser, file dialogs, clipboard, notifications (Electron's, or plain functions). */
  desktop: DesktopPort;
  log?: Logger;
  /** The SQLite addon built for this runtime, where node_modules holds one for another (see SqliteStoreOptions). */
  sqliteBinding?: string;
  modules?: () => EmulatorModule[];
  /** Where private keys live: the OS keychain (keytar) unless a test names its own keychain service. */
  keyStore?: KeyStore;
  /** How often a pending systembruker request is polled (default 3 s). */
  setupPollIntervalMs?: number;
  /** Poll Dialogporten for feedback while running (default: in Electron only; the CLI syncs on demand). */
  feedbackPolling?: boolean;
  /** The feedback poller's schedule (tests shorten it). */
  feedbackIntervals?: Partial<PollIntervals>;
  /** Run the active profile's outbox from the start (default: in Electron; elsewhere from the first submit). */
  outboxAutoStart?: boolean;
  /** The outbox's retry timing (tests shorten it). */
  outboxRetry?: Partial<RetryPolicy>;
  /** How often a skattekort order's answer is asked for while it is not ready (tests shorten it). */
  skattekortPoll?: Partial<AnswerPollIntervals>;
  /**
   * Run every report check in a worker thread, off the main thread (default: in Electron); otherwise (the CLI) a
   * check of 32 MiB or more runs in the same heap-limited worker and a smaller one inline.
   */
  checksInWorker?: boolean;
  /**
   * Fetch Enhetsregisteret in the background when a profile is activated and after each check (default: in
   * Electron only; a CLI command should not leave a request running when it is done).
   */
  registerPrefetch?: boolean;
  /** Warn about deadlines due soon with OS notifications while running (default: in Electron only). */
  deadlineWarnings?: boolean;
  /** OS notifications for rejected submissions and ones that stopped trying (default: in Electron only). */
  outboxNotifications?: boolean;
  /** How many background passes (over every profile and client) may run at once (default 4). */
  backgroundConcurrency?: number;
  /** A failing profile's or client's backoff (tests shorten it). */
  backgroundBackoff?: Partial<BackoffPolicy>;
  /**
   * Parties per Dialogporten search when it publishes no `GET /api/v1/metadata/limits` (UNCONFIRMED in production;
   * default 20, the documented limit).
   */
  feedbackPartyLimit?: number;
  now?: () => Date;
}

/**
 * Everything main does, assembled once, with no Electron in it: the Electron glue, the CLI and the real-browser
 * harness all build the app from here and differ only in how calls reach `dispatch`.
 */
export interface AppServices {
  options: AppServicesOptions;
  log: Logger;
  settings: SettingsStore;
  profiles: ProfileService;
  /** Every change to the profiles announced (`profiles.changed`), and `show` for main's own switch of profile. */
  profileChanges: ProfileChanges;
  events: EventHub;
  sandbox: SandboxController;
  /** Where each profile's calls go; for a sandbox profile it starts the emulator (the only link to it). */
  endpoints: EndpointResolver;
  /**
   * The data dir's database (`<dataDir>/innsender.db`): every profile's outbox, firm clients, feedback state and
   * audit index, and `summaryByClient` for the firm's overview.
   */
  store: Store;
  /** Custom environment files picked in main (the page names them by pick id) and their hosts' confirmation. */
  customEnvironments: CustomEnvironments;
  /** The active profile's Maskinporten key, client, Altinn system and systembruker (`<dataDir>/profiles/<id>/`). */
  setup: SetupService;
  /** What the user has ticked as done of the setup prerequisites (`<dataDir>/profiles/<id>/prerequisites.json`). */
  prerequisites: PrerequisiteChecklistService;
  /** Report checks and drafts (`<dataDir>/drafts`), with the active profile's organisation and environment. */
  reports: ReportsService;
  /**
   * The work that runs for every set-up profile and client whichever profile is shown: the outbox, the feedback
   * sync, skattekort answers and deadline warnings, with bounded concurrency and per-unit backoff.
   */
  background: BackgroundScheduler;
  /**
   * Skatteetaten's feedback (Dialogporten) for every set-up profile and a firm's clients, fetched in the background;
   * the channels answer for the active profile. Dialogs are linked to each profile's outbox submissions.
   */
  feedback: FeedbackWorkers;
  /** Every profile's durable outbox and audit log (`<dataDir>/profiles/<id>/outbox`, `audit.jsonl`), all running. */
  outbox: OutboxWorkers;
  /** Skattekort til arbeidsgiver: orders through the outbox, every profile's answers polled (`<profile>/skattekort/`). */
  skattekort: SkattekortWorkers;
  /** The a-melding avstemmingsrapport, reconciled against what the outbox sent; exported as CSV or PDF. */
  avstemming: AvstemmingService;
  /** Tredjepartsopplysninger: check a scheme's file, keep drafts (`<dataDir>/tredjepart/<id>/`), send via the outbox. */
  tredjepart: TredjepartService;
  /** The active profile's deadlines for its chosen services (`<dataDir>/profiles/<id>/deadlines.json`). */
  deadlines: DeadlineService;
  /** OS notifications for deadlines within the warning days, once per deadline per day. */
  deadlineWarnings: DeadlineWarnings;
  /** An accounting firm's clients and their delegation to its agent systembruker (in `store`). */
  firm: FirmClients;
  /** The firm's home: each client (or profile) with what needs attention, from the services above. */
  clientOverview: ClientOverviewService;
  /** Enhetsregisteret: names for the forms, cached facts for the checks (`<dataDir>/enhetsregisteret.json`). */
  register: ActiveRegister;
  dispatch: Dispatch;
  dispose(): Promise<void>;
}

export function createAppServices(options: AppServicesOptions): AppServices {
  const log = options.log ?? createLogger({ file: join(options.dataDir, 'logs', 'innsender.log') });
  const settings = SettingsStore.open(options.dataDir, log, options.now);
  // Opened first: a damaged database stops the start here with its message, before anything reads or writes.
  const store = openDataStore(options.dataDir, {
    ...(options.now ? { now: options.now } : {}),
    ...(options.sqliteBinding ? { nativeBinding: options.sqliteBinding } : {}),
    onLegacyImport: (report) => log.info('store: imported the JSON files of the earlier layout', { ...report }),
  });
  const profiles = new ProfileService(settings, options.now);
  const events = new EventHub();
  const sandbox = new SandboxController({
    dataDir: options.dataDir,
    modules: options.modules ?? emulatorModules,
    events,
    log,
    ...(options.now ? { now: options.now } : {}),
  });
  const profileChanges = createProfileChanges({ profiles, settings, sandbox, events, log });
  // The one place that knows the emulator: a sandbox profile's endpoints start it; every module gets only this.
  const endpoints = createEndpointResolver(sandbox);
  const keyStore = options.keyStore ?? createKeytarKeyStore();
  const customEnvironments = new CustomEnvironments({
    desktop: options.desktop,
    language: () => settings.read().language,
    ...(options.now ? { now: options.now } : {}),
  });
  const setup = new SetupService({
    dataDir: options.dataDir,
    keyStore,
    profiles,
    endpoints,
    desktop: options.desktop,
    events,
    log,
    language: () => settings.read().language,
    ...(options.now ? { now: options.now } : {}),
    ...(options.setupPollIntervalMs ? { pollIntervalMs: options.setupPollIntervalMs } : {}),
  });
  const prerequisites = new PrerequisiteChecklistService({
    dataDir: options.dataDir,
    profiles,
    endpoints,
    ...(options.now ? { now: options.now } : {}),
  });
  const firm = new FirmClients({
    dataDir: options.dataDir,
    profiles,
    setup,
    endpoints,
    desktop: options.desktop,
    log,
    ...(options.now ? { now: options.now } : {}),
  });
  const background = new BackgroundScheduler({
    log,
    ...(options.backgroundConcurrency ? { concurrency: options.backgroundConcurrency } : {}),
    ...(options.backgroundBackoff ? { backoff: options.backgroundBackoff } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const feedback = new FeedbackWorkers({
    dataDir: options.dataDir,
    profiles,
    setup,
    endpoints,
    events,
    desktop: options.desktop,
    log,
    language: () => settings.read().language,
    scheduler: background,
    // The clients delegated to a firm's agent systembruker: the ones its token may search for.
    clientsOf: async (profile) =>
      (await firm.list(profile))
        .filter((c) => c.delegation.state === 'delegated')
        .map((c) => ({ orgNumber: c.orgNumber, name: c.name })),
    ...(options.feedbackPartyLimit ? { defaultPartyLimit: options.feedbackPartyLimit } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.feedbackIntervals ? { intervals: options.feedbackIntervals } : {}),
  });
  const clientOrgs = async (profile: Profile) => (await firm.list(profile)).map((c) => c.orgNumber);
  const register = new ActiveRegister({
    dataDir: options.dataDir,
    endpoints,
    activeProfile: () => profiles.active(),
    clientOrgs,
    log,
    ...(options.now ? { now: options.now } : {}),
  });
  const registerPrefetch = options.registerPrefetch ?? options.host === 'electron';
  // A profile activated (or created, or changed) gets its organisation and clients fetched in the background.
  events.subscribe((event) => {
    const active = profiles.active();
    if (registerPrefetch && event === 'profiles.changed' && active) void register.prefetch(active);
  });
  const checksInWorker = options.checksInWorker ?? options.host === 'electron';
  const reports = createReportsService({
    draftsDir: join(options.dataDir, 'drafts'),
    activeProfile: () => profiles.active(),
    clientOrgs,
    register: {
      factsFor: (profile) => register.factsFor(profile),
      ...(registerPrefetch ? { prefetch: (profile, orgs) => register.prefetch(profile, orgs) } : {}),
    },
    desktop: options.desktop,
    language: () => settings.read().language,
    // The outbox is made just below; it is only asked once a check runs.
    submissions: () => profileSubmissions(outbox),
    checkFiles: checksInWorker ? checkReportFilesInWorker : checkReportFilesBySize,
    ...(options.now ? { check: { now: options.now } } : {}),
    profileById: (id) => profiles.state().profiles.find((p) => p.id === id) ?? null,
    routing: {
      targets: (active) =>
        routingTargetsFor(active, {
          profiles: () => profiles.state().profiles,
          clients: (firmProfile) => firm.list(firmProfile),
          submissionsOf: (profile) => outbox.listFor(profile.id),
          register: (profile) => register.factsFor(profile),
          ...(options.now ? { check: { now: options.now } } : {}),
        }),
      ...(checksInWorker ? { identify: identifyReportsInWorker } : {}),
      onProgress: (progress) => events.emit('reports.routeProgress', progress),
      // The tredjepart service is made below; it is only asked once a routed file is checked.
      tredjepart: { checkRouted: (input, target) => tredjepart.checkRouted(input, target) },
    },
  });
  const outbox = new OutboxWorkers({
    dataDir: options.dataDir,
    profiles,
    setup,
    endpoints,
    drafts: reports.drafts,
    events,
    log,
    keyStore,
    scheduler: background,
    onReceived: (profileId) => feedback.nudge(profileId),
    explainFailure: (profile, org, error) => explainClientRefusal(firm, profile, org, error),
    ...(options.now ? { now: options.now } : {}),
    ...(options.outboxRetry ? { retry: options.outboxRetry } : {}),
  });
  feedback.setKnownSubmissions((profileId) => outbox.knownSubmissions(profileId));
  const skattekort = new SkattekortWorkers({
    dataDir: options.dataDir,
    profiles,
    setup,
    endpoints,
    outbox,
    scheduler: background,
    drafts: reports.drafts,
    events,
    desktop: options.desktop,
    log,
    language: () => settings.read().language,
    ...(options.now ? { now: options.now } : {}),
    ...(options.skattekortPoll ? { intervals: options.skattekortPoll } : {}),
    ...(options.outboxRetry ? { retry: options.outboxRetry } : {}),
  });
  const avstemming = new AvstemmingService({
    activeProfile: () => profiles.active(),
    setup,
    endpoints,
    outbox,
    desktop: options.desktop,
    language: () => settings.read().language,
    ...(options.now ? { now: options.now } : {}),
  });
  const tredjepart = new TredjepartService({
    activeProfile: () => profiles.active(),
    desktop: options.desktop,
    drafts: new TredjepartDraftStore(join(options.dataDir, 'tredjepart')),
    endpoints,
    outbox,
    profileById: (id) => profiles.state().profiles.find((p) => p.id === id) ?? null,
    submissionsOf: (profile) => outbox.listFor(profile.id),
    language: () => settings.read().language,
    ...(options.now ? { now: options.now } : {}),
  });
  const deadlines = new DeadlineService({
    dataDir: options.dataDir,
    profiles,
    submissions: (profile) => outbox.listFor(profile.id),
    desktop: options.desktop,
    ...(options.now ? { now: options.now } : {}),
  });
  const deadlineWarnings = new DeadlineWarnings({
    deadlines,
    profiles,
    desktop: options.desktop,
    events,
    profileChanges,
    log,
    language: () => settings.read().language,
    firmClients: firm,
    store,
  });
  const clientOverview = new ClientOverviewService({
    profiles,
    firm,
    setupState: (profile) => new SetupStateFile(profileDir(options.dataDir, profile.id)).read(),
    reports,
    feedback,
    deadlines,
    store,
    ...(options.now ? { now: options.now } : {}),
  });
  const deadlineWarningsOn = options.deadlineWarnings ?? options.host === 'electron';
  if (deadlineWarningsOn) background.register(deadlineWarningsJob(deadlineWarnings, profiles));
  const services: AppServices = {
    options,
    log,
    settings,
    profiles,
    profileChanges,
    events,
    sandbox,
    endpoints,
    store,
    customEnvironments,
    setup,
    prerequisites,
    background,
    feedback,
    outbox,
    skattekort,
    avstemming,
    tredjepart,
    reports,
    deadlines,
    deadlineWarnings,
    firm,
    clientOverview,
    register,
    dispatch: async () => {
      throw new Error('dispatch used before it was set');
    },
    async dispose() {
      // Timers first, then what each pass under way was doing.
      await background.dispose();
      services.feedback.dispose();
      await services.skattekort.dispose();
      await services.outbox.dispose();
      services.setup.dispose();
      await sandbox.stop();
      await closeDataStore(options.dataDir);
    },
  };
  services.dispatch = createDispatcher(createHandlers(services), log);
  // Rejections and submissions that stopped trying reach the user even when the app is in the background (the CLI
  // prints the outcome itself).
  if (options.outboxNotifications ?? options.host === 'electron') {
    notifyOutboxProblems({
      events,
      profiles,
      desktop: options.desktop,
      language: () => settings.read().language,
      clientName: async (profile, org) =>
        profile.kind === 'firm' ? ((await firm.list(profile)).find((c) => c.orgNumber === org)?.name ?? null) : null,
    });
  }
  if (options.feedbackPolling ?? options.host === 'electron') feedback.start();
  // The app resumes what was left queued or sending; the CLI and tests start it with their first submission.
  if (options.outboxAutoStart ?? options.host === 'electron') void outbox.start();
  // Received skattekort orders without an answer are asked for again (the CLI and tests: from first use).
  if (options.outboxAutoStart ?? options.host === 'electron') void skattekort.start();
  // Profiles added or removed get their deadline warnings (the other jobs follow the events themselves).
  if (deadlineWarningsOn) {
    events.subscribe((event) => void (event === 'profiles.changed' && background.refresh()));
    void background.refresh();
  }
  return services;
}

/** The sandbox runs whenever the active profile uses it, so the first call finds it ready. */
export async function startActiveEnvironment(services: AppServices): Promise<void> {
  if (services.profiles.active()?.environment === 'sandbox') await services.sandbox.ensureRunning();
}
