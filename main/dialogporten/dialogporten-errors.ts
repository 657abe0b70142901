import { AppError } from '../../shared/domain/app-error';
import { text, type LocalizedText } from '../../shared/domain/localized';

/**
 * What went wrong talking to Dialogporten, in the terms the sync acts on: wait and retry (`unavailable`,
 * `rate-limited`), stop until the network is back (`unreachable`), or tell the user (the rest).
 */
export type DialogportenFailure =
  | 'unreachable'
  | 'unavailable'
  | 'rate-limited'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'gone'
  | 'rejected'
  | 'unexpected';

const MESSAGES: Record<DialogportenFailure, { code: string; message: LocalizedText }> = {
  unreachable: {
    code: 'DIALOGPORTEN_UNREACHABLE',
    message: text(
      'Fikk ikke kontakt med Dialogporten. Innsender prøver igjen når nettet er tilbake.',
      'Could not reach Dialogporten. Innsender tries again when the network is back.',
    ),
  },
  unavailable: {
    code: 'DIALOGPORTEN_UNAVAILABLE',
    message: text(
      'Dialogporten er midlertidig utilgjengelig. Innsender prøver igjen senere.',
      'Dialogporten is temporarily unavailable. Innsender tries again later.',
    ),
  },
  'rate-limited': {
    code: 'DIALOGPORTEN_RATE_LIMITED',
    message: text(
      'Dialogporten ber oss vente litt før neste forespørsel. Innsender prøver igjen av seg selv.',
      'Dialogporten asks us to wait before the next request. Innsender retries by itself.',
    ),
  },
  unauthorized: {
    code: 'DIALOGPORTEN_UNAUTHORIZED',
    message: text(
      'Dialogporten godtok ikke tokenet. Sjekk at Maskinporten-klienten har scopet digdir:dialogporten.',
      'Dialogporten did not accept the token. Check that the Maskinporten client has the scope digdir:dialogporten.',
    ),
  },
  forbidden: {
    code: 'DIALOGPORTEN_FORBIDDEN',
    message: text(
      'Systembrukeren har ikke tilgang til denne dialogen. Sjekk rettighetene systembrukeren er gitt i Altinn.',
      'The system user may not see this dialog. Check the rights the system user was given in Altinn.',
    ),
  },
  'not-found': {
    code: 'DIALOGPORTEN_NOT_FOUND',
    message: text('Fant ikke dialogen i Dialogporten.', 'The dialog was not found in Dialogporten.'),
  },
  gone: {
    code: 'DIALOGPORTEN_GONE',
    message: text('Dialogen er slettet i Dialogporten.', 'The dialog has been deleted in Dialogporten.'),
  },
  rejected: {
    code: 'DIALOGPORTEN_REJECTED',
    message: text(
      'Dialogporten avviste forespørselen. Detaljene står i loggen.',
      'Dialogporten rejected the request. The details are in the log.',
    ),
  },
  unexpected: {
    code: 'DIALOGPORTEN_FAILED',
    message: text(
      'Dialogporten svarte uventet. Prøv igjen senere; detaljene står i loggen.',
      'Dialogporten answered unexpectedly. Try again later; the details are in the log.',
    ),
  },
};

export class DialogportenError extends AppError {
  constructor(
    readonly failure: DialogportenFailure,
    details: string[],
    /** How long the server asked us to wait (503/429 `Retry-After`), when it said. */
    readonly retryAfterMs?: number,
  ) {
    super(MESSAGES[failure].code, MESSAGES[failure].message, details);
    this.name = 'DialogportenError';
  }

  /** Worth trying again later without the user doing anything. */
  get transient(): boolean {
    return this.failure === 'unreachable' || this.failure === 'unavailable' || this.failure === 'rate-limited';
  }
}

export function failureForStatus(status: number): DialogportenFailure {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 410) return 'gone';
  if (status === 429) return 'rate-limited';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  if (status === 400 || status === 422) return 'rejected';
  return 'unexpected';
}

/** `Retry-After` is seconds or an HTTP date (Dialogporten sends an RFC 1123 date on 503, §5). */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** The problem+json fields worth logging, read leniently (the 1.40 schema and the server differ, §5). */
export function problemSummary(body: unknown): string[] {
  if (!body || typeof body !== 'object') return typeof body === 'string' && body ? [body.slice(0, 200)] : [];
  const p = body as Record<string, unknown>;
  const out: string[] = [];
  for (const key of ['title', 'detail', 'traceId']) if (typeof p[key] === 'string') out.push(`${key}: ${p[key]}`);
  const errors = p.errors;
  if (Array.isArray(errors)) {
    for (const e of errors.slice(0, 10)) {
      const item = e as Record<string, unknown>;
      out.push(`error: ${String(item.name ?? item.code ?? '')} ${String(item.reason ?? item.detail ?? '')}`.trim());
    }
  } else if (errors && typeof errors === 'object') {
    for (const [name, messages] of Object.entries(errors).slice(0, 10)) out.push(`error: ${name} ${String(messages)}`);
  }
  return out;
}
