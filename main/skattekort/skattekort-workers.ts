import { join } from 'node:path';
import { AppError } from '../../shared/domain/app-error';
import { serviceScopes } from '../../shared/domain/endpoints';
import { text, type Language } from '../../shared/domain/localized';
import type { Profile } from '../../shared/domain/profile';
import { scopeOf } from '../../shared/domain/services-catalogue';
import type { Submission } from '../../shared/outbox/submission';
import { answerAsCsv, answerAsJson } from '../../shared/skattekort/export';
import { orderRequestBody, SkattekortOrderSchema } from '../../shared/skattekort/order';
import { checkPersons, type PersonList } from '../../shared/skattekort/persons';
import type {
  AnswerRecord,
  AnswerStatus,
  OrderInput,
  SkattekortOrderView,
} from '../../shared/skattekort/skattekort-views';
import type { DesktopPort } from '../desktop-port';
import type { EndpointResolver } from '../environments/resolve';
import type { EventHub } from '../ipc/event-hub';
import type { Logger } from '../log/logger';
import type { OutboxWorkers } from '../outbox/outbox-workers';
import type { BackgroundScheduler } from '../background/background-scheduler';
import { everyProfileJob, rerunOnProfileChanges } from '../background/profile-job';
import { formatCompany } from '../../shared/format';
import type { RetryPolicy } from '../outbox/retry-policy';
import type { DraftStore } from '../reports/draft-store';
import { reportEnvironmentFor } from '../reports/reports-service';
import type { ProfileService } from '../settings/profiles';
import type { SetupService } from '../setup/setup-service';
import { profileDir } from '../setup/setup-state';
import { createSkatteetatenHttp } from '../skatteetaten/skatteetaten-http';
import { systemUserTokens } from '../skatteetaten/skatteetaten-tokens';
import { SkattekortClient } from '../skatteetaten/skattekort-client';
import { AnswerPoller, type AnswerPollIntervals, type FollowedOrder } from './answer-poller';
import { AnswerStore } from './answer-store';
import { personsFromCsvFile, personsFromDraft } from './person-sources';

export interface SkattekortWorkersOptions {
  dataDir: string;
  profiles: ProfileService;
  setup: SetupService;
  /** Where each profile's calls go (`main/environments/resolve.ts`). */
  endpoints: EndpointResolver;
  outbox: OutboxWorkers;
  /** Follows every profile's unanswered orders in the background (`main/background/`). */
  scheduler: BackgroundScheduler;
  drafts: DraftStore;
  events: EventHub;
  desktop: DesktopPort;
  log: Logger;
  language: () => Language;
  now?: () => Date;
  intervals?: Partial<AnswerPollIntervals>;
  retry?: Partial<RetryPolicy>;
}

interface ProfileSkattekort {
  profile: Profile;
  store: AnswerStore;
  poller: AnswerPoller;
}

const JOB = 'skattekort';

/**
 * Skattekort til arbeidsgiver: the person lists and the order for the active profile (through the outbox, audited
 * like every submission), and the answers of every profile's received orders, polled in the background (the
 * `skattekort` job of the app's BackgroundScheduler follows each profile's unanswered orders, also after a restart)
 * and kept in `<data>/profiles/<id>/skattekort/`. Switching profile stops no poll.
 */
export class SkattekortWorkers {
  private readonly entries = new Map<string, ProfileSkattekort>();
  private wanted = false;
  private disposed = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: SkattekortWorkersOptions) {
    options.scheduler.register(
      everyProfileJob({
        name: JOB,
        profiles: options.profiles,
        on: () => this.wanted,
        run: async (profile) => {
          await this.resume(profile);
          // The answer poller asks on its own schedule; a new order or a profile change asks for a new pass.
          return { nextInMs: null };
        },
      }),
    );
    const unsubscribeProfiles = rerunOnProfileChanges(options.events, options.scheduler, JOB, () => this.wanted);
    const unsubscribeOrders = options.events.subscribe((event, payload) => {
      if (!this.wanted || this.disposed) return;
      if (event === 'outbox.changed') {
        const { profileId, submission } = payload as { profileId: string; submission: Submission };
        if (submission.target.service !== 'skattekort-til-arbeidsgiver') return;
        const current = this.entries.get(profileId);
        if (!current) return;
        const order = followable(submission);
        if (order) current.poller.follow(order);
        this.emit(current, submission, current.poller.status(submission.id));
      }
    });
    this.unsubscribe = () => (unsubscribeProfiles(), unsubscribeOrders());
  }

  /** Polls the answers of every profile's received orders from now on (the app's start). */
  async start(): Promise<void> {
    this.wanted = true;
    await this.options.scheduler.startJob(JOB, this.options.profiles.active()?.id);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.unsubscribe();
    const entries = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(entries.map((e) => e.poller.stop()));
  }

  // --- the person list ------------------------------------------------------------------------------------------

  async personsFromDraft(draftId?: string): Promise<PersonList> {
    return personsFromDraft(this.options.drafts, this.profile(), draftId);
  }

  async personsFromCsv(path: string): Promise<PersonList> {
    return personsFromCsvFile(path, this.profile());
  }

  /** The native open dialog, then the file's list; null when the user cancelled. */
  async pickCsv(): Promise<PersonList | null> {
    const nb = this.options.language() === 'nb';
    const [path] = await this.options.desktop.pickFiles({
      title: nb ? 'Velg en liste over ansatte (CSV)' : 'Choose a list of employees (CSV)',
      filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }],
      multiple: false,
    });
    return path ? this.personsFromCsv(path) : null;
  }

  // --- the order ------------------------------------------------------------------------------------------------

  /**
   * Checks the order again (every id with the profile's environment rules) and queues it in the outbox; its
   * body is on disk before this returns. The employer is always the active profile's organisation.
   */
  async order(input: OrderInput): Promise<Submission> {
    const profile = this.profile();
    const checked = checkPersons(
      input.arbeidstakere.map((id) => ({ id })),
      reportEnvironmentFor(profile),
    );
    const bad = checked.filter((p) => p.status !== 'ok');
    if (bad.length > 0) {
      throw new AppError(
        'SKATTEKORT_INVALID_PERSONS',
        text(
          `${bad.length} av numrene kan ikke bestilles. Fjern eller rett dem først.`,
          `${bad.length} of the numbers cannot be ordered. Remove or correct them first.`,
        ),
        bad.map((p) => `${p.id}: ${p.problem?.en ?? p.status}`),
      );
    }
    const parsed = SkattekortOrderSchema.safeParse({ ...input, arbeidsgiver: profile.orgNumber });
    if (!parsed.success) {
      throw new AppError(
        'SKATTEKORT_ORDER_INVALID',
        text('Bestillingen er ikke fullstendig.', 'The order is not complete.'),
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      );
    }
    const order = parsed.data;
    const count = order.bestillingstype === 'HENT_KUN_ENDRING' ? 0 : order.arbeidstakere.length;
    const submission = await this.options.outbox.enqueue({
      label:
        order.bestillingstype === 'HENT_KUN_ENDRING'
          ? `Skattekort ${order.inntektsaar}: endringer`
          : `Skattekort ${order.inntektsaar} (${count} ${count === 1 ? 'arbeidstaker' : 'arbeidstakere'})`,
      target: {
        service: 'skattekort-til-arbeidsgiver',
        inntektsaar: order.inntektsaar,
        arbeidsgiver: order.arbeidsgiver,
        bestillingstype: order.bestillingstype,
        arbeidstakere: count,
      },
      payload: { service: 'skattekort-til-arbeidsgiver', body: orderRequestBody(order) },
    });
    await this.want(profile);
    return submission;
  }

  /** The active profile's orders, newest first, each with where its answer is. */
  async orders(): Promise<SkattekortOrderView[]> {
    const profile = this.profile();
    await this.want(profile);
    const current = this.ensure(profile);
    const answered = await current.store.answered();
    const submissions = (await this.options.outbox.list()).filter(
      (s) => s.target.service === 'skattekort-til-arbeidsgiver',
    );
    const views: SkattekortOrderView[] = [];
    for (const submission of submissions) {
      views.push({ submission, answer: await this.statusOf(current, submission, answered) });
    }
    return views;
  }

  async orderView(submissionId: string): Promise<SkattekortOrderView> {
    const view = (await this.orders()).find((o) => o.submission.id === submissionId);
    if (!view) throw notFound(submissionId);
    return view;
  }

  async answer(submissionId: string): Promise<AnswerRecord> {
    const record = await this.ensure(this.profile()).store.get(submissionId);
    if (!record) {
      throw new AppError(
        'SKATTEKORT_NO_ANSWER',
        text(
          'Skatteetaten har ikke svart på denne bestillingen ennå.',
          'Skatteetaten has not answered this order yet.',
        ),
      );
    }
    return record;
  }

  /** Asks Skatteetaten now (the user's "fetch now"; also restarts polling stopped by a refused token). */
  async pollNow(submissionId: string): Promise<SkattekortOrderView> {
    const view = await this.orderView(submissionId);
    const order = followable(view.submission);
    if (!order) throw notReceived();
    this.ensure(this.profile()).poller.pollNow(order);
    return this.orderView(submissionId);
  }

  /** Resolves once the order's answer is on disk (null when polling stopped without one). */
  async whenAnswered(submissionId: string): Promise<AnswerRecord | null> {
    const current = this.ensure(this.profile());
    const existing = await current.store.get(submissionId);
    if (existing) return existing;
    const view = await this.orderView(submissionId);
    const order = followable(view.submission);
    if (!order) throw notReceived();
    const waiting = current.poller.whenAnswered(submissionId);
    current.poller.follow(order);
    if (view.answer.kind === 'stopped') current.poller.pollNow(order);
    return waiting;
  }

  async exportAnswer(submissionId: string, format: 'csv' | 'json'): Promise<{ content: string; defaultName: string }> {
    const record = await this.answer(submissionId);
    const content = format === 'csv' ? answerAsCsv(record.answer) : answerAsJson(record.answer);
    const year = record.answer.cards[0]?.inntektsaar ?? '';
    return { content, defaultName: `skattekort-${year}-${record.bestillingsreferanse}.${format}`.replace(/-+\./, '.') };
  }

  // --- plumbing -------------------------------------------------------------------------------------------------

  private profile(): Profile {
    const profile = this.options.profiles.active();
    if (!profile) {
      throw new AppError(
        'SKATTEKORT_NO_PROFILE',
        text('Legg til eller velg en virksomhet først.', 'Add or choose an organisation first.'),
      );
    }
    return profile;
  }

  /** The first order or look at the orders starts the background polling (the CLI's and tests' start). */
  private async want(profile: Profile): Promise<void> {
    if (!this.wanted) {
      this.wanted = true;
      void this.options.scheduler.refresh();
    }
    await this.resume(profile);
  }

  /** A profile's store and poller, made on first use and kept while the app runs. */
  private ensure(profile: Profile): ProfileSkattekort {
    const existing = this.entries.get(profile.id);
    if (existing) return existing;
    const store = new AnswerStore(join(profileDir(this.options.dataDir, profile.id), 'skattekort'));
    const made: ProfileSkattekort = { profile, store, poller: undefined as unknown as AnswerPoller };
    made.poller = new AnswerPoller({
      store,
      client: () => this.client(profile),
      ...(this.options.intervals ? { intervals: this.options.intervals } : {}),
      ...(this.options.retry ? { retry: this.options.retry } : {}),
      ...(this.options.now ? { now: this.options.now } : {}),
      onStatus: (submissionId, status) => void this.announceStatus(made, submissionId, status),
      onAnswer: (record) => this.announceAnswer(made, record),
    });
    this.entries.set(profile.id, made);
    return made;
  }

  /** Follows every received order of the profile that has no answer yet. */
  private async resume(profile: Profile): Promise<void> {
    if (this.disposed) return;
    const current = this.ensure(profile);
    const answered = await current.store.answered();
    const submissions = await this.options.outbox.listFor(profile.id).catch(() => [] as Submission[]);
    for (const submission of submissions) {
      const order = followable(submission);
      if (order && !answered.has(submission.id)) current.poller.follow(order);
    }
  }

  private async statusOf(
    current: ProfileSkattekort,
    submission: Submission,
    answered: Set<string>,
  ): Promise<AnswerStatus> {
    if (answered.has(submission.id)) {
      const record = await current.store.get(submission.id);
      if (record) return { kind: 'ready', fetchedAt: record.fetchedAt, employees: record.answer.cards.length };
    }
    const polled = current.poller.status(submission.id);
    if (polled) return polled;
    return followable(submission)
      ? { kind: 'waiting', polls: 0, nextPollAt: null, lastError: null }
      : { kind: 'not-ordered' };
  }

  private async client(profile: Profile): Promise<SkattekortClient> {
    const tokenContext = await this.options.setup.tokenContext(profile);
    const endpoints = await this.options.endpoints.forProfile(profile);
    const http = createSkatteetatenHttp({
      tokens: systemUserTokens(tokenContext.tokens, tokenContext.systemUser),
      ...(this.options.now ? { now: this.options.now } : {}),
    });
    return new SkattekortClient({
      http,
      base: endpoints.skatteetaten.skattekort,
      scope: scopeOf('skattekort-til-arbeidsgiver', serviceScopes(endpoints)),
    });
  }

  private async announceStatus(current: ProfileSkattekort, submissionId: string, status: AnswerStatus) {
    if (this.disposed || this.entries.get(current.profile.id) !== current) return;
    const submission = (await this.options.outbox.listFor(current.profile.id).catch(() => [] as Submission[])).find(
      (s) => s.id === submissionId,
    );
    if (submission) this.emit(current, submission, status);
  }

  private emit(current: ProfileSkattekort, submission: Submission, status: AnswerStatus | undefined) {
    if (this.disposed) return;
    this.options.events.emit('skattekort.changed', {
      profileId: current.profile.id,
      order: {
        submission,
        answer:
          status ??
          (followable(submission)
            ? { kind: 'waiting', polls: 0, nextPollAt: null, lastError: null }
            : { kind: 'not-ordered' }),
      },
    });
  }

  private announceAnswer(current: ProfileSkattekort, record: AnswerRecord): void {
    this.options.log.info('skattekort: answer received', {
      profileId: current.profile.id,
      submissionId: record.submissionId,
      employees: record.answer.cards.length,
    });
    if (this.disposed || this.entries.get(current.profile.id) !== current) return;
    const nb = this.options.language() === 'nb';
    const company = formatCompany(current.profile.displayName, current.profile.orgNumber);
    const n = record.answer.cards.length;
    const note = record.answer.statusNote;
    this.options.desktop.notify({
      title: note
        ? nb
          ? 'Skatteetaten har svart på skattekortbestillingen'
          : 'Skatteetaten answered the tax card order'
        : nb
          ? 'Skattekortene er klare'
          : 'The tax cards are ready',
      body: note
        ? `${nb ? note.nb : note.en} (${company})`
        : nb
          ? `Skatteetaten har svart for ${n} ${n === 1 ? 'arbeidstaker' : 'arbeidstakere'} (${company}).`
          : `Skatteetaten answered for ${n} ${n === 1 ? 'employee' : 'employees'} (${company}).`,
    });
  }
}

/** A received order with its reference: what can be polled. */
function followable(submission: Submission): FollowedOrder | null {
  if (submission.target.service !== 'skattekort-til-arbeidsgiver' || submission.state.kind !== 'received') return null;
  const ref = submission.state.receipt.bestillingsreferanse;
  return ref ? { submissionId: submission.id, bestillingsreferanse: ref } : null;
}

function notFound(id: string): AppError {
  return new AppError('SKATTEKORT_NOT_FOUND', text(`Fant ikke bestillingen ${id}.`, `Order ${id} was not found.`));
}

function notReceived(): AppError {
  return new AppError(
    'SKATTEKORT_NOT_RECEIVED',
    text(
      'Bestillingen er ikke mottatt av Skatteetaten ennå; se utboksen.',
      'The order has not been received by Skatteetaten yet; see the outbox.',
    ),
  );
}
