import { AppError, isAppError } from '../../shared/domain/app-error';
import { text, type LocalizedText } from '../../shared/domain/localized';

/**
 * Why Altinn Events could not be used, in the terms the feedback sync acts on: `refused` (no scope, no token
 * exchange, no `subscribe` right: poll Dialogporten and try Events again much later), `unavailable` (network,
 * 5xx, 429: poll this time, try Events next time), `rejected` (400: a request Innsender built wrong) and
 * `unexpected`.
 */
export type EventsFailure = 'refused' | 'unavailable' | 'rejected' | 'unexpected';

const MESSAGES: Record<EventsFailure, { code: string; message: LocalizedText }> = {
  refused: {
    code: 'ALTINN_EVENTS_REFUSED',
    message: text(
      'Altinn Events ga ikke tilgang (scopet altinn:events.subscribe eller retten til å abonnere mangler). Innsender henter tilbakemeldinger fra Dialogporten i stedet.',
      'Altinn Events refused access (the scope altinn:events.subscribe or the right to subscribe is missing). Innsender reads feedback from Dialogporten instead.',
    ),
  },
  unavailable: {
    code: 'ALTINN_EVENTS_UNAVAILABLE',
    message: text(
      'Altinn Events svarte ikke nå. Innsender henter tilbakemeldinger fra Dialogporten denne gangen.',
      'Altinn Events did not answer now. Innsender reads feedback from Dialogporten this time.',
    ),
  },
  rejected: {
    code: 'ALTINN_EVENTS_REJECTED',
    message: text(
      'Altinn Events avviste forespørselen. Innsender henter tilbakemeldinger fra Dialogporten i stedet.',
      'Altinn Events rejected the request. Innsender reads feedback from Dialogporten instead.',
    ),
  },
  unexpected: {
    code: 'ALTINN_EVENTS_FAILED',
    message: text(
      'Altinn Events svarte uventet. Innsender henter tilbakemeldinger fra Dialogporten i stedet.',
      'Altinn Events answered unexpectedly. Innsender reads feedback from Dialogporten instead.',
    ),
  },
};

/** The message for a code kept in the Events state (`refusedCode`), for showing a standing refusal. */
export function eventsFailureMessage(code: string): LocalizedText | null {
  return Object.values(MESSAGES).find((m) => m.code === code)?.message ?? null;
}

export class EventsError extends AppError {
  constructor(
    readonly failure: EventsFailure,
    details: string[],
  ) {
    super(MESSAGES[failure].code, MESSAGES[failure].message, details);
  }

  static forStatus(status: number, operation: string): EventsError {
    const failure: EventsFailure =
      status === 401 || status === 403
        ? 'refused'
        : status === 429 || status >= 500
          ? 'unavailable'
          : status === 400
            ? 'rejected'
            : 'unexpected';
    return new EventsError(failure, [operation, `HTTP ${status}`]);
  }

  /**
   * Maskinporten would not issue the token: a scope missing on the client or not granted is a refusal; the
   * network or Maskinporten being down is only for now.
   */
  static fromTokenFailure(error: unknown): EventsError {
    const code = isAppError(error) ? error.code : 'UNKNOWN';
    const passing = ['MASKINPORTEN_UNREACHABLE', 'MASKINPORTEN_UNAVAILABLE', 'MASKINPORTEN_RATE_LIMITED'];
    return new EventsError(passing.includes(code) ? 'unavailable' : 'refused', ['maskinporten token', code]);
  }
}
