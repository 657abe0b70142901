import { createPublicKey, X509Certificate } from 'node:crypto';
import { compactVerify, decodeJwt, decodeProtectedHeader, importJWK, type JWTPayload } from 'jose';
import { serviceForScope } from '../../../shared/domain/services-catalogue';
import { acceptedPackageUrns } from '../../../shared/domain/access-packages';
import { orgNumberInSubject } from '../../keys/enterprise-certificate';
import {
  findSystemUserForGrant,
  type AltinnSlice,
  type StoredSystem,
  type StoredSystemUser,
} from '../altinn/altinn-state';
import type { MaskinportenSlice, SandboxClient } from './client-registry';

const ALGORITHMS = new Set(['RS256', 'RS384', 'RS512']);
const KEY_LIFETIME_MS = 365 * 86_400_000;
const CLOCK_TOLERANCE_S = 10;
const MAX_LIFETIME_S = 120;

export interface GrantError {
  ok: false;
  status: number;
  error: string;
  error_description: string;
}

export interface VerifiedGrant {
  ok: true;
  client: SandboxClient;
  scopes: string[];
  clientAmr: 'private_key_jwt' | 'virksomhetssertifikat';
  systemUser?: { org: string; system: StoredSystem; user: StoredSystemUser };
}

export interface GrantContext {
  issuer: string;
  now: Date;
  maskinporten: MaskinportenSlice;
  altinn: AltinnSlice;
}

const fail = (error: string, description: string, status = 400): GrantError => ({
  ok: false,
  status,
  error,
  error_description: description,
});

/**
 * Checks a JWT grant the way Maskinporten does (altinn-auth.md §1–2), answering with its documented error codes.
 * Order matters: nothing about the grant is trusted (or its jti spent) until its signature holds.
 */
export async function verifyGrant(form: URLSearchParams, ctx: GrantContext): Promise<VerifiedGrant | GrantError> {
  if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
    return fail('unsupported_grant_type', 'grant_type must be urn:ietf:params:oauth:grant-type:jwt-bearer');
  }
  const assertion = form.get('assertion') ?? '';
  let header: ReturnType<typeof decodeProtectedHeader>;
  let claims: JWTPayload;
  try {
    header = decodeProtectedHeader(assertion);
    claims = decodeJwt(assertion);
  } catch {
    return fail('invalid_request', 'Invalid assertion. Invalid parameter value (MP-011)');
  }
  if (!header.alg || !ALGORITHMS.has(header.alg)) {
    return fail('invalid_grant', `Invalid assertion. Unsupported JWT alg ${String(header.alg)}; use RS256 (MP-011)`);
  }
  const client = typeof claims.iss === 'string' ? ctx.maskinporten.clients[claims.iss] : undefined;
  if (!client)
    return fail('invalid_grant', 'Invalid assertion. Client authentication failed. Client not found (MP-100)');

  const key = await signingKeyOf(header, client, ctx.now);
  if ('ok' in key) return key;
  try {
    await compactVerify(assertion, key.key, { algorithms: [header.alg] });
  } catch {
    return fail('invalid_grant', 'Invalid assertion. Client authentication failed. Invalid JWT signature (MP-124)');
  }

  if (
    claims.aud !== ctx.issuer &&
    !(Array.isArray(claims.aud) && claims.aud.length === 1 && claims.aud[0] === ctx.issuer)
  ) {
    return fail('invalid_grant', 'Invalid assertion. Client authentication failed. Invalid JWT claim aud (MP-110)');
  }
  const now = Math.floor(ctx.now.getTime() / 1000);
  if (typeof claims.iat !== 'number' || typeof claims.exp !== 'number') {
    return fail('invalid_grant', 'Invalid assertion. iat and exp are required (MP-011)');
  }
  if (claims.iat > now + CLOCK_TOLERANCE_S) return fail('invalid_grant', 'Invalid assertion. Issue time is after now');
  if (claims.exp - claims.iat > MAX_LIFETIME_S) {
    return fail('invalid_grant', 'Invalid assertion. Invalid JWT claim exp: exp - iat must be at most 120 seconds');
  }
  if (claims.exp < now - CLOCK_TOLERANCE_S || claims.iat < now - MAX_LIFETIME_S - CLOCK_TOLERANCE_S) {
    return fail('invalid_grant', 'Invalid assertion. JWT is expired (MP-130)');
  }
  if (typeof claims.jti === 'string') {
    for (const [jti, exp] of Object.entries(ctx.maskinporten.usedJtis))
      if (exp < now - 600) delete ctx.maskinporten.usedJtis[jti];
    if (ctx.maskinporten.usedJtis[claims.jti] !== undefined)
      return fail('invalid_grant', 'Invalid assertion. Grant is used before (MP-012)');
    ctx.maskinporten.usedJtis[claims.jti] = claims.exp;
  }

  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [];
  if (scopes.length === 0) return fail('invalid_scope', 'Token request contains no scope');
  const missing = scopes.filter((s) => !client.scopes.includes(s));
  if (missing.length > 0) {
    return fail('invalid_scope', `Token request contains invalid scopes for client: ${missing.join(' ')} (MP-200)`);
  }

  const clientAmr = 'x5c' in header && header.x5c ? 'virksomhetssertifikat' : 'private_key_jwt';
  if (claims.authorization_details === undefined) return { ok: true, client, scopes, clientAmr };
  const systemUser = checkSystemUser(claims.authorization_details, client, scopes, ctx.altinn);
  if ('ok' in systemUser) return systemUser;
  return { ok: true, client, scopes, clientAmr, systemUser };
}

async function signingKeyOf(
  header: ReturnType<typeof decodeProtectedHeader>,
  client: SandboxClient,
  now: Date,
): Promise<{ key: CryptoKey | Uint8Array | import('node:crypto').KeyObject } | GrantError> {
  if (header.x5c !== undefined) {
    if (client.jwks.length > 0) {
      return fail('invalid_grant', 'Invalid JWT header x5c: this client has registered keys and must use kid (MP-123)');
    }
    if (!Array.isArray(header.x5c) || header.x5c.length === 0 || !header.x5c.every((c) => typeof c === 'string')) {
      return fail('invalid_grant', 'Invalid JWT header x5c. The certificate must be an array of strings (MP-123)');
    }
    let leaf: X509Certificate;
    try {
      leaf = new X509Certificate(Buffer.from(header.x5c[0] as string, 'base64'));
    } catch {
      return fail('invalid_grant', 'Invalid JWT header x5c (MP-123)');
    }
    if (Date.parse(leaf.validTo) < now.getTime() || Date.parse(leaf.validFrom) > now.getTime()) {
      return fail(
        'invalid_grant',
        'Invalid assertion. Client authentication failed. The JWT is signed with an invalid certificate. (MP-120)',
      );
    }
    if (orgNumberInSubject(leaf.subject) !== client.client_orgno) {
      return fail(
        'invalid_grant',
        'Invalid JWT. Invalid organization number for client. Does not match certificate orgno (MP-122)',
      );
    }
    return { key: createPublicKey(leaf.publicKey.export({ format: 'pem', type: 'spki' })) };
  }
  if (typeof header.kid !== 'string') {
    return fail('invalid_grant', 'Invalid assertion. The JWT header must name a kid or carry x5c (MP-011)');
  }
  const registered = client.jwks.find((k) => k.jwk.kid === header.kid);
  if (!registered) {
    return fail(
      'invalid_grant',
      `Invalid assertion. Client authentication failed. Invalid JWT signature: unknown kid ${header.kid} (MP-124)`,
    );
  }
  if (Date.parse(registered.registeredAt) + KEY_LIFETIME_MS < now.getTime()) {
    return fail('invalid_grant', 'Invalid assertion. Client authentication failed. Expired key (MP-121)');
  }
  return { key: (await importJWK({ ...registered.jwk, alg: header.alg as string }, header.alg)) as CryptoKey };
}

const RAR_FIELDS = new Set(['type', 'systemuser_org', 'externalRef']);

function checkSystemUser(
  details: unknown,
  client: SandboxClient,
  scopes: string[],
  altinn: AltinnSlice,
): { org: string; system: StoredSystem; user: StoredSystemUser } | GrantError {
  const mp303 = (why: string) =>
    fail('invalid_altinn_customer_configuration', `Invalid authorization details values: ${why} (MP-303)`);
  if (!Array.isArray(details) || details.length !== 1 || typeof details[0] !== 'object' || details[0] === null) {
    return fail(
      'invalid_authorization_details',
      'authorization_details must be an array with exactly one object (MP-302)',
    );
  }
  const detail = details[0] as Record<string, unknown>;
  if (detail.type !== 'urn:altinn:systemuser')
    return fail('invalid_authorization_details', 'Unknown authorization details type (MP-301)');
  const unknown = Object.keys(detail).filter((k) => !RAR_FIELDS.has(k));
  if (unknown.length > 0) {
    return fail(
      'invalid_authorization_details',
      `Unknown fields in the authorization details: ${unknown.join(', ')} (MP-302)`,
    );
  }
  const org = detail.systemuser_org as Record<string, unknown> | undefined;
  const id = org && Object.entries(org).find(([k]) => k.toLowerCase() === 'id')?.[1];
  const match = typeof id === 'string' ? /^0192:(\d{9})$/.exec(id) : null;
  if (!org || org.authority !== 'iso6523-actorid-upis' || !match)
    return mp303('systemuser_org must be iso6523-actorid-upis 0192:<orgno>');
  const orgNumber = match[1] as string;
  if (detail.externalRef !== undefined && typeof detail.externalRef !== 'string')
    return mp303('externalRef must be a string');
  const lookup = findSystemUserForGrant(altinn, {
    clientId: client.client_id,
    orgNumber,
    ...(typeof detail.externalRef === 'string' ? { externalRef: detail.externalRef } : {}),
  });
  if (!lookup.found) return mp303(lookup.reason);
  const uncovered = scopes.filter((scope) => !covers(lookup.systemUser, scope));
  if (uncovered.length > 0) return mp303(`the system user is not given access for ${uncovered.join(' ')}`);
  return { org: orgNumber, system: lookup.system, user: lookup.systemUser };
}

/**
 * A Skatteetaten scope needs the service's right or one of its packages; other scopes are not Altinn's concern.
 * Any spelling of a service's scope counts (skattekort's is a setting of the environment).
 */
function covers(user: StoredSystemUser, scope: string): boolean {
  const service = serviceForScope(scope);
  if (!service) return true;
  const hasRight = user.rights.some((r) => r.resource.some((res) => res.value === service.resource));
  // An agent system user's client packages (regnskapsfører …) count as well as a business's own ones.
  const accepted = acceptedPackageUrns(service.id);
  const hasPackage = user.accessPackages.some((p) => accepted.includes(p.urn));
  return hasRight || hasPackage;
}
