import { decodeJwt } from 'jose';

/** What the UI and CLI may show about a token: who, what, until when. Never the token itself. */
export interface TokenClaimsSummary {
  clientId?: string;
  consumerOrg?: string;
  scopes: string[];
  issuedAt?: string;
  expiresAt?: string;
  systemUser?: { orgNumber?: string; systemUserIds: string[]; systemId?: string };
}

/**
 * Maskinporten's tokens are to be treated as opaque; this reads them only for display ("test connection") and
 * returns undefined for anything it cannot read.
 */
export function summariseTokenClaims(token: string): TokenClaimsSummary | undefined {
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(token);
  } catch {
    return undefined;
  }
  const orgOf = (value: unknown): string | undefined => {
    if (!value || typeof value !== 'object') return undefined;
    // `ID` in real tokens, `id` in some docs (altinn-auth.md §2.2): read both.
    const entry = Object.entries(value).find(([k]) => k.toLowerCase() === 'id')?.[1];
    return typeof entry === 'string' ? entry.replace(/^0192:/, '') : undefined;
  };
  const iso = (seconds: unknown) => (typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : undefined);
  const details = Array.isArray(claims.authorization_details)
    ? (claims.authorization_details as Record<string, unknown>[])
    : [];
  const systemUser = details.find((d) => d.type === 'urn:altinn:systemuser');
  const summary: TokenClaimsSummary = {
    scopes: typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [],
  };
  if (typeof claims.client_id === 'string') summary.clientId = claims.client_id;
  const consumer = orgOf(claims.consumer);
  if (consumer) summary.consumerOrg = consumer;
  const iat = iso(claims.iat);
  if (iat) summary.issuedAt = iat;
  const exp = iso(claims.exp);
  if (exp) summary.expiresAt = exp;
  if (systemUser) {
    const org = orgOf(systemUser.systemuser_org);
    summary.systemUser = {
      systemUserIds: Array.isArray(systemUser.systemuser_id) ? systemUser.systemuser_id.map(String) : [],
      ...(org ? { orgNumber: org } : {}),
      ...(typeof systemUser.system_id === 'string' ? { systemId: systemUser.system_id } : {}),
    };
  }
  return summary;
}
