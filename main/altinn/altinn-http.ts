import { AppError } from '../../shared/domain/app-error';
import { altinnError } from './altinn-errors';

export interface AltinnHttpOptions {
  /** Altinn's platform base (`https://platform.tt02.altinn.no`, the sandbox's `${emulator}/altinn`). */
  platform: string;
  /** A plain Maskinporten token for these scopes (MaskinportenTokens.tokenForScopes(...).value). */
  accessToken: (scopes: readonly string[]) => Promise<string>;
  fetch?: typeof fetch;
}

export interface AltinnCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Below the platform base, e.g. `/authentication/api/v1/systemregister/vendor`; or an absolute `links.next`. */
  path: string;
  scopes: readonly string[];
  body?: unknown;
  /** Statuses the caller handles itself (404 → null, 400 AUTH.VLD-00002 → update instead). */
  expect?: readonly number[];
  operation: string;
}

export interface AltinnAnswer {
  status: number;
  body: unknown;
  /** The address asked, so a refusal the caller turns into an error names the right environment's prerequisite. */
  url?: string;
}

/** One authenticated JSON call to Altinn; any status the caller did not expect becomes a typed AppError. */
export function createAltinnHttp(options: AltinnHttpOptions) {
  const fetchImpl = options.fetch ?? fetch;
  const base = options.platform.replace(/\/+$/, '');
  return async function call(request: AltinnCall): Promise<AltinnAnswer> {
    const token = await options.accessToken(request.scopes);
    const url = /^https?:\/\//.test(request.path) ? request.path : `${base}${request.path}`;
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: request.method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      });
    } catch (error) {
      throw new AppError(
        'ALTINN_UNREACHABLE',
        {
          nb: 'Fikk ikke kontakt med Altinn. Sjekk nettforbindelsen og prøv igjen.',
          en: 'Could not reach Altinn. Check the network connection and try again.',
        },
        [request.operation, (error as Error).message],
      );
    }
    const text = await response.text();
    // Altinn answers JSON or a bare text (a GUID); a page in HTML came from something between, such as a hotel
    // network's login page, which answers every request with 200 until someone logs in. Taken as Altinn's 200 it
    // would read as "system registered" with nothing registered.
    if (/html/i.test(response.headers.get('content-type') ?? '') || /^\s*</.test(text)) {
      throw new AppError(
        'ALTINN_UNREADABLE_ANSWER',
        {
          nb: 'Svaret kunne ikke leses som et svar fra Altinn. Det kommer ofte fra innloggingssiden til et gjestenett (hotell, flyplass) eller fra en proxy: logg inn på nettet i nettleseren og prøv igjen.',
          en: 'The answer could not be read as an answer from Altinn. It often comes from the login page of a guest network (hotel, airport) or from a proxy: log in to the network in your browser and try again.',
        },
        [request.operation, `HTTP ${response.status}`, text.replace(/\s+/g, ' ').trim().slice(0, 200)],
      );
    }
    let body: unknown = text;
    try {
      body = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      // Some answers are plain text (a bare GUID); keep the text.
    }
    if (response.ok || request.expect?.includes(response.status)) return { status: response.status, body, url };
    throw altinnError(response.status, body, request.operation, request.scopes, url);
  };
}

export type AltinnHttp = ReturnType<typeof createAltinnHttp>;
