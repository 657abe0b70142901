import { AppError } from '../../shared/domain/app-error';
import type { LocalizedText } from '../../shared/domain/localized';

/** One item of Skatteetaten's detail list (the names are THIRD-PARTY, skatteetaten-apis.md §0.4). */
export interface FeilSpesifisering {
  kode: string;
  melding: string;
  sti?: string;
  angittVerdi?: string;
}

/** Skatteetaten's documented error body (§0.4), as far as it could be read. */
export interface SkatteetatenErrorBody {
  kode: string;
  melding: string;
  korrelasjonsid?: string;
  spesifisering: FeilSpesifisering[];
}

/**
 * How an error should be treated by whoever retries: `rejected` will not change by sending the same again;
 * `transient` may (5xx, 429, 408); `needs-action` will after the user fixes something outside the request
 * (a refused token, a missing right in Altinn).
 */
export type SkatteetatenErrorKind = 'rejected' | 'transient' | 'needs-action';

/** An answer from Skatteetaten that was not a success, with what the user needs to quote to Skatteetaten. */
export class SkatteetatenError extends AppError {
  constructor(
    code: string,
    message: LocalizedText,
    readonly status: number,
    readonly body: SkatteetatenErrorBody,
    readonly kind: SkatteetatenErrorKind,
    /** From Retry-After, when the answer had one. */
    readonly retryAfterMs?: number,
  ) {
    super(code, message, detailsOf(body));
    this.name = 'SkatteetatenError';
  }

  get korrelasjonsid(): string | undefined {
    return this.body.korrelasjonsid;
  }
}

/** No answer at all: the network is down, the host unknown, the connection dropped or timed out. */
export class SkatteetatenUnreachableError extends AppError {
  constructor(
    /** `offline`: nothing left this machine (refused, no route, DNS); `interrupted`: it may have arrived. */
    readonly reason: 'offline' | 'interrupted',
    cause: string,
  ) {
    super(
      reason === 'offline' ? 'SKATTEETATEN_OFFLINE' : 'SKATTEETATEN_INTERRUPTED',
      reason === 'offline'
        ? {
            nb: 'Fikk ikke kontakt med Skatteetaten. Innsendingen venter og sendes når nettet er tilbake.',
            en: 'Could not reach Skatteetaten. The submission waits and is sent when the network is back.',
          }
        : {
            nb: 'Forbindelsen til Skatteetaten ble brutt før svaret kom. Innsendingen sendes på nytt med samme nøkkel, så den blir ikke registrert to ganger.',
            en: 'The connection to Skatteetaten broke before the answer came. The submission is sent again with the same key, so it is not registered twice.',
          },
      [cause],
    );
    this.name = 'SkatteetatenUnreachableError';
  }
}

/**
 * A success status whose body is not Skatteetaten's answer: not JSON, or JSON without the receipt's fields. A guest
 * network's login page answers every request with 200 and HTML until someone logs in; a proxy or a cut-off body
 * looks the same. None of it is shown as Skatteetaten's words (the first of it goes to the details, for support),
 * and it passes: the retry carries the same idempotency key, so a report that did arrive is not registered twice.
 */
export function unreadableAnswer(status: number, text: string): SkatteetatenError {
  const start = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  return new SkatteetatenError(
    'SKATTEETATEN_UNREADABLE_ANSWER',
    {
      nb: 'Svaret kunne ikke leses som et svar fra Skatteetaten. Det kommer ofte fra innloggingssiden til et gjestenett (hotell, flyplass) eller fra en proxy: logg inn på nettet i nettleseren. En innsending sendes på nytt med samme nøkkel, så den blir ikke registrert to ganger.',
      en: 'The answer could not be read as an answer from Skatteetaten. It often comes from the login page of a guest network (hotel, airport) or from a proxy: log in to the network in your browser. A submission is sent again with the same key, so it is not registered twice.',
    },
    status,
    { kode: 'UNREADABLE_ANSWER', melding: '', spesifisering: [{ kode: `HTTP_${status}`, melding: start }] },
    'transient',
  );
}

function detailsOf(body: SkatteetatenErrorBody): string[] {
  const lines = body.spesifisering.map((s) =>
    [s.kode, s.melding, s.sti ? `(${s.sti})` : '', s.angittVerdi ? `= ${s.angittVerdi}` : ''].filter(Boolean).join(' '),
  );
  if (body.korrelasjonsid) lines.push(`korrelasjonsid ${body.korrelasjonsid}`);
  return lines;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

/**
 * Reads an error body defensively: Skatteetaten's JSON (`kode`, `melding`, `korrelasjonsid`, `spesifisering`),
 * its XML twin, a problem+json (`title`, `detail`, `traceId`), or nothing usable, in which case the HTTP status
 * stands in for the code.
 */
export function parseErrorBody(status: number, contentType: string, text: string): SkatteetatenErrorBody {
  const fallback: SkatteetatenErrorBody = { kode: `HTTP_${status}`, melding: text.slice(0, 300), spesifisering: [] };
  if (/xml/i.test(contentType) || /^\s*</.test(text)) {
    const tag = (name: string) => new RegExp(`<(?:\\w+:)?${name}>([^<]*)</(?:\\w+:)?${name}>`).exec(text)?.[1];
    const kode = tag('kode');
    if (!kode) return fallback;
    return {
      kode,
      melding: tag('melding') ?? '',
      ...optional('korrelasjonsid', tag('korrelasjonsid')),
      spesifisering: [],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fallback;
  }
  if (typeof json !== 'object' || json === null) return fallback;
  const o = json as Record<string, unknown>;
  const kode = str(o.kode) ?? str(o.code) ?? str(o.feilkode) ?? str(o.title) ?? fallback.kode;
  const melding = str(o.melding) ?? str(o.message) ?? str(o.detail) ?? str(o.title) ?? '';
  const korrelasjonsid = str(o.korrelasjonsid) ?? str(o.korrelasjonsId) ?? str(o.correlationId) ?? str(o.traceId);
  const list = [o.spesifisering, o.feilspesifisering, o.spesifiseringer, o.errors].find(Array.isArray) as
    unknown[] | undefined;
  const spesifisering = (list ?? []).flatMap((item): FeilSpesifisering[] => {
    if (typeof item !== 'object' || item === null) return [];
    const s = item as Record<string, unknown>;
    const code = str(s.kode) ?? str(s.code);
    if (!code) return [];
    return [
      {
        kode: code,
        melding: str(s.melding) ?? str(s.message) ?? str(s.detail) ?? '',
        ...optional('sti', str(s.sti) ?? str(s.path)),
        ...optional(
          'angittVerdi',
          str(s.angittVerdi) ?? (typeof s.angittVerdi === 'number' ? String(s.angittVerdi) : undefined),
        ),
      },
    ];
  });
  return { kode, melding, ...optional('korrelasjonsid', korrelasjonsid), spesifisering };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

/** What the general codes mean, the same for AMLD_ and GLD_ (skatteetaten-apis.md §1.7, §2.4). */
const KNOWN: Record<string, LocalizedText> = {
  '001': { nb: 'Skatteetaten fikk en uventet feil.', en: 'Skatteetaten had an unexpected error.' },
  '004': { nb: 'Skatteetaten godtok ikke tokenet.', en: 'Skatteetaten did not accept the token.' },
  '005': {
    nb: 'Systembrukeren har ikke tilgang til denne tjenesten for denne virksomheten. Sjekk rettighetene i Altinn.',
    en: 'The system user has no access to this service for this business. Check the rights in Altinn.',
  },
  '006': { nb: 'Forespørselen var ugyldig.', en: 'The request was invalid.' },
  '008': { nb: 'Filen har feil i strukturen.', en: 'The file has structural errors.' },
  '010': { nb: 'Filen ble avvist i valideringen.', en: 'The file failed validation.' },
  '011': { nb: 'Metadata i forespørselen var ugyldige.', en: 'The request metadata was invalid.' },
  '017': { nb: 'Skatteetaten fikk en feil på sin side.', en: 'Skatteetaten had an error on its side.' },
  '019': {
    nb: 'Idempotensnøkkelen er brukt før med et annet innhold.',
    en: 'The idempotency key was used before with different content.',
  },
  '021': { nb: 'Fant ikke det som ble spurt etter.', en: 'What was asked for was not found.' },
  '022': { nb: 'Metoden er ikke tillatt.', en: 'The method is not allowed.' },
  '023': {
    nb: 'En bakenforliggende tjeneste hos Skatteetaten feilet.',
    en: 'A backend service at Skatteetaten failed.',
  },
  '1015': {
    nb: 'Systembrukeren kan ikke rapportere for denne virksomheten.',
    en: 'The system user may not report for this business.',
  },
  '1016': { nb: 'Fant ikke hovedskjemaet.', en: 'The main form was not found.' },
  '1018': {
    nb: 'Antall underskjema stemmer ikke med det som ble mottatt.',
    en: 'The number of shareholder forms does not match what was received.',
  },
  '1029': { nb: 'Oppgaven er allerede bekreftet.', en: 'The return has already been confirmed.' },
  '1063': {
    nb: 'Tokenet mangler systembruker. Godkjenn systembrukeren i Altinn og prøv igjen.',
    en: 'The token has no system user. Approve the system user in Altinn and try again.',
  },
};

/** Skattekort's own codes (skatteetaten-apis.md §3): FOR_00x mean something else than AMLD_/GLD_00x. */
const KNOWN_FOR: Record<string, LocalizedText> = {
  FOR_001: {
    nb: 'Bestillingen av skattekort følger ikke Skatteetatens skjema.',
    en: 'The tax card order does not follow Skatteetaten’s schema.',
  },
  FOR_002: {
    nb: 'Skatteetaten kunne ikke lese bestillingen av skattekort.',
    en: 'Skatteetaten could not read the tax card order.',
  },
  FOR_003: {
    nb: 'En verdi i bestillingen av skattekort er ugyldig (f.eks. inntektsår eller bestillingsreferanse).',
    en: 'A value in the tax card order is invalid (e.g. the income year or the order reference).',
  },
};

/**
 * Skatteetaten's general melding and each spesifisering's, read as one quote: a part that does not end a sentence
 * ("Innsendingen feilet validering") gets its full stop, so it does not run into the next ("… validering Meldings-ID").
 */
function asSentences(parts: readonly string[]): string {
  return parts
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part, i, all) => (i < all.length - 1 && !/[.!?:;]$/.test(part) ? `${part}.` : part))
    .join(' ');
}

/** Turns a non-2xx answer into a typed error with nb/en text that keeps the korrelasjonsid. */
export function skatteetatenError(
  status: number,
  body: SkatteetatenErrorBody,
  retryAfterMs: number | undefined,
): SkatteetatenError {
  const codes = [body.kode, ...body.spesifisering.map((s) => s.kode)];
  const known = codes.map((c) => /^(?:AMLD|GLD|FOR)_(\d+)$/.exec(c)?.[1]).find((n) => n && KNOWN[n]);
  const meaning = codes.map((c) => KNOWN_FOR[c]).find(Boolean) ?? (known ? (KNOWN[known] as LocalizedText) : undefined);
  const kind: SkatteetatenErrorKind =
    status >= 500 || status === 429 || status === 408
      ? 'transient'
      : status === 401 || status === 403
        ? 'needs-action'
        : 'rejected';
  const said = asSentences([body.melding, ...body.spesifisering.map((s) => s.melding)]);
  const ref = body.korrelasjonsid;
  const message: LocalizedText = {
    nb: [
      meaning?.nb ?? `Skatteetaten svarte med HTTP ${status}.`,
      said ? `Skatteetaten: «${said}»` : '',
      ref ? `Oppgi korrelasjons-ID ${ref} hvis du kontakter Skatteetaten.` : '',
    ]
      .filter(Boolean)
      .join(' '),
    en: [
      meaning?.en ?? `Skatteetaten answered HTTP ${status}.`,
      said ? `Skatteetaten: “${said}”` : '',
      ref ? `Quote correlation id ${ref} if you contact Skatteetaten.` : '',
    ]
      .filter(Boolean)
      .join(' '),
  };
  const code = `SKATTEETATEN_${body.kode.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}`.replace(/_+$/, '');
  return new SkatteetatenError(code, message, status, body, kind, retryAfterMs);
}

/** Retry-After as seconds or an HTTP date, in milliseconds from `now`. */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
