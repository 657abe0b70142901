import { ALTINN_EVENTS_SCOPE } from '../../shared/domain/services-catalogue';
import { AltinnTokenExchange } from './altinn-token-exchange';
import { EventsClient } from './events-client';
import type { EventsError } from './events-errors';
import type { EventsStateStore } from './events-state';

/**
 * Events are a hint, not the record: silent updates never reach them (dialogporten-events.md §4.2), so
 * Dialogporten is still searched in full this often.
 */
export const FULL_SEARCH_EVERY_MS = 6 * 60 * 60_000;
/** After a refusal (no scope, no `subscribe` right), Events is asked again only this much later. */
export const RETRY_REFUSED_AFTER_MS = 24 * 60 * 60_000;

export type FeedbackSourceKind = 'events' | 'dialogporten';

export interface EventsFeedbackSourceOptions {
  /** The environment's `altinn.platform`. */
  platform: string;
  /** A Maskinporten systembruker token for the scope asked for. */
  accessToken: (scope: string) => Promise<string>;
  store: EventsStateStore;
  fetch?: typeof fetch;
  now?: () => Date;
}

/**
 * When the feedback sync may use Altinn Events instead of a full Dialogporten search: once a full search has
 * been made (the first sync of a profile is always one), until the next full search is due, and not for a day
 * after Events refused. An outage (`unavailable`) only costs the pass it happened in.
 */
export class EventsFeedbackSource {
  readonly client: EventsClient;
  readonly store: EventsStateStore;
  private readonly now: () => Date;

  constructor(options: EventsFeedbackSourceOptions) {
    this.store = options.store;
    this.now = options.now ?? (() => new Date());
    const exchange = new AltinnTokenExchange({
      platform: options.platform,
      maskinportenToken: () => options.accessToken(ALTINN_EVENTS_SCOPE),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      now: this.now,
    });
    this.client = new EventsClient({
      platform: options.platform,
      accessToken: () => exchange.token(),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  async choose(): Promise<FeedbackSourceKind> {
    const state = await this.store.load();
    const at = this.now().getTime();
    if (!state.lastFullSyncAt || at - Date.parse(state.lastFullSyncAt) >= FULL_SEARCH_EVERY_MS) return 'dialogporten';
    if (state.refusedAt && at - Date.parse(state.refusedAt) < RETRY_REFUSED_AFTER_MS) return 'dialogporten';
    return 'events';
  }

  /** The code of a refusal still in force (Events is not asked until a day has passed), or null. */
  async standingRefusal(): Promise<string | null> {
    const state = await this.store.load();
    if (!state.refusedAt || this.now().getTime() - Date.parse(state.refusedAt) >= RETRY_REFUSED_AFTER_MS) return null;
    return state.refusedCode;
  }

  async recordFullSearch(): Promise<void> {
    const state = await this.store.load();
    await this.store.save({ ...state, lastFullSyncAt: this.now().toISOString() });
  }

  async recordFailure(error: EventsError): Promise<void> {
    if (error.failure === 'unavailable') return;
    const state = await this.store.load();
    await this.store.save({ ...state, refusedAt: this.now().toISOString(), refusedCode: error.code });
  }

  async recordSuccess(): Promise<void> {
    const state = await this.store.load();
    if (state.refusedAt === null) return;
    await this.store.save({ ...state, refusedAt: null, refusedCode: null });
  }
}
