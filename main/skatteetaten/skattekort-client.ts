import { readSkattekortAnswer, type SkattekortAnswer } from '../../shared/skattekort/answer';
import { unreadableAnswer } from './skatteetaten-errors';
import type { SkatteetatenHttp } from './skatteetaten-http';

/**
 * The skattekort til arbeidsgiver paths (skatteetaten-apis.md §3: THIRD-PARTY, from NAV's production client; the
 * answer path's name also appears on Skatteetaten's page). The trailing slash on the order is as NAV sends it.
 */
export const SKATTEKORT_PATHS = {
  order: 'api/forskudd/bestillSkattekort/',
  answer: (bestillingsreferanse: string) =>
    `api/forskudd/skattekortTilArbeidsgiver/svar/${encodeURIComponent(bestillingsreferanse)}`,
} as const;

/** What Skatteetaten answers an order with: the order's reference, and the dialog it made in Dialogporten. */
export interface SkattekortOrderReceipt {
  dialogreferanse: string;
  bestillingsreferanse: string;
}

/** 204 before the answer is ready (or for a reference Skatteetaten does not know), 200 with it. */
export type SkattekortAnswerPoll =
  | { state: 'pending' }
  | { state: 'ready'; answer: SkattekortAnswer; /** the body as received, kept beside the reading */ raw: string };

export interface SkattekortClientOptions {
  http: SkatteetatenHttp;
  /** `endpoints.skatteetaten.skattekort` from the environments table. */
  base: string;
  /** `endpoints.skatteetaten.skattekortScope`: the sources disagree, so the environment decides. */
  scope: string;
}

/**
 * Orders skattekort and fetches the answer with the systembruker token. Errors are the shared Skatteetaten ones:
 * FOR_001/002/003 (400, will not change: `rejected`), 401/403 (`needs-action`), 429/503/5xx (`transient`, with
 * Retry-After when sent), no answer (`SkatteetatenUnreachableError`).
 */
export class SkattekortClient {
  constructor(private readonly options: SkattekortClientOptions) {}

  private url(path: string): URL {
    return new URL(path, this.options.base.endsWith('/') ? this.options.base : `${this.options.base}/`);
  }

  /** `body` is the JSON from `orderRequestBody`, exactly as it was hashed; the key makes a repeat a replay. */
  async order(body: string, idempotencyKey: string): Promise<SkattekortOrderReceipt> {
    const response = await this.options.http.send({
      method: 'POST',
      url: this.url(SKATTEKORT_PATHS.order),
      scope: this.options.scope,
      body,
      contentType: 'application/json',
      idempotencyKey,
    });
    return receiptOf(response.status, response.text);
  }

  async answer(bestillingsreferanse: string): Promise<SkattekortAnswerPoll> {
    const response = await this.options.http.send({
      method: 'GET',
      url: this.url(SKATTEKORT_PATHS.answer(bestillingsreferanse)),
      scope: this.options.scope,
    });
    if (response.status === 204 || !response.text.trim()) return { state: 'pending' };
    const json = response.json();
    try {
      return { state: 'ready', answer: readSkattekortAnswer(json), raw: response.text };
    } catch {
      throw unreadableAnswer(response.status, response.text);
    }
  }
}

function receiptOf(status: number, text: string): SkattekortOrderReceipt {
  let o: Record<string, unknown> = {};
  try {
    o = (JSON.parse(text) ?? {}) as Record<string, unknown>;
  } catch {
    // Not JSON: reported below as an answer that could not be read.
  }
  if (typeof o.bestillingsreferanse !== 'string' || typeof o.dialogreferanse !== 'string') {
    throw unreadableAnswer(status, text);
  }
  return { dialogreferanse: o.dialogreferanse, bestillingsreferanse: o.bestillingsreferanse };
}
