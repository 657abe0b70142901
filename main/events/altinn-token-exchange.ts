import { decodeJwt } from 'jose';
import { EventsError } from './events-errors';

export interface AltinnTokenExchangeOptions {
  /** `https://platform.altinn.no` (the environment table's `altinn.platform`). */
  platform: string;
  /** A Maskinporten systembruker token carrying `altinn:events.subscribe`. */
  maskinportenToken: () => Promise<string>;
  fetch?: typeof fetch;
  now?: () => Date;
}

/** Exchanged tokens are renewed this long before they expire, so none runs out on its way. */
const RENEW_BEFORE_MS = 20_000;

/**
 * Altinn Events takes only Altinn tokens: `GET {platform}/authentication/api/v1/exchange/maskinporten` with the
 * Maskinporten token as the bearer returns one (dialogporten-events.md §2.3; docs.altinn.studio "altinn-token").
 * The body is the JWT as plain text or as a JSON string; both are read. One token is kept until shortly before
 * its `exp`. Refusals are `EventsError('refused')`, so the caller falls back to polling Dialogporten.
 */
export class AltinnTokenExchange {
  private cached: { token: string; expiresAt: number } | null = null;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => Date;

  constructor(private readonly options: AltinnTokenExchangeOptions) {
    this.fetchImpl = options.fetch ?? fetch;
    this.now = options.now ?? (() => new Date());
  }

  async token(): Promise<string> {
    const at = this.now().getTime();
    if (this.cached && this.cached.expiresAt - RENEW_BEFORE_MS > at) return this.cached.token;
    const maskinporten = await this.options.maskinportenToken().catch((error: unknown) => {
      throw EventsError.fromTokenFailure(error);
    });
    const url = `${this.options.platform.replace(/\/+$/, '')}/authentication/api/v1/exchange/maskinporten`;
    let response: Response;
    try {
      response = await this.fetchImpl(url, { headers: { authorization: `Bearer ${maskinporten}` } });
    } catch (error) {
      throw new EventsError('unavailable', ['token exchange', (error as Error).message]);
    }
    const body = (await response.text()).trim();
    if (!response.ok) throw EventsError.forStatus(response.status, 'token exchange');
    const token = body.startsWith('"') ? (JSON.parse(body) as string) : body;
    let exp: number | undefined;
    try {
      exp = decodeJwt(token).exp;
    } catch {
      throw new EventsError('unexpected', ['token exchange', 'the answer is not a JWT']);
    }
    this.cached = { token, expiresAt: (exp ?? Math.floor(at / 1000) + 60) * 1000 };
    return token;
  }
}
