import { withIdempotencyKey } from './idempotency';
import {
  parseErrorBody,
  parseRetryAfter,
  skatteetatenError,
  SkatteetatenUnreachableError,
  unreadableAnswer,
} from './skatteetaten-errors';
import type { SkatteetatenTokens } from './skatteetaten-tokens';

export interface SkatteetatenHttpOptions {
  tokens: SkatteetatenTokens;
  fetch?: typeof fetch;
  now?: () => Date;
  /** A request that has not answered in this long is abandoned as `interrupted` (safe: it is retried with its key). */
  timeoutMs?: number;
}

export interface SkatteetatenRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: URL;
  scope: string;
  body?: string;
  contentType?: string;
  idempotencyKey?: string;
}

export interface SkatteetatenResponse {
  status: number;
  text: string;
  json<T>(): T;
}

/** The transport every Skatteetaten client shares: its bearer token, its headers, its errors. */
export interface SkatteetatenHttp {
  send(request: SkatteetatenRequest): Promise<SkatteetatenResponse>;
}

const OFFLINE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN']);

/**
 * Sends with `Accept: application/json` (AMLD_1030/GLD_1030), the systembruker token and the idempotency key.
 * A 401 invalidates the token and tries once more with a fresh one (a token can expire between cache and
 * server); any other non-2xx becomes a SkatteetatenError, no answer a SkatteetatenUnreachableError.
 */
export function createSkatteetatenHttp(options: SkatteetatenHttpOptions): SkatteetatenHttp {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? 60_000;

  async function once(request: SkatteetatenRequest): Promise<Response> {
    const token = await options.tokens.token(request.scope);
    const url = new URL(request.url);
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
    if (request.contentType) headers['content-type'] = request.contentType;
    if (request.idempotencyKey) withIdempotencyKey(url, headers, request.idempotencyKey);
    try {
      return await doFetch(url, {
        method: request.method,
        headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (thrown) {
      throw unreachable(thrown);
    }
  }

  return {
    async send(request) {
      let response = await once(request);
      if (response.status === 401) {
        await response.body?.cancel();
        options.tokens.invalidate(request.scope);
        response = await once(request);
      }
      let text: string;
      try {
        text = await response.text();
      } catch (thrown) {
        throw unreachable(thrown);
      }
      if (!response.ok) {
        const body = parseErrorBody(response.status, response.headers.get('content-type') ?? '', text);
        throw skatteetatenError(response.status, body, parseRetryAfter(response.headers.get('retry-after'), now()));
      }
      return {
        status: response.status,
        text,
        json<T>() {
          try {
            return JSON.parse(text) as T;
          } catch {
            throw unreadableAnswer(response.status, text);
          }
        },
      };
    },
  };
}

function unreachable(thrown: unknown): SkatteetatenUnreachableError {
  const error = thrown as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = error.cause?.code ?? '';
  const detail = [error.name, error.message, code, error.cause?.message].filter(Boolean).join(': ');
  return new SkatteetatenUnreachableError(OFFLINE_CODES.has(code) ? 'offline' : 'interrupted', detail);
}
