import { DialogportenError, failureForStatus, parseRetryAfter, problemSummary } from './dialogporten-errors';
import type {
  DialogDetails,
  DialogSearchPage,
  DialogSearchQuery,
  TransmissionDetails,
  TransmissionItem,
} from './dialogporten-types';

export interface DialogportenClientOptions {
  /** The Dialogporten root without `/api/v1` (`https://platform.tt02.altinn.no/dialogporten`, §1.1). */
  base: string;
  /** A Maskinporten systembruker token with `digdir:dialogporten`; used as is, no exchange (§2.3). */
  accessToken: () => Promise<string>;
  fetch?: typeof fetch;
  language?: 'nb' | 'en';
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** A 503/429 asking for a wait up to this long is waited out once; longer, the caller gets the error. */
  maxRetryWaitMs?: number;
}

/**
 * The Dialogporten end-user API, typed from the published OpenAPI. Only `getDialog` writes the seen log
 * (dialogporten-events.md §1.5), so polling uses `searchDialogs` and `listTransmissions` and never `getDialog`.
 */
export class DialogportenClient {
  private readonly base: string;
  private readonly root: string;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: DialogportenClientOptions) {
    this.root = `${options.base.replace(/\/+$/, '')}/api/v1`;
    this.base = `${this.root}/enduser`;
    this.fetchImpl = options.fetch ?? fetch;
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** One page of `GET /dialogs`; array filters are sent by repeating the key, as the official client does. */
  async searchDialogs(query: DialogSearchQuery): Promise<DialogSearchPage> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null) continue;
      for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
    }
    const page = (await this.get(`/dialogs?${params.toString()}`, 'search dialogs')) as DialogSearchPage;
    return { ...page, items: page.items ?? [] };
  }

  /** Every page: follows `continuationToken` with the same `orderBy` while `hasNextPage` (§1.3). */
  async *searchAllPages(query: DialogSearchQuery): AsyncGenerator<DialogSearchPage> {
    let token: string | undefined;
    for (;;) {
      const page = await this.searchDialogs({ ...query, ...(token ? { continuationToken: token } : {}) });
      yield page;
      if (!page.hasNextPage || !page.continuationToken || page.continuationToken === token) return;
      token = page.continuationToken;
    }
  }

  /** The dialog's details. Marks the dialog as seen for the party and raises an event: not for polling. */
  async getDialog(dialogId: string): Promise<DialogDetails> {
    return (await this.get(`/dialogs/${encodeURIComponent(dialogId)}`, 'get dialog')) as DialogDetails;
  }

  /** The dialog's transmissions, without writing the seen log. */
  async listTransmissions(dialogId: string): Promise<TransmissionItem[]> {
    const list = await this.get(`/dialogs/${encodeURIComponent(dialogId)}/transmissions`, 'list transmissions');
    return Array.isArray(list) ? (list as TransmissionItem[]) : [];
  }

  async getTransmission(dialogId: string, transmissionId: string): Promise<TransmissionDetails> {
    const path = `/dialogs/${encodeURIComponent(dialogId)}/transmissions/${encodeURIComponent(transmissionId)}`;
    return (await this.get(path, 'get transmission')) as TransmissionDetails;
  }

  /**
   * How many `party` values one search may take: `GET /api/v1/metadata/limits` (no token, dialogporten-events.md
   * §1.2, §5) → `endUserSearch.maxPartyFilterValues`. Null when the server does not have the endpoint (404; the
   * published 1.40.0 OpenAPI has none, so whether production serves it is UNCONFIRMED) or answers without it.
   */
  async partyFilterLimit(): Promise<number | null> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.root}/metadata/limits`, { headers: { accept: 'application/json' } });
    } catch (error) {
      throw new DialogportenError('unreachable', ['read search limits', (error as Error).message]);
    }
    if (response.status === 404) return null;
    if (!response.ok) {
      throw new DialogportenError(failureForStatus(response.status), ['read search limits', `HTTP ${response.status}`]);
    }
    const body = (await response.json().catch(() => null)) as { endUserSearch?: { maxPartyFilterValues?: unknown } };
    const max = body?.endUserSearch?.maxPartyFilterValues;
    return typeof max === 'number' && Number.isInteger(max) && max > 0 ? max : null;
  }

  private async get(path: string, operation: string): Promise<unknown> {
    try {
      return await this.attempt(path, operation);
    } catch (error) {
      const waitMs = error instanceof DialogportenError && error.transient ? (error.retryAfterMs ?? 1000) : undefined;
      if (waitMs === undefined || waitMs > (this.options.maxRetryWaitMs ?? 5_000)) throw error;
      await this.sleep(waitMs);
      return this.attempt(path, operation);
    }
  }

  private async attempt(path: string, operation: string): Promise<unknown> {
    const token = await this.options.accessToken();
    const language = this.options.language ?? 'nb';
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.base}${path}`, {
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          'accept-language': language === 'nb' ? 'nb, en;q=0.9' : 'en, nb;q=0.9',
        },
      });
    } catch (error) {
      throw new DialogportenError('unreachable', [operation, (error as Error).message]);
    }
    const raw = await response.text();
    let body: unknown = raw;
    try {
      body = raw ? (JSON.parse(raw) as unknown) : undefined;
    } catch {
      // 503 during maintenance is text/plain "Service Unavailable" (§1.2); keep the text for the log.
    }
    if (response.ok) {
      if (typeof body !== 'object' || body === null) {
        throw new DialogportenError('unexpected', [operation, `HTTP ${response.status} without a JSON body`]);
      }
      return body;
    }
    const failure = failureForStatus(response.status);
    throw new DialogportenError(
      failure,
      [operation, `HTTP ${response.status}`, ...problemSummary(body)],
      parseRetryAfter(response.headers.get('retry-after'), this.now()),
    );
  }
}
