import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { GrantSigner } from '../keys/maskinporten-keys';

/** Maskinporten refuses a grant whose exp − iat exceeds this (altinn-auth.md §1.3). */
export const MAX_GRANT_LIFETIME_SECONDS = 120;
const DEFAULT_GRANT_LIFETIME_SECONDS = 60;

/** The org whose systembruker the token acts as, and the externalRef its request was created with. */
export interface SystemUserClaim {
  orgNumber: string;
  /** Required when the system user request had one other than the org number, or Maskinporten answers MP-303. */
  externalRef?: string;
}

export interface GrantInput {
  /** The grant's `aud`: Maskinporten's issuer exactly as published (with its trailing slash). */
  issuer: string;
  clientId: string;
  scopes: readonly string[];
  signer: GrantSigner;
  systemUser?: SystemUserClaim;
  now: Date;
  lifetimeSeconds?: number;
}

export interface SystemUserAuthorizationDetail {
  type: 'urn:altinn:systemuser';
  systemuser_org: { authority: 'iso6523-actorid-upis'; ID: string };
  externalRef?: string;
}

/** RFC 9396 details for a systembruker token: exactly one object, one org (altinn-auth.md §2.1). */
export function systemUserAuthorizationDetails(claim: SystemUserClaim): SystemUserAuthorizationDetail[] {
  return [
    {
      type: 'urn:altinn:systemuser',
      systemuser_org: { authority: 'iso6523-actorid-upis', ID: `0192:${claim.orgNumber}` },
      ...(claim.externalRef ? { externalRef: claim.externalRef } : {}),
    },
  ];
}

/**
 * The RFC 7523 JWT grant (altinn-auth.md §1.2–1.3, §2.1): signed RS256, named by `kid` (a registered key) or
 * `x5c` (a virksomhetssertifikat), with a fresh jti each time because Maskinporten refuses a reused grant.
 */
export async function createGrant(input: GrantInput): Promise<string> {
  if (input.scopes.length === 0) throw new Error('A Maskinporten grant needs at least one scope');
  const lifetime = Math.min(input.lifetimeSeconds ?? DEFAULT_GRANT_LIFETIME_SECONDS, MAX_GRANT_LIFETIME_SECONDS);
  const iat = Math.floor(input.now.getTime() / 1000);
  const claims: Record<string, unknown> = { scope: input.scopes.join(' ') };
  if (input.systemUser) claims.authorization_details = systemUserAuthorizationDetails(input.systemUser);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...input.signer.header })
    .setAudience(input.issuer)
    .setIssuer(input.clientId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + lifetime)
    .setJti(randomUUID())
    .sign(input.signer.key);
}
