import { join } from 'node:path';
import { AppError } from '../../shared/domain/app-error';
import { text, type LocalizedText } from '../../shared/domain/localized';
import type { Profile } from '../../shared/domain/profile';
import { DIALOGPORTEN_SCOPE, scopeOf } from '../../shared/domain/services-catalogue';
import type { KnownSubmission } from '../../shared/feedback/matching';
import type { OutboxStatus, SubmitPreview } from '../../shared/outbox/outbox-views';
import { targetOrg, type Submission } from '../../shared/outbox/submission';
import type { EndpointResolver } from '../environments/resolve';
import type { EventHub } from '../ipc/event-hub';
import type { Logger } from '../log/logger';
import type { DraftStore } from '../reports/draft-store';
import type { ProfileService } from '../settings/profiles';
import type { SetupService } from '../setup/setup-service';
import { profileDir } from '../setup/setup-state';
import { AksjonaerregisterClient } from '../skatteetaten/aksjonaerregister-client';
import { AMeldingClient } from '../skatteetaten/amelding-client';
import { SkattekortClient } from '../skatteetaten/skattekort-client';
import { TpoFileReceptionClient } from '../skatteetaten/tpo-file-reception-client';
import { DialogportenClient } from '../dialogporten/dialogporten-client';
import { dialogportenReceivedLookup } from './received-lookup';
import { knownSubmissionsOf } from './known-submissions';
import { TredjepartClient } from '../skatteetaten/tredjepart-client';
import { serviceScopes } from '../../shared/domain/endpoints';
import { createSkatteetatenHttp } from '../skatteetaten/skatteetaten-http';
import { systemUserTokens } from '../skatteetaten/skatteetaten-tokens';
import type { KeyStore } from '../keys/key-store';
import type { BackgroundScheduler } from '../background/background-scheduler';
import { everyProfileJob, rerunOnProfileChanges } from '../background/profile-job';
import { keychainAuditKeyring } from './audit-key';
import { AuditLog, type VerifyResult } from './audit-log';
import { readDraftSubmission, submissionFromDraft } from './draft-submission';
import { enqueueChecked, existingSubmission } from './duplicate-guard';
import { createOutbox, type Connectivity, type EnqueueInput, type Outbox, type OutboxEvent } from './outbox';
import { payloadDigest } from './payload-digest';
import type { RetryPolicy } from './retry-policy';
import { skatteetatenTransport, type SubmissionTransport } from './transport';
import { dataStore } from '../store/data-store';
import type { SubmissionRepository } from '../store/store';
import { substanceOf } from '../../shared/outbox/report-substance';

export interface OutboxWorkersOptions {
  dataDir: string;
  profiles: ProfileService;
  setup: SetupService;
  /** Where each profile's calls go (`main/environments/resolve.ts`). */
  endpoints: EndpointResolver;
  drafts: DraftStore;
  events: EventHub;
  log: Logger;
  /** The OS keychain: each profile's audit log is anchored by an HMAC key kept there. */
  keyStore: KeyStore;
  /** Starts each set-up profile's outbox in the background (`main/background/`), whichever profile is shown. */
  scheduler: BackgroundScheduler;
  now?: () => Date;
  retry?: Partial<RetryPolicy>;
  /** A submission of this profile was received: its feedback is looked for more often for a while. */
  onReceived?: (profileId: string) => void;
  /**
   * A failed send for `org`, before the outbox sorts it: may return another error that says it for this profile
   * (a firm's client taken off its systembruker: `main/firm/client-refusal.ts`).
   */
  explainFailure?: (profile: Profile, org: string, error: unknown) => Promise<unknown>;
}

/** One profile's outbox and audit log, in `<data>/profiles/<id>/outbox/` and `<data>/profiles/<id>/audit.jsonl`. */
interface ProfileOutbox {
  profile: Profile;
  dir: string;
  store: SubmissionRepository;
  audit: AuditLog;
  outbox: Outbox;
  started: boolean;
  /** Why it is not running yet (the setup is not finished), for the status. */
  notReadyMessage: LocalizedText | null;
  /** The start under way, so two callers never start it twice. */
  starting: Promise<void> | null;
}

const JOB = 'outbox';

/** The files of one profile's outbox and audit log. */
export function outboxPaths(dataDir: string, profileId: string) {
  const dir = profileDir(dataDir, profileId);
  return { outbox: join(dir, 'outbox'), audit: join(dir, 'audit.jsonl') };
}

/**
 * Every profile's outbox: each runs (sending, resuming what a crash left `sending`) once its setup can give a
 * systembruker token, started by the `outbox` job of the app's BackgroundScheduler whichever profile the window
 * shows, so switching profile never stops a send. The `outbox.*` channels answer for the active profile; what is
 * on disk is listed, and the audit log verified and exported, also before its outbox runs.
 *
 * The Skatteetaten clients are made at send time from the setup and the environment, so a sandbox restarted on
 * another port, a new key or a new client needs no new outbox.
 */
export class OutboxWorkers {
  private readonly entries = new Map<string, ProfileOutbox>();
  /** Run every profile's outbox (set by the app at start, or by the first submit, retry or cancel). */
  private wanted = false;
  private disposed = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: OutboxWorkersOptions) {
    options.scheduler.register(
      everyProfileJob({
        name: JOB,
        profiles: options.profiles,
        on: () => this.wanted && (this.stopRemoved(), true),
        run: async (profile) => {
          await this.startIfReady(this.entryFor(profile));
          // Once running, the outbox retries by itself (retry-policy.ts); a setup change asks for a new pass.
          return { nextInMs: null };
        },
      }),
    );
    this.unsubscribe = rerunOnProfileChanges(options.events, options.scheduler, JOB, () => this.wanted);
  }

  /** Runs every set-up profile's outbox from now on (the app's start: it resumes what was left). */
  async start(): Promise<void> {
    this.wanted = true;
    await this.options.scheduler.startJob(JOB, this.options.profiles.active()?.id);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.unsubscribe();
    const entries = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(entries.map(async (e) => (await e.starting?.catch(() => undefined), this.stop(e))));
  }

  status(): OutboxStatus {
    const profile = this.options.profiles.active();
    const active = profile ? this.entries.get(profile.id) : undefined;
    return {
      profileId: profile?.id ?? null,
      running: !!active?.started,
      connectivity: active?.started ? active.outbox.connectivity() : 'online',
      message: active?.started ? null : (active?.notReadyMessage ?? null),
    };
  }

  async currentStatus(): Promise<OutboxStatus> {
    const active = await this.current().catch(() => null);
    if (active && this.wanted) await this.startIfReady(active).catch(() => undefined);
    return this.status();
  }

  async list(): Promise<Submission[]> {
    return this.listOf(await this.current());
  }

  /**
   * Any profile's submissions, whichever is shown: from its outbox while that runs (every set-up profile's does, in
   * the background), else its records in the store, read without touching them. The background jobs, deadlines and
   * routing (a file checked for another profile) read them.
   */
  async listFor(profileId: string): Promise<Submission[]> {
    const profile = this.options.profiles.state().profiles.find((p) => p.id === profileId);
    if (!profile) return dataStore(this.options.dataDir).submissions(profileId).list();
    return this.listOf(this.entryFor(profile));
  }

  async get(id: string): Promise<Submission> {
    const found = (await this.list()).find((s) => s.id === id);
    if (!found) throw notFound(id);
    return found;
  }

  /** What the draft would send and where, for the confirmation. */
  async preview(draftId: string): Promise<SubmitPreview> {
    const active = await this.current();
    const draft = await this.draft(active.profile, draftId);
    const input = submissionFromDraft(draft);
    const digest = payloadDigest(input.payload);
    const endpoints = await this.options.endpoints.forProfile(active.profile);
    const base =
      input.target.service === 'a-melding' ? endpoints.skatteetaten.amelding : endpoints.skatteetaten.aksjonaerregister;
    const ref = { target: input.target, payloadSha256: digest.sha256, createdAt: this.now().toISOString() };
    const existing = existingSubmission(await this.list(), ref);
    return {
      draftId,
      label: input.label,
      target: input.target,
      payloadBytes: digest.bytes,
      payloadSha256: digest.sha256,
      profile: { displayName: active.profile.displayName, orgNumber: active.profile.orgNumber },
      environment: active.profile.environment,
      destination: base,
      existing: existing ?? null,
      substance: substanceOf(draft.result),
    };
  }

  /**
   * Queues an error-free draft of the active profile; its bytes are on disk before this returns. A report the
   * outbox already holds answers with that submission (duplicate-guard.ts), even when its re-check now has errors.
   */
  async submit(draftId: string): Promise<Submission> {
    return this.submitDraft(await this.running(), draftId);
  }

  /**
   * The same for a draft of another set-up profile than the one shown (a routed file for a business's other
   * company): queued in that profile's outbox, which the background keeps running. `guard` sees the target first
   * (a firm's delegation check) and may refuse it before anything is queued.
   */
  async submitFor(
    profileId: string,
    draftId: string,
    guard?: (target: EnqueueInput['target']) => Promise<void>,
  ): Promise<Submission> {
    return this.submitDraft(await this.readyFor(profileId), draftId, guard);
  }

  /** A set-up profile's outbox, running, to queue in; a typed error when the profile is unknown or not set up. */
  async outboxFor(profileId: string): Promise<Pick<Outbox, 'enqueue' | 'list'>> {
    return (await this.readyFor(profileId)).outbox;
  }

  /** Queues a submission made elsewhere than from a draft (a skattekort order); on disk before this returns. */
  async enqueue(input: EnqueueInput): Promise<Submission> {
    return (await this.running()).outbox.enqueue(input);
  }

  async cancel(id: string): Promise<Submission> {
    return (await this.running()).outbox.cancel(id);
  }

  async retry(id: string): Promise<Submission> {
    return (await this.running()).outbox.retry(id);
  }

  /**
   * The active profile's login works again (a test connection got a token): what waits for the user because
   * Maskinporten refused the login (an expired or unregistered key, a wrong client id) is sent now. A firm has one
   * login for every client, so one renewed key would otherwise leave a "Prøv igjen nå" to press per client.
   */
  async resumeAfterLogin(): Promise<Submission[]> {
    const entry = await this.current();
    if (!entry.started) return [];
    const waiting = (await entry.outbox.list()).filter(
      (s) =>
        s.state.kind === 'failed' &&
        s.state.reason === 'needs-action' &&
        s.state.error.code.startsWith('MASKINPORTEN_'),
    );
    return Promise.all(waiting.map((s) => entry.outbox.retry(s.id)));
  }

  /** Resolves when nothing of the active profile's is queued, sending or waiting for an automatic retry. */
  async whenSettled(): Promise<void> {
    const active = await this.current();
    if (active.started) await active.outbox.whenSettled();
  }

  /** The log, its head and anchor, and the outbox's records against it (records first: the log can only be ahead). */
  async verifyAudit(): Promise<VerifyResult> {
    const submissions = await this.list();
    return (await this.current()).audit.verify(submissions);
  }

  async exportAudit(format: 'csv' | 'json'): Promise<string> {
    const { audit } = await this.current();
    return format === 'csv' ? audit.exportCsv() : audit.exportJson();
  }

  /**
   * The a-meldinger Skatteetaten received from this profile, with the exact bytes sent: what the avstemmingsrapport
   * is reconciled against (`main/avstemming/`).
   */
  async receivedAMeldinger(): Promise<{ submission: Submission; body: string }[]> {
    const { store } = await this.current();
    const found: { submission: Submission; body: string }[] = [];
    for (const s of await this.list()) {
      if (s.state.kind !== 'received' || s.target.service !== 'a-melding') continue;
      const payload = await store.readPayload(s.id).catch(() => null);
      if (payload?.service === 'a-melding') found.push({ submission: s, body: payload.body });
    }
    return found;
  }

  /** A profile's received submissions with the ids Skatteetaten gave, for linking its feedback. */
  async knownSubmissions(profileId?: string): Promise<KnownSubmission[]> {
    const profile = profileId
      ? this.options.profiles.state().profiles.find((p) => p.id === profileId)
      : this.options.profiles.active();
    if (!profile) return [];
    return knownSubmissionsOf(await this.listOf(this.entryFor(profile)).catch(() => [] as Submission[]));
  }

  // --- plumbing -------------------------------------------------------------------------------------------------

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** A removed profile's outbox stops (its files stay on disk, as before). */
  private stopRemoved(): void {
    const ids = new Set(this.options.profiles.state().profiles.map((p) => p.id));
    for (const [id, entry] of this.entries) {
      if (!ids.has(id)) {
        this.entries.delete(id);
        void this.stop(entry);
      }
    }
  }

  /** The active profile's outbox (made, not necessarily running). */
  private async current(): Promise<ProfileOutbox> {
    const profile = this.options.profiles.active();
    if (!profile || this.disposed) {
      throw new AppError(
        'OUTBOX_NO_PROFILE',
        text('Legg til eller velg en virksomhet først.', 'Add or choose an organisation first.'),
      );
    }
    return this.entryFor(profile);
  }

  /** The active outbox, running; a typed error saying what to finish in Oppsett otherwise. */
  private async running(): Promise<ProfileOutbox> {
    return this.started(await this.current());
  }

  /** Any set-up profile's outbox, running: the profile id came from the window, so it is checked here. */
  private async readyFor(profileId: string): Promise<ProfileOutbox> {
    const profile = this.options.profiles.state().profiles.find((p) => p.id === profileId);
    if (!profile || this.disposed) {
      throw new AppError(
        'OUTBOX_PROFILE_UNKNOWN',
        text(
          'Virksomheten er ikke satt opp her. Legg den til under Oppsett først.',
          'The organisation is not set up here. Add it under Setup first.',
        ),
      );
    }
    return this.started(this.entryFor(profile));
  }

  private async started(entry: ProfileOutbox): Promise<ProfileOutbox> {
    if (!this.wanted) {
      this.wanted = true;
      void this.options.scheduler.refresh();
    }
    await this.startIfReady(entry);
    if (!entry.started) {
      throw new AppError(
        'OUTBOX_NOT_READY',
        entry.notReadyMessage ?? text('Utboksen er ikke klar ennå.', 'The outbox is not ready yet.'),
      );
    }
    return entry;
  }

  private async submitDraft(
    entry: ProfileOutbox,
    draftId: string,
    guard?: (target: EnqueueInput['target']) => Promise<void>,
  ): Promise<Submission> {
    const draft = await this.draft(entry.profile, draftId);
    const read = () => readDraftSubmission(draft);
    if (guard) {
      // A draft that cannot be read is refused by enqueueChecked below with its findings.
      const target = (() => {
        try {
          return read().target;
        } catch {
          return null;
        }
      })();
      if (target) await guard(target);
    }
    return enqueueChecked(
      entry.outbox,
      { valid: draft.result.valid, findings: draft.result.findings, read },
      this.now(),
    );
  }

  private entryFor(profile: Profile): ProfileOutbox {
    let entry = this.entries.get(profile.id);
    if (!entry) {
      entry = this.create(profile);
      this.entries.set(profile.id, entry);
    }
    return entry;
  }

  private async listOf(entry: ProfileOutbox): Promise<Submission[]> {
    // Not running: read without touching (the outbox sets aside and sweeps at its start, maybe in another process).
    return entry.started ? entry.outbox.list() : entry.store.list();
  }

  private async draft(profile: Profile, draftId: string) {
    const draft = await this.options.drafts.get(profile.id, draftId);
    if (!draft) {
      throw new AppError(
        'OUTBOX_DRAFT_NOT_FOUND',
        text('Fant ikke utkastet hos denne virksomheten.', 'The draft was not found for this organisation.'),
        [draftId],
      );
    }
    return draft;
  }

  /** Starts a profile's outbox once its setup can give a systembruker token; never two starts at once. */
  private startIfReady(entry: ProfileOutbox): Promise<void> {
    if (entry.started || this.disposed) return Promise.resolve();
    entry.starting ??= (async () => {
      const overview = await this.options.setup.overview(entry.profile);
      if (overview.steps.request !== 'done') {
        entry.notReadyMessage = text(
          'Innsendinger sendes når oppsettet er ferdig og systembrukeren er godkjent (Oppsett, steg 1–4).',
          'Submissions are sent once the setup is finished and the system user is approved (Setup, steps 1–4).',
        );
        this.emitStatus(entry.profile.id);
        return;
      }
      await entry.outbox.start();
      if (this.disposed || this.entries.get(entry.profile.id) !== entry) {
        await entry.outbox.stop();
        return;
      }
      entry.started = true;
      entry.notReadyMessage = null;
      this.options.log.info('outbox: running for a profile', { profileId: entry.profile.id });
      this.emitStatus(entry.profile.id);
    })().finally(() => {
      entry.starting = null;
    });
    return entry.starting;
  }

  private create(profile: Profile): ProfileOutbox {
    const paths = outboxPaths(this.options.dataDir, profile.id);
    const data = dataStore(this.options.dataDir);
    const audit = new AuditLog(
      paths.audit,
      this.options.now,
      keychainAuditKeyring(this.options.keyStore, profile.id),
      data.auditIndex(profile.id),
    );
    const store = data.submissions(profile.id);
    const outbox = createOutbox({
      dir: paths.outbox,
      store,
      transport: this.transportFor(profile),
      audit,
      ...(this.options.now ? { now: this.options.now } : {}),
      ...(this.options.retry ? { retry: this.options.retry } : {}),
      onEvent: (event) => this.forward(profile.id, event),
    });
    return {
      profile,
      dir: paths.outbox,
      store,
      audit,
      outbox,
      started: false,
      notReadyMessage: null,
      starting: null,
    };
  }

  private async stop(entry: ProfileOutbox): Promise<void> {
    if (!entry.started) return;
    entry.started = false;
    await entry.outbox.stop();
  }

  /** The clients are made for each send from the profile's setup now; a changed setup or port is followed. */
  private transportFor(profile: Profile): SubmissionTransport {
    let cached: { key: string; transport: SubmissionTransport } | undefined;
    return {
      send: async (submission, payload, context) => {
        const tokenContext = await this.options.setup.tokenContext(profile);
        const endpoints = await this.options.endpoints.forProfile(profile);
        const key = JSON.stringify([endpoints.skatteetaten, tokenContext.systemUser]);
        if (cached?.key !== key) {
          const tokens = systemUserTokens(tokenContext.tokens, tokenContext.systemUser);
          const http = createSkatteetatenHttp({
            tokens,
            ...(this.options.now ? { now: this.options.now } : {}),
          });
          cached = {
            key,
            transport: skatteetatenTransport({
              amelding: new AMeldingClient({ http, base: endpoints.skatteetaten.amelding }),
              aksjonaerregister: new AksjonaerregisterClient({ http, base: endpoints.skatteetaten.aksjonaerregister }),
              skattekort: new SkattekortClient({
                http,
                base: endpoints.skatteetaten.skattekort,
                scope: scopeOf('skattekort-til-arbeidsgiver', serviceScopes(endpoints)),
              }),
              tredjepart: new TredjepartClient({ http, template: endpoints.skatteetaten.tredjepartTemplate }),
              tpoFileReception: new TpoFileReceptionClient({
                http,
                template: endpoints.skatteetaten.tredjepartTemplate,
              }),
              receivedLookup: dialogportenReceivedLookup(
                new DialogportenClient({
                  base: endpoints.dialogporten.base,
                  accessToken: () => tokens.token(DIALOGPORTEN_SCOPE),
                  ...(this.options.now ? { now: this.options.now } : {}),
                }),
              ),
            }),
          };
        }
        try {
          return await cached.transport.send(submission, payload, context);
        } catch (error) {
          const explain = this.options.explainFailure;
          throw explain ? await explain(profile, targetOrg(submission.target), error) : error;
        }
      },
    };
  }

  /**
   * Every profile's changes go out (the window keeps only the active profile's; notifications and deadlines hear
   * them all); progress and connectivity only for the active profile, whose Utboks shows them.
   */
  private forward(profileId: string, event: OutboxEvent): void {
    if (this.disposed) return;
    const { events } = this.options;
    if (event.type === 'changed') {
      events.emit('outbox.changed', { profileId, submission: event.submission });
      if (event.submission.state.kind === 'received') this.options.onReceived?.(profileId);
    } else if (profileId !== this.options.profiles.active()?.id) {
      return;
    } else if (event.type === 'progress') {
      events.emit('outbox.progress', {
        profileId,
        id: event.id,
        done: event.done,
        total: event.total,
        phase: event.phase,
      });
    } else {
      this.emitStatus(profileId, event.connectivity);
    }
  }

  private emitStatus(profileId: string, connectivity?: Connectivity): void {
    if (this.disposed || profileId !== this.options.profiles.active()?.id) return;
    const status = this.status();
    this.options.events.emit('outbox.connectivity', connectivity ? { ...status, connectivity } : status);
  }
}

function notFound(id: string): AppError {
  return new AppError('OUTBOX_NOT_FOUND', text(`Fant ikke innsendingen ${id}.`, `Submission ${id} was not found.`));
}
