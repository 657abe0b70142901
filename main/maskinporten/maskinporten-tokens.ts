import type { GrantSigner } from '../keys/maskinporten-keys';
import { createGrant, type SystemUserClaim } from './grant';
import { TokenCache, type CachedToken } from './token-cache';
import { postGrant, type TokenOutcome } from './token-response';
import { tokenError } from './token-errors';

export interface AccessToken extends CachedToken {
  /** The scopes Maskinporten says it granted (informational only, altinn-auth.md §1.4). */
  scopes: string[];
  systemUser?: SystemUserClaim;
  /** The key that signed the grant, so the UI can confirm a pending key works. */
  kid: string;
}

export interface TokenRequest {
  scopes: readonly string[];
  /** Absent for a plain token (system register, system user requests); present for a systembruker token. */
  systemUser?: SystemUserClaim;
}

export interface MaskinportenTokensOptions {
  issuer: string;
  tokenEndpoint: string;
  clientId: string;
  /** Reads the signing key from the keychain when a grant is needed (MaskinportenKeys.signer). */
  signer: () => Promise<GrantSigner>;
  fetch?: typeof fetch;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** A 429 with a Retry-After up to this long is waited out once; longer, the caller gets the error. */
  maxRetryWaitMs?: number;
  cache?: TokenCache<AccessToken>;
}

/**
 * Maskinporten tokens for one client: a grant per request, a cache per (org, scopes), and one retry for a
 * transient failure (5xx, a dropped connection, a short 429) with a fresh grant, since a grant can't be reused.
 */
export class MaskinportenTokens {
  private readonly cache: TokenCache<AccessToken>;
  private readonly now: () => Date;

  constructor(private readonly options: MaskinportenTokensOptions) {
    this.now = options.now ?? (() => new Date());
    this.cache = options.cache ?? new TokenCache<AccessToken>(this.now);
  }

  tokenForScopes(request: TokenRequest): Promise<AccessToken> {
    return this.cache.get(this.keyOf(request), () => this.fetchToken(request));
  }

  invalidate(request?: TokenRequest): void {
    this.cache.invalidate(request ? this.keyOf(request) : undefined);
  }

  private keyOf(request: TokenRequest) {
    return {
      clientId: this.options.clientId,
      scopes: request.scopes,
      ...(request.systemUser ? { orgNumber: request.systemUser.orgNumber } : {}),
      ...(request.systemUser?.externalRef ? { externalRef: request.systemUser.externalRef } : {}),
    };
  }

  private async fetchToken(request: TokenRequest): Promise<AccessToken> {
    const signer = await this.options.signer();
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const maxWait = this.options.maxRetryWaitMs ?? 5_000;
    let outcome = await this.attempt(request, signer);
    if (outcome.kind === 'unavailable' || outcome.kind === 'unreachable') {
      await sleep(500);
      outcome = await this.attempt(request, signer);
    } else if (outcome.kind === 'rate-limited') {
      const waitMs = (outcome.retryAfterSeconds ?? 1) * 1000;
      if (waitMs <= maxWait) {
        await sleep(waitMs);
        outcome = await this.attempt(request, signer);
      }
    }
    if (outcome.kind !== 'token') {
      throw tokenError(outcome, {
        clientId: this.options.clientId,
        scopes: request.scopes,
        kid: signer.kid,
        receivedAt: this.now(),
        issuer: this.options.issuer,
        ...(request.systemUser ? { systemUserOrg: request.systemUser.orgNumber } : {}),
      });
    }
    const expiresAt = new Date(this.now().getTime() + outcome.expiresIn * 1000);
    return {
      value: outcome.accessToken,
      expiresAt,
      scopes: outcome.scope.split(' ').filter(Boolean),
      kid: signer.kid,
      ...(request.systemUser ? { systemUser: request.systemUser } : {}),
    };
  }

  private async attempt(request: TokenRequest, signer: GrantSigner): Promise<TokenOutcome> {
    const assertion = await createGrant({
      issuer: this.options.issuer,
      clientId: this.options.clientId,
      scopes: request.scopes,
      signer,
      now: this.now(),
      ...(request.systemUser ? { systemUser: request.systemUser } : {}),
    });
    return postGrant(this.options.tokenEndpoint, assertion, this.options.fetch);
  }
}
