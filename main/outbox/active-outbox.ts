import { join } from 'node:path';
import { AppError } from '../../shared/domain/app-error';
import { text, type LocalizedText } from '../../shared/domain/localized';
import type { Profile } from '../../shared/domain/profile';
import { DIALOGPORTEN_SCOPE, scopeOf } from '../../shared/domain/services-catalogue';
import type { KnownSubmission } from '../../shared/feedback/matching';
import type { OutboxStatus, SubmitPreview } from '../../shared/outbox/outbox-views';
import type { Submission } from '../../shared/outbox/submission';
import { endpointsFor } from '../environments/resolve';
import type { EventHub } from '../ipc/event-hub';
import type { Logger } from '../log/logger';
import type { DraftStore } from '../reports/draft-store';
import type { SandboxController } from '../sandbox/sandbox-controller';
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

export interface ActiveOutboxOptions {
  dataDir: string;
  profiles: ProfileService;
  setup: SetupService;
  sandbox: SandboxController;
  drafts: DraftStore;
  events: EventHub;
  log: Logger;
  /** The OS keychain: each profile's audit log is anchored by an HMAC key kept there. */
  keyStore: KeyStore;
  now?: () => Date;
  retry?: Partial<RetryPolicy>;
  /** A submission was received: the feedback poller looks more often for a while. */
  onReceived?: () => void;
}

/** One profile's outbox and audit log, in `<data>/profiles/<id>/outbox/` and `<data>/profiles/<id>/audit.jsonl`. */
interface ProfileOutbox {
  profile: Profile;
  dir: string;
  store: SubmissionRepository;
  audit: AuditLog;
  outbox: Outbox;
  started: boolean;
}

/** The files of one profile's outbox and audit log. */
export function outboxPaths(dataDir: string, profileId: string) {
  const dir = profileDir(dataDir, profileId);
  return { outbox: join(dir, 'outbox'), audit: join(dir, 'audit.jsonl') };
}

/**
 * The outbox of the profile that is active now. It runs (sending, resuming what a crash left `sending`) once the
 * profile's setup can give a systembruker token, and is stopped and made again when the active profile changes.
 * Until it runs, what is on disk is still listed, and the audit log can be verified and exported.
 *
 * The Skatteetaten clients are made at send time from the setup and the environment, so a sandbox restarted on
 * another port, a new key or a new client needs no new outbox.
 */
export class ActiveOutbox {
  private active: ProfileOutbox | null = null;
  /** Run the active profile's outbox (set by the app at start, or by the first submit, retry or cancel). */
  private wanted = false;
  private disposed = false;
  private refreshing: Promise<void> | null = null;
  private again = false;
  private notReadyMessage: LocalizedText | null = null;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: ActiveOutboxOptions) {
    this.unsubscribe = options.events.subscribe((event) => {
      if (this.wanted && (event === 'profiles.changed' || event === 'systemuser.status')) void this.refresh();
    });
  }

  /** Runs the active profile's outbox from now on (the app's start: it resumes what was left). */
  start(): Promise<void> {
    this.wanted = true;
    return this.refresh();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.unsubscribe();
    await this.refreshing;
    await this.stopActive();
  }

  /** Re-reads the active profile and its setup; makes, starts or stops its outbox. Never two at once. */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.again = false;
        await this.evaluate().catch((error: unknown) =>
          this.options.log.warn('outbox: the active profile could not be prepared', { error }),
        );
      } while (this.again && !this.disposed);
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  status(): OutboxStatus {
    const active = this.active;
    return {
      profileId: active?.profile.id ?? null,
      running: !!active?.started,
      connectivity: active?.started ? active.outbox.connectivity() : 'online',
      message: active?.started ? null : this.notReadyMessage,
    };
  }

  async currentStatus(): Promise<OutboxStatus> {
    await this.refresh();
    return this.status();
  }

  async list(): Promise<Submission[]> {
    const active = await this.current();
    // Not running: read without touching (the outbox sets aside and sweeps at its start, maybe in another process).
    return active.started ? active.outbox.list() : active.store.list();
  }

  /**
   * Any profile's submissions: the active one's as `list` gives them, another's as its records in the store, read
   * without touching them. Routing checks a file for another profile against these.
   */
  async listFor(profileId: string): Promise<Submission[]> {
    if (this.options.profiles.active()?.id === profileId) return this.list();
    return dataStore(this.options.dataDir).submissions(profileId).list();
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
    const endpoints = await endpointsFor(active.profile, this.options.sandbox);
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
    const active = await this.running();
    const draft = await this.draft(active.profile, draftId);
    return enqueueChecked(
      active.outbox,
      { valid: draft.result.valid, findings: draft.result.findings, read: () => readDraftSubmission(draft) },
      this.now(),
    );
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

  /** The active profile's received submissions with the ids Skatteetaten gave, for linking its feedback. */
  async knownSubmissions(): Promise<KnownSubmission[]> {
    return knownSubmissionsOf(await this.list().catch(() => [] as Submission[]));
  }

  // --- plumbing -------------------------------------------------------------------------------------------------

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private async current(): Promise<ProfileOutbox> {
    await this.refresh();
    if (!this.active) {
      throw new AppError(
        'OUTBOX_NO_PROFILE',
        text('Legg til eller velg en virksomhet først.', 'Add or choose an organisation first.'),
      );
    }
    return this.active;
  }

  /** The active outbox, running; a typed error saying what to finish in Oppsett otherwise. */
  private async running(): Promise<ProfileOutbox> {
    this.wanted = true;
    const active = await this.current();
    if (!active.started) {
      throw new AppError(
        'OUTBOX_NOT_READY',
        this.notReadyMessage ?? text('Utboksen er ikke klar ennå.', 'The outbox is not ready yet.'),
      );
    }
    return active;
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

  private async evaluate(): Promise<void> {
    if (this.disposed) return;
    const profile = this.options.profiles.active();
    if (this.active && this.active.profile.id !== profile?.id) await this.stopActive();
    if (!profile) return;
    if (!this.active) this.active = this.create(profile);
    const active = this.active;
    if (!this.wanted || active.started) return;
    const overview = await this.options.setup.overview();
    if (overview.steps.request !== 'done') {
      this.notReadyMessage = text(
        'Innsendinger sendes når oppsettet er ferdig og systembrukeren er godkjent (Oppsett, steg 1–4).',
        'Submissions are sent once the setup is finished and the system user is approved (Setup, steps 1–4).',
      );
      this.emitStatus();
      return;
    }
    await active.outbox.start();
    active.started = true;
    this.notReadyMessage = null;
    this.options.log.info('outbox: running for the active profile', { profileId: profile.id });
    this.emitStatus();
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
    return { profile, dir: paths.outbox, store, audit, outbox, started: false };
  }

  private async stopActive(): Promise<void> {
    const active = this.active;
    this.active = null;
    if (active?.started) await active.outbox.stop();
    if (active && !this.disposed) this.emitStatus();
  }

  /** The clients are made for each send from the profile's setup now; a changed setup or port is followed. */
  private transportFor(profile: Profile): SubmissionTransport {
    let cached: { key: string; transport: SubmissionTransport } | undefined;
    return {
      send: async (submission, payload, context) => {
        const tokenContext = await this.options.setup.tokenContext(profile);
        const endpoints = await endpointsFor(profile, this.options.sandbox);
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
        return cached.transport.send(submission, payload, context);
      },
    };
  }

  private forward(profileId: string, event: OutboxEvent): void {
    if (this.disposed || this.active?.profile.id !== profileId) return;
    const { events } = this.options;
    if (event.type === 'changed') {
      events.emit('outbox.changed', { profileId, submission: event.submission });
      if (event.submission.state.kind === 'received') this.options.onReceived?.();
    } else if (event.type === 'progress') {
      events.emit('outbox.progress', {
        profileId,
        id: event.id,
        done: event.done,
        total: event.total,
        phase: event.phase,
      });
    } else {
      this.emitStatus(event.connectivity);
    }
  }

  private emitStatus(connectivity?: Connectivity): void {
    if (this.disposed) return;
    const status = this.status();
    this.options.events.emit('outbox.connectivity', connectivity ? { ...status, connectivity } : status);
  }
}

function notFound(id: string): AppError {
  return new AppError('OUTBOX_NOT_FOUND', text(`Fant ikke innsendingen ${id}.`, `Submission ${id} was not found.`));
}
