/** Tokens are reused until this long before they expire, so no request leaves with a token about to lapse. */
export const EXPIRY_MARGIN_SECONDS = 20;

export interface CachedToken {
  value: string;
  expiresAt: Date;
}

export interface TokenCacheKey {
  clientId: string;
  /** The systembruker's org, or absent for a plain token (the Altinn setup APIs). */
  orgNumber?: string;
  externalRef?: string;
  scopes: readonly string[];
}

/**
 * One token per (client, org, externalRef, scope set), and one request in flight per key: ten reports sent at
 * once cost one grant, not ten (Maskinporten tokens "may be reused until they expire", altinn-auth.md §1.4).
 */
export class TokenCache<T extends CachedToken = CachedToken> {
  private readonly tokens = new Map<string, T>();
  private readonly inFlight = new Map<string, Promise<T>>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  static keyOf(key: TokenCacheKey): string {
    const scopes = [...new Set(key.scopes)].sort().join(' ');
    return JSON.stringify([key.clientId, key.orgNumber ?? '', key.externalRef ?? '', scopes]);
  }

  async get(key: TokenCacheKey, fetchToken: () => Promise<T>): Promise<T> {
    const id = TokenCache.keyOf(key);
    const cached = this.tokens.get(id);
    if (cached && cached.expiresAt.getTime() - EXPIRY_MARGIN_SECONDS * 1000 > this.now().getTime()) return cached;
    const pending = this.inFlight.get(id);
    if (pending) return pending;
    const request = fetchToken()
      .then((token) => {
        this.tokens.set(id, token);
        return token;
      })
      .finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, request);
    return request;
  }

  /** After an API answered 401 with a cached token: the next call fetches a fresh one. */
  invalidate(key?: TokenCacheKey): void {
    if (key) this.tokens.delete(TokenCache.keyOf(key));
    else this.tokens.clear();
  }
}
