import type { Endpoints } from '../../shared/domain/endpoints';
import { DIALOGPORTEN_SCOPE, serviceById, type ServiceId } from '../../shared/domain/services-catalogue';
import { feedbackTransmissions, type FeedbackChange, type FeedbackDialog } from '../../shared/feedback/feedback-dialog';
import { linkDialogs, type DialogLink, type KnownSubmission } from '../../shared/feedback/matching';
import { DialogportenClient } from './dialogporten-client';
import { DialogportenError } from './dialogporten-errors';
import { partyForOrg, resourceUrn } from './dialogporten-types';
import {
  FeedbackDocuments,
  sandboxDocumentUrl,
  skatteetatenDocumentUrls,
  type DocumentOutcome,
} from './feedback-documents';
import type { Logger } from '../log/logger';
import { FeedbackPoller, type ChangeListener, type FeedbackPollerOptions } from './feedback-poller';
import { syncFeedback } from './feedback-sync';
import { storedSyncStore, type FeedbackSyncStore } from './feedback-sync-state';
import { syncFromEvents } from '../events/event-driven-sync';
import { EventsError } from '../events/events-errors';
import { EventsFeedbackSource, type FeedbackSourceKind } from '../events/events-feedback-source';
import { fileEventsStore, type EventsStateStore } from '../events/events-state';

/** Dialogporten's documented party limit ("Up to 20 distinct values", dialogporten-events.md §1.3). */
const DOCUMENTED_PARTY_LIMIT = 20;

export interface FeedbackServiceOptions {
  dataDir: string;
  profile: { id: string; orgNumber: string };
  endpoints: Endpoints;
  /** The profile runs on the sandbox: document URLs kept from an earlier run of it are read from this run's. */
  sandbox?: boolean;
  /** Hears what is worth a line in the log (a feedback document skipped, and why). */
  log?: Logger;
  /** The services in use: their resources narrow the search, their scopes fetch the documents. */
  services: readonly ServiceId[];
  /** Other orgs searched with the profile's: its systembruker's org, a firm's delegated clients (org numbers). */
  otherOrgs?: readonly string[];
  /**
   * Parties per search when Dialogporten publishes no `GET /api/v1/metadata/limits` (the 1.40.0 OpenAPI has no such
   * endpoint, so production is UNCONFIRMED): default 20, the documented limit (dialogporten-events.md §1.3).
   */
  defaultPartyLimit?: number;
  /** A systembruker token for the profile's org with this scope (MaskinportenTokens.tokenForScopes(...).value). */
  accessToken: (scope: string) => Promise<string>;
  fetch?: typeof fetch;
  now?: () => Date;
  language?: 'nb' | 'en';
  /** Tests give a memory store; the app keeps `<data dir>/feedback/<profile id>/sync-state.json`. */
  syncStore?: FeedbackSyncStore;
  /**
   * Use Altinn Events between full Dialogporten searches (the app does; the CLI's one-off sync searches in full).
   * Tests may give a memory store; the app keeps `<data dir>/feedback/<profile id>/events-state.json`.
   */
  events?: { store?: EventsStateStore };
}

export interface FeedbackSyncOutcome {
  changes: FeedbackChange[];
  initial: boolean;
  documents: DocumentOutcome[];
  /** Where this pass learnt what changed; `eventsFailure` is the code when Events was tried and failed. */
  source: FeedbackSourceKind;
  eventsFailure?: string;
  /** The code of Events' refusal still in force (this pass's or an earlier one's), while polling stands in for it. */
  eventsRefused?: string;
}

/**
 * Everything about Skatteetaten's feedback for one profile, for IPC, the CLI and notifications to call: one sync,
 * a poller, the dialogs seen so far, their link to the outbox's submissions, and the documents.
 */
export class FeedbackService {
  readonly client: DialogportenClient;
  readonly documents: FeedbackDocuments;
  private readonly store: FeedbackSyncStore;
  private readonly events: EventsFeedbackSource | null;
  private partyLimit: number | null = null;

  constructor(private readonly options: FeedbackServiceOptions) {
    this.client = new DialogportenClient({
      base: options.endpoints.dialogporten.base,
      accessToken: () => options.accessToken(DIALOGPORTEN_SCOPE),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.language ? { language: options.language } : {}),
    });
    this.store = options.syncStore ?? storedSyncStore(options.dataDir, options.profile.id);
    this.events = options.events
      ? new EventsFeedbackSource({
          platform: options.endpoints.altinn.platform,
          accessToken: options.accessToken,
          store: options.events.store ?? fileEventsStore(options.dataDir, options.profile.id),
          ...(options.fetch ? { fetch: options.fetch } : {}),
          ...(options.now ? { now: options.now } : {}),
        })
      : null;
    this.documents = new FeedbackDocuments({
      dataDir: options.dataDir,
      profileId: options.profile.id,
      accessToken: options.accessToken,
      isAllowedUrl: skatteetatenDocumentUrls(options.endpoints),
      ...(options.sandbox ? { currentUrl: sandboxDocumentUrl(options.endpoints) } : {}),
      ...(options.log ? { log: options.log } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
  }

  /**
   * One incremental pass, then the documents of every new feedback transmission. With Events on, the pass asks
   * Altinn Events what changed and fetches only those dialogs; where Events refuses or fails, it searches
   * Dialogporten in full instead, in the same pass; `fullSearch` asks Dialogporten in full at once (the user's
   * "sync now").
   */
  async syncOnce(
    onChanges?: ChangeListener,
    how: { fullSearch?: boolean; maxPartiesPerSearch?: number } = {},
  ): Promise<FeedbackSyncOutcome> {
    const parties = [...new Set([this.options.profile.orgNumber, ...(this.options.otherOrgs ?? [])])].map(partyForOrg);
    // One party fits any limit: only a search of several needs to know it.
    const maxPartiesPerSearch =
      how.maxPartiesPerSearch ?? (parties.length > 1 ? await this.partiesPerSearch() : undefined);
    const sync = {
      client: this.client,
      store: this.store,
      parties,
      ...(maxPartiesPerSearch ? { maxPartiesPerSearch } : {}),
      serviceResources: this.options.services.map((id) => resourceUrn(serviceById(id).resource)),
      ...(this.options.now ? { now: this.options.now } : {}),
    };
    let found: { changes: FeedbackChange[]; initial: boolean; source: FeedbackSourceKind } | null = null;
    let eventsFailure: string | undefined;
    if (this.events && !how.fullSearch && (await this.events.choose()) === 'events') {
      try {
        const result = await syncFromEvents(
          { ...sync, events: this.events.client, eventsStore: this.events.store },
          onChanges,
        );
        await this.events.recordSuccess();
        found = { changes: result.changes, initial: false, source: 'events' };
      } catch (error) {
        if (!(error instanceof EventsError)) throw error;
        await this.events.recordFailure(error);
        eventsFailure = error.code;
      }
    }
    if (!found) {
      const result = await syncFeedback(sync, onChanges);
      await this.events?.recordFullSearch();
      found = { changes: result.changes, initial: result.initial, source: 'dialogporten' };
    }
    const eventsRefused = (await this.events?.standingRefusal()) ?? undefined;
    const documents: DocumentOutcome[] = [];
    for (const change of found.changes) {
      for (const t of change.newFeedback)
        documents.push(...(await this.documents.fetchForTransmission(change.dialog, t)));
    }
    return {
      changes: found.changes,
      initial: found.initial,
      documents,
      source: found.source,
      ...(eventsFailure ? { eventsFailure } : {}),
      ...(eventsRefused ? { eventsRefused } : {}),
    };
  }

  /**
   * How many parties one search may name: Dialogporten's published `endUserSearch.maxPartyFilterValues`, read once,
   * else the configured default (a server without the endpoint, or one that cannot be reached just now).
   */
  async partiesPerSearch(): Promise<number> {
    if (this.partyLimit !== null) return this.partyLimit;
    const fallback = this.options.defaultPartyLimit ?? DOCUMENTED_PARTY_LIMIT;
    try {
      this.partyLimit = (await this.client.partyFilterLimit()) ?? fallback;
      return this.partyLimit;
    } catch (error) {
      // Not worth failing the sync over, nor remembering: the next pass asks again.
      this.options.log?.info('feedback: Dialogporten’s search limits could not be read; using the default', {
        code: error instanceof DialogportenError ? error.code : 'UNKNOWN',
      });
      return fallback;
    }
  }

  /** Fetches any feedback document not stored yet (one that was not ready, or failed, in an earlier sync). */
  async fetchMissingDocuments(): Promise<DocumentOutcome[]> {
    const outcomes: DocumentOutcome[] = [];
    for (const dialog of await this.dialogs()) {
      for (const t of feedbackTransmissions(dialog))
        outcomes.push(...(await this.documents.fetchForTransmission(dialog, t)));
    }
    return outcomes;
  }

  /** Every dialog seen so far, newest change first. */
  async dialogs(): Promise<FeedbackDialog[]> {
    const state = await this.store.load();
    return Object.values(state.dialogs).sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
  }

  /** Each dialog linked to the outbox submission it answers, or marked as made elsewhere. */
  async links(submissions: readonly KnownSubmission[]): Promise<DialogLink[]> {
    return linkDialogs(await this.dialogs(), submissions);
  }

  /** A poller that runs `syncOnce` on its schedule; the Electron glue wires suspend/resume and online to it. */
  createPoller(options: Omit<FeedbackPollerOptions, 'sync'>): FeedbackPoller {
    return new FeedbackPoller({ ...options, sync: async (onChanges) => this.syncOnce(onChanges) });
  }
}
