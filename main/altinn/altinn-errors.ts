import { AppError } from '../../shared/domain/app-error';
import { namingMissingPrerequisite } from '../../shared/domain/missing-prerequisite';
import type { LocalizedText } from '../../shared/domain/localized';

/** Altinn's problem+json (altinn-auth.md §4.4): `code` at the top, or per item in `errors[]`. */
export interface AltinnProblem {
  status?: number;
  title?: string;
  detail?: string;
  code?: string;
  errors?: { code?: string; detail?: string; paths?: string[] }[];
}

export function problemCodes(body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  const problem = body as AltinnProblem;
  const codes = [problem.code, ...(problem.errors ?? []).map((e) => e.code)];
  return codes.filter((c): c is string => typeof c === 'string');
}

const MESSAGES: Record<string, LocalizedText> = {
  'AUTH.VLD-00001': {
    nb: 'System-ID-en må begynne med organisasjonsnummeret og en understrek (987654321_innsender).',
    en: 'The system id must start with the organisation number and an underscore (987654321_innsender).',
  },
  'AUTH.VLD-00013': {
    nb: 'System-ID-en kan ikke inneholde mellomrom.',
    en: 'The system id cannot contain spaces.',
  },
  'AUTH.VLD-00003': {
    nb: 'En av tjenestene (ressursene) finnes ikke i Altinns ressursregister i dette miljøet. Fjern tjenesten eller sjekk katalogen.',
    en: "One of the services (resources) does not exist in Altinn's resource register in this environment. Remove it or check the catalogue.",
  },
  'AUTH.VLD-00017': {
    nb: 'En av tjenestene kan ikke delegeres til en systembruker.',
    en: 'One of the services cannot be delegated to a system user.',
  },
  'AUTH.VLD-00004': {
    nb: 'Maskinporten-klienten er allerede knyttet til et annet system i Altinn. Bruk en egen klient for Innsender, eller fjern den fra det andre systemet.',
    en: 'The Maskinporten client is already tied to another system in Altinn. Use a separate client for Innsender, or remove it from the other system.',
  },
  'AUTH.VLD-00005': {
    nb: 'En retur-adresse (redirect URL) er ugyldig; Altinn krever https.',
    en: 'A redirect URL is invalid; Altinn requires https.',
  },
  'AUTH.VLD-00008': {
    nb: 'En tilgangspakke finnes ikke eller kan ikke delegeres.',
    en: 'An access package does not exist or cannot be delegated.',
  },
  'AUTH.VLD-00018': {
    nb: 'Tilgangspakker for klientforhold kan ikke brukes på et synlig system. Velg enkeltrettigheter i stedet.',
    en: 'Client-relationship access packages cannot be used on a visible system. Choose single rights instead.',
  },
  'AUTH-00011': {
    nb: 'Systemet er ikke registrert i Altinn for denne organisasjonen. Registrer systemet først (forrige steg).',
    en: 'The system is not registered in Altinn for this organisation. Register the system first (the previous step).',
  },
  'AUTH-00010': {
    nb: 'Altinn kjenner ikke denne systembruker-forespørselen. Lag en ny forespørsel.',
    en: 'Altinn does not know this system user request. Create a new request.',
  },
  'AUTH-00000': {
    nb: 'Altinn kjenner ikke organisasjonen som skal eie systembrukeren. I testmiljøet må det være en syntetisk organisasjon fra Tenor.',
    en: 'Altinn does not know the organisation that is to own the system user. In the test environment it must be a synthetic organisation from Tenor.',
  },
  'AUTH-00001': {
    nb: 'Forespørselen ber om en rettighet systemet ikke har. Oppdater systemet i Altinn med tjenestene først.',
    en: 'The request asks for a right the system does not have. Update the system in Altinn with the services first.',
  },
  'AUTH-00059': {
    nb: 'Velg minst én tjeneste før du ber om en systembruker.',
    en: 'Choose at least one service before requesting a system user.',
  },
  'AUTH-00021': {
    nb: 'Retur-adressen er ikke en av systemets tillatte adresser.',
    en: "The redirect URL is not one of the system's allowed URLs.",
  },
  'AUTH-00026': {
    nb: 'Systemet har ingen tillatte retur-adresser; send forespørselen uten retur-adresse.',
    en: 'The system has no allowed redirect URLs; send the request without one.',
  },
  'AUTH-00009': {
    nb: 'Eieren avviste forrige forespørsel. Slett den og lag en ny hvis eieren har ombestemt seg.',
    en: 'The owner rejected the previous request. Delete it and create a new one if the owner has changed their mind.',
  },
  'AUTH-00008': {
    nb: 'Forrige forespørsel ble nektet i Altinn. Slett den og lag en ny.',
    en: 'The previous request was denied in Altinn. Delete it and create a new one.',
  },
  'AUTH-00023': {
    nb: 'Altinn fant ikke organisasjonsnummeret i Maskinporten-tokenet. Sjekk at klienten tilhører organisasjonen.',
    en: 'Altinn found no organisation number in the Maskinporten token. Check that the client belongs to the organisation.',
  },
};

/**
 * An Altinn error answer as the user's next step (altinn-auth.md §4.4, §5.1). Given the address asked, a refusal
 * that means a setup prerequisite is missing names it (shared/domain/prerequisites.ts).
 */
export function altinnError(
  status: number,
  body: unknown,
  operation: string,
  scopes: readonly string[],
  url?: string,
): AppError {
  const error = altinnRefusal(status, body, operation, scopes);
  return url ? namingMissingPrerequisite(error, url, scopes) : error;
}

function altinnRefusal(status: number, body: unknown, operation: string, scopes: readonly string[]): AppError {
  const codes = problemCodes(body);
  const known = codes.find((c) => MESSAGES[c]);
  const detail = [`${operation}: HTTP ${status}`, ...codes, problemText(body)].filter(Boolean) as string[];
  if (known) return new AppError(`ALTINN_${known.replace(/[.-]/g, '_')}`, MESSAGES[known] as LocalizedText, detail);
  if (status === 401) {
    return new AppError(
      'ALTINN_UNAUTHORIZED',
      {
        nb: 'Altinn godtok ikke Maskinporten-tokenet. Sjekk at profilen og klienten hører til samme miljø.',
        en: 'Altinn did not accept the Maskinporten token. Check that the profile and the client belong to the same environment.',
      },
      detail,
    );
  }
  if (status === 403) {
    return new AppError(
      'ALTINN_FORBIDDEN',
      {
        nb: `Altinn nektet tilgang. Klienten trenger scopet ${scopes.join(' ')} (bestilles hos Digdir/Altinn), og systemet må tilhøre organisasjonen i tokenet.`,
        en: `Altinn refused access. The client needs the scope ${scopes.join(' ')} (ordered from Digdir/Altinn), and the system must belong to the organisation in the token.`,
      },
      detail,
    );
  }
  if (status === 429) {
    return new AppError(
      'ALTINN_RATE_LIMITED',
      {
        nb: 'Altinn ber oss vente litt. Prøv igjen om et minutt.',
        en: 'Altinn asks us to wait. Try again in a minute.',
      },
      detail,
    );
  }
  if (status >= 500) {
    return new AppError(
      'ALTINN_UNAVAILABLE',
      {
        nb: `Altinn svarte med en feil på sin side (HTTP ${status}). Prøv igjen om litt.`,
        en: `Altinn answered with an error on its side (HTTP ${status}). Try again shortly.`,
      },
      detail,
    );
  }
  return new AppError(
    'ALTINN_REJECTED',
    {
      nb: `Altinn avviste forespørselen (HTTP ${status}): ${problemText(body) ?? 'ingen forklaring'}.`,
      en: `Altinn refused the request (HTTP ${status}): ${problemText(body) ?? 'no explanation'}.`,
    },
    detail,
  );
}

function problemText(body: unknown): string | undefined {
  if (typeof body === 'string') return body.slice(0, 300);
  if (!body || typeof body !== 'object') return undefined;
  const p = body as AltinnProblem;
  return [p.title, p.detail, ...(p.errors ?? []).map((e) => e.detail)].filter(Boolean).join(' / ') || undefined;
}
