import type { ClientOverview, ClientOverviewRow } from '../../shared/domain/client-overview';
import type { FirmClientsView } from '../../shared/domain/firm';
import { profileKind, type Profile } from '../../shared/domain/profile';
import type { ServiceId } from '../../shared/domain/services-catalogue';
import type { FeedbackStatus } from '../../shared/feedback/feedback-overview';
import { osloDate } from '../../shared/deadlines/upcoming-deadlines';
import { requireActiveProfile } from '../setup/active-profile';
import type { DraftErrors } from '../reports/reports-service';
import type { ProfileService } from '../settings/profiles';
import type { ClientSummary, Store } from '../store/store';
import {
  clientOverviewRows,
  oldestPeriodShown,
  type OutboxByOrg,
  type OverviewSources,
  type OverviewSubject,
} from './client-overview';

/** The services the overview reads, each through its public methods (never their files). */
export interface ClientOverviewOptions {
  profiles: ProfileService;
  firm: { view(profile: Profile): Promise<FirmClientsView> };
  /** A profile's setup record (`SetupStateFile`), read without resolving endpoints: that would start the sandbox. */
  setupState(profile: Profile): Promise<{ request?: { status: string } | null | undefined }>;
  reports: { listDraftErrors(): Promise<DraftErrors[]> };
  /** Whether the active profile's feedback is set up (its counts are null until it is); the counts come from the store. */
  feedback: { currentStatus(): Promise<FeedbackStatus> };
  /**
   * Any profile's outbox and unread feedback per client org, from the store: indexed queries, never the records
   * themselves (the outbox writes each state there before acting on it; the feedback list would also link every
   * dialog to the outbox, listing it whole).
   */
  store: Pick<Store, 'summaryByClient' | 'receivedPeriods'>;
  deadlines: {
    chosenServices(profile: Profile): Promise<ServiceId[]>;
    settingsOf(profile: Profile): { read(): Promise<{ warnDays: number }> };
  };
  now?: () => Date;
}

/**
 * The firm's home: every client of the active firm profile (or, for a standard profile, every profile) with what
 * needs attention. The outbox and the unread feedback come counted per client from the store; the active profile's
 * drafts are read once and grouped by org number.
 */
export class ClientOverviewService {
  private readonly now: () => Date;

  constructor(private readonly options: ClientOverviewOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async overview(): Promise<ClientOverview> {
    const { profiles, reports, feedback, deadlines } = this.options;
    const active = requireActiveProfile(profiles);
    const isFirm = profileKind(active) === 'firm';
    const today = osloDate(this.now());
    const [outbox, drafts, feedbackStatus, settings] = await Promise.all([
      this.outboxByOrg(active.id, today),
      reports.listDraftErrors(),
      // Until the setup is done there is no feedback to count: the counts stay null, not zero.
      feedback.currentStatus(),
      deadlines.settingsOf(active).read(),
    ]);
    const open = {
      dataProfileId: active.id,
      outbox,
      drafts,
      unreadByOrg: feedbackStatus.state === 'ready' ? unreadOf(outbox) : null,
      today,
      warnDays: settings.warnDays,
    };
    const rows = isFirm
      ? clientOverviewRows({ ...open, subjects: await this.clientSubjects(active) })
      : await this.profileRows(active.id, open);
    return { scope: isFirm ? 'firm' : 'profiles', profileId: active.id, today, rows };
  }

  /**
   * One row per profile: the open one from what was read for it; each other from its records in the store (its
   * outbox and unread feedback; drafts are listed for the open profile only).
   */
  private async profileRows(activeId: string, open: Omit<OverviewSources, 'subjects'>) {
    const all = this.options.profiles.state().profiles;
    return Promise.all(
      all.map(async (p) => {
        const subject = await this.profileSubject(p);
        if (p.id === activeId) return clientOverviewRows({ ...open, subjects: [subject] })[0] as ClientOverviewRow;
        const outbox = await this.outboxByOrg(p.id, open.today);
        return clientOverviewRows({
          ...open,
          subjects: [subject],
          dataProfileId: p.id,
          outbox,
          drafts: null,
          unreadByOrg: unreadOf(outbox),
        })[0] as ClientOverviewRow;
      }),
    );
  }

  /** The profile's outbox and unread feedback per client: its counts, and the periods received that a deadline shown today can be for. */
  private async outboxByOrg(profileId: string, today: string) {
    const [summaries, received] = await Promise.all([
      this.options.store.summaryByClient(profileId),
      this.options.store.receivedPeriods(profileId, oldestPeriodShown(today)),
    ]);
    return { summaries, received } satisfies OutboxByOrg;
  }

  private async clientSubjects(firm: Profile): Promise<OverviewSubject[]> {
    const view = await this.options.firm.view(firm);
    const setupReady = view.agentSystemUserId !== null;
    return view.clients.map((c) => ({
      orgNumber: c.orgNumber,
      name: c.name,
      profileId: firm.id,
      setupReady,
      delegation: c.delegation.state,
      services: c.services,
      since: osloDate(new Date(c.addedAt)),
      wholeProfile: false,
    }));
  }

  private async profileSubject(p: Profile): Promise<OverviewSubject> {
    return {
      orgNumber: p.orgNumber,
      name: p.displayName,
      profileId: p.id,
      setupReady: await this.setupReady(p),
      delegation: null,
      services: await this.options.deadlines.chosenServices(p),
      since: osloDate(new Date(p.createdAt)),
      wholeProfile: true,
    };
  }

  /** The profile's systembruker is approved. */
  private async setupReady(profile: Profile): Promise<boolean> {
    return (await this.options.setupState(profile)).request?.status === 'Accepted';
  }
}

/** The dialogs with unread feedback per client org (what the feedback list marks unread). */
function unreadOf(outbox: { summaries: readonly ClientSummary[] }): Map<string, number> {
  return new Map(outbox.summaries.map((c) => [c.clientOrg, c.unreadDialogs]));
}
