import { AppError } from '../../shared/domain/app-error';
import { namingMissingPrerequisite } from '../../shared/domain/missing-prerequisite';
import type { LocalizedText } from '../../shared/domain/localized';
import { serviceForScope } from '../../shared/domain/services-catalogue';
import type { TokenOutcome } from './token-response';

/** Maskinporten accepts iat within ±10 s of its own clock (altinn-auth.md §1.3). */
export const CLOCK_TOLERANCE_SECONDS = 10;

export interface TokenErrorContext {
  clientId: string;
  scopes: readonly string[];
  systemUserOrg?: string;
  kid: string;
  /** Our clock when the answer arrived, compared with the server's Date header. */
  receivedAt: Date;
  /** Maskinporten's issuer: which environment's prerequisite a refusal links to (shared/domain/prerequisites.ts). */
  issuer?: string;
}

/** Seconds our clock is ahead of the server's (negative: behind), from the response's Date header. */
export function clockSkewSeconds(serverDate: Date | undefined, localNow: Date): number | undefined {
  if (!serverDate) return undefined;
  // The Date header has whole seconds; a skew within one second of that is noise.
  return Math.round((localNow.getTime() - serverDate.getTime()) / 1000);
}

/** Maskinporten's 429, with how long it asked us to wait, so a retry (the outbox's) is never sooner. */
export class MaskinportenRateLimitedError extends AppError {
  readonly retryAfterMs: number | undefined;
  constructor(retryAfterSeconds?: number) {
    super('MASKINPORTEN_RATE_LIMITED', {
      nb: `Maskinporten ber oss vente${retryAfterSeconds !== undefined ? ` ${retryAfterSeconds} sekunder` : ''} før neste forsøk.`,
      en: `Maskinporten asks us to wait${retryAfterSeconds !== undefined ? ` ${retryAfterSeconds} seconds` : ''} before trying again.`,
    });
    this.name = 'MaskinportenRateLimitedError';
    this.retryAfterMs = retryAfterSeconds === undefined ? undefined : retryAfterSeconds * 1000;
  }
}

export function clockSkewError(skew: number): AppError {
  const d = skew > 0 ? { nb: 'foran', en: 'ahead of' } : { nb: 'etter', en: 'behind' };
  return new AppError(
    'MASKINPORTEN_CLOCK_SKEW',
    {
      nb: `Klokken på denne maskinen går ${Math.abs(skew)} sekunder ${d.nb} Maskinporten, som tåler ${CLOCK_TOLERANCE_SECONDS}. Slå på automatisk tid (NTP) i operativsystemet og prøv igjen.`,
      en: `This computer's clock is ${Math.abs(skew)} seconds ${d.en} Maskinporten, which tolerates ${CLOCK_TOLERANCE_SECONDS}. Turn on automatic time (NTP) in the operating system and try again.`,
    },
    [`skew ${skew}s`],
  );
}

/** Turns a failed token request into the error the user can act on (altinn-auth.md §1.5, §2.4). */
export function tokenError(outcome: Exclude<TokenOutcome, { kind: 'token' }>, context: TokenErrorContext): AppError {
  switch (outcome.kind) {
    case 'unreachable':
      return new AppError(
        'MASKINPORTEN_UNREACHABLE',
        {
          nb: 'Fikk ikke kontakt med Maskinporten. Sjekk nettforbindelsen (og eventuell proxy) og prøv igjen.',
          en: 'Could not reach Maskinporten. Check the network connection (and any proxy) and try again.',
        },
        [outcome.cause],
      );
    case 'unavailable':
      return new AppError('MASKINPORTEN_UNAVAILABLE', {
        nb: `Maskinporten svarte med en feil på sin side (HTTP ${outcome.status}). Prøv igjen om litt; se status.digdir.no hvis det varer.`,
        en: `Maskinporten answered with an error on its side (HTTP ${outcome.status}). Try again shortly; see status.digdir.no if it lasts.`,
      });
    case 'unreadable':
      return new AppError(
        'MASKINPORTEN_UNREADABLE_ANSWER',
        {
          nb: 'Svaret kunne ikke leses som et svar fra Maskinporten. Det kommer ofte fra innloggingssiden til et gjestenett (hotell, flyplass) eller fra en proxy: logg inn på nettet i nettleseren og prøv igjen.',
          en: 'The answer could not be read as an answer from Maskinporten. It often comes from the login page of a guest network (hotel, airport) or from a proxy: log in to the network in your browser and try again.',
        },
        [`HTTP ${outcome.status}`],
      );
    case 'rate-limited':
      return new MaskinportenRateLimitedError(outcome.retryAfterSeconds);
    case 'oauth-error': {
      const error = oauthError(outcome, context);
      return context.issuer ? namingMissingPrerequisite(error, context.issuer, context.scopes) : error;
    }
  }
}

function oauthError(outcome: Extract<TokenOutcome, { kind: 'oauth-error' }>, context: TokenErrorContext): AppError {
  const details = [`${outcome.error}: ${outcome.description}`.trim()];
  const make = (code: string, message: LocalizedText) => new AppError(code, message, details);
  const mp = /MP-(\d{3})/.exec(outcome.description)?.[1];
  const text = outcome.description.toLowerCase();
  const skew = clockSkewSeconds(outcome.serverDate, context.receivedAt);
  const timeRelated = mp === '130' || /expired|issue time|iat|clock/.test(text);
  if (
    skew !== undefined &&
    Math.abs(skew) > CLOCK_TOLERANCE_SECONDS &&
    (timeRelated || outcome.error === 'invalid_grant')
  ) {
    const error = clockSkewError(skew);
    return new AppError(error.code, error.localized, [...(error.details ?? []), ...details]);
  }
  const scopes = context.scopes.join(' ');
  if (outcome.error === 'invalid_client' || mp === '100') {
    return make('MASKINPORTEN_UNKNOWN_CLIENT', {
      nb: `Maskinporten kjenner ikke klient-ID-en ${context.clientId} i dette miljøet. Sjekk at klient-ID-en i profilen er riktig, og at klienten er laget for samme miljø (test eller produksjon).`,
      en: `Maskinporten does not know client id ${context.clientId} in this environment. Check the client id in the profile, and that the client was made for the same environment (test or production).`,
    });
  }
  if (mp === '110') {
    return make('MASKINPORTEN_WRONG_AUDIENCE', {
      nb: 'Maskinporten avviste mottakeren (aud) i forespørselen. Sjekk at profilen bruker riktig miljø.',
      en: 'Maskinporten refused the audience (aud) of the grant. Check that the profile uses the right environment.',
    });
  }
  if (mp === '121') {
    return make('MASKINPORTEN_KEY_EXPIRED', {
      nb: `Nøkkelen ${context.kid} er mer enn ett år gammel i Maskinporten. Last den opp på nytt på klienten (det fornyer den) eller lag en ny nøkkel.`,
      en: `Key ${context.kid} is more than a year old in Maskinporten. Upload it again on the client (that renews it) or generate a new key.`,
    });
  }
  if (mp === '120' || mp === '122' || mp === '123') {
    return make('MASKINPORTEN_CERTIFICATE_REJECTED', {
      nb: 'Maskinporten avviste virksomhetssertifikatet. Bruk et testsertifikat i testmiljøet og et produksjonssertifikat i produksjon, utstedt til organisasjonen som eier klienten.',
      en: 'Maskinporten refused the enterprise certificate. Use a test certificate in test and a production certificate in production, issued to the organisation that owns the client.',
    });
  }
  if (mp === '124' || /signature|kid/.test(text)) {
    return make('MASKINPORTEN_KEY_NOT_REGISTERED', {
      nb: `Maskinporten kjenner ikke nøkkelen ${context.kid} på klienten ${context.clientId}. Last opp den offentlige nøkkelen (JWK) på klienten i Samarbeidsportalen; det kan ta opptil to minutter før den virker. Viser portalen nøkkelen med en annen kid, skriv den inn ved nøkkelen i oppsettet (steg 1) eller med innsender keys portal-kid.`,
      en: `Maskinporten does not know key ${context.kid} on client ${context.clientId}. Upload the public key (JWK) on the client in Samarbeidsportalen; it can take up to two minutes to take effect. If the portal lists the key under another kid, enter it by the key in the setup (step 1) or with innsender keys portal-kid.`,
    });
  }
  if (timeRelated) {
    return make('MASKINPORTEN_GRANT_EXPIRED', {
      nb: 'Maskinporten mente forespørselen var utløpt. Sjekk at klokken på maskinen stiller seg automatisk, og prøv igjen.',
      en: 'Maskinporten considered the grant expired. Check that this computer sets its clock automatically, and try again.',
    });
  }
  if (mp === '012') {
    return make('MASKINPORTEN_GRANT_REUSED', {
      nb: 'Maskinporten så den samme forespørselen to ganger. Prøv igjen; hvis det gjentar seg, meld det som en feil i Innsender.',
      en: 'Maskinporten saw the same grant twice. Try again; if it happens again, report it as a bug in Innsender.',
    });
  }
  if (outcome.error === 'invalid_scope' || mp === '200' || mp === '201') {
    return make('MASKINPORTEN_SCOPE_NOT_ON_CLIENT', {
      nb: `Klienten ${context.clientId} har ikke alle disse scopene: ${scopes}. Legg dem til på klienten i Samarbeidsportalen. Mangler et scope i listen der, må du først få tilgang fra API-eieren (Skatteetaten eller Digdir).`,
      en: `Client ${context.clientId} lacks some of these scopes: ${scopes}. Add them to the client in Samarbeidsportalen. If a scope is missing from the list there, first get access from the API owner (Skatteetaten or Digdir).`,
    });
  }
  if (mp === '250' || mp === '251' || outcome.status === 403) {
    return make('MASKINPORTEN_SCOPE_NOT_GRANTED', {
      nb: `Organisasjonen har ikke fått tilgang til ${scopes} av API-eieren. Søk om tilgang hos Skatteetaten (eller Digdir for Altinn-scopene).`,
      en: `The organisation has not been granted ${scopes} by the API owner. Apply for access with Skatteetaten (or Digdir for the Altinn scopes).`,
    });
  }
  if (mp === '303' || outcome.error === 'invalid_altinn_customer_configuration') {
    const notGranted = serviceNotGranted(outcome.description, context);
    if (notGranted) return notGranted;
    const org = context.systemUserOrg ?? '?';
    return make('MASKINPORTEN_SYSTEMUSER_NOT_FOUND', {
      nb: `Maskinporten fant ingen godkjent systembruker for ${org} knyttet til klienten ${context.clientId}. Fullfør systembruker-forespørselen og få den godkjent i Altinn, sjekk at systemet i Altinn har denne klient-ID-en, og at externalRef stemmer med forespørselen.`,
      en: `Maskinporten found no approved systembruker for ${org} tied to client ${context.clientId}. Finish the systembruker request and have it approved in Altinn, check that the system in Altinn lists this client id, and that the externalRef matches the request.`,
    });
  }
  if (mp === '301' || mp === '302') {
    return make('MASKINPORTEN_AUTHORIZATION_DETAILS_REJECTED', {
      nb: 'Maskinporten avviste systembruker-delen av forespørselen. Dette er en feil i Innsender; meld den.',
      en: 'Maskinporten refused the systembruker part of the grant. This is a bug in Innsender; please report it.',
    });
  }
  return make('MASKINPORTEN_REJECTED', {
    nb: `Maskinporten avviste forespørselen: ${outcome.description || outcome.error}.`,
    en: `Maskinporten refused the grant: ${outcome.description || outcome.error}.`,
  });
}

/**
 * MP-303 covers several causes (altinn-auth.md §2.4). When Maskinporten's description names one of the scopes
 * asked for, the systembruker exists but has not been given that service: that is the headline, with the service
 * by name and where to add it; the generic code and Maskinporten's own words follow in the details.
 */
function serviceNotGranted(description: string, context: TokenErrorContext): AppError | null {
  const scopes = context.scopes.filter((scope) => description.includes(scope));
  if (scopes.length === 0) return null;
  const names = scopes.map((scope) => serviceForScope(scope)?.name ?? { nb: scope, en: scope });
  const nb = names.map((n) => n.nb).join(', ');
  const en = names.map((n) => n.en).join(', ');
  const org = context.systemUserOrg ?? '?';
  return new AppError(
    'MASKINPORTEN_SERVICE_NOT_GRANTED',
    {
      nb: `MP-303: Systembrukeren for ${org} har ikke fått tjenesten ${nb} (${scopes.join(' ')}). Legg den til under Oppsett, steg 3 («Legg til eller fjern tjenester …»), og få endringen godkjent i Altinn.`,
      en: `MP-303: The systembruker for ${org} has not been given the service ${en} (${scopes.join(' ')}). Add it in Setup, step 3 ("Add or remove services …"), and have the change approved in Altinn.`,
    },
    ['MASKINPORTEN_SYSTEMUSER_NOT_FOUND (MP-303)', description],
  );
}
