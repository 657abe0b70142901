/** What one POST to Maskinporten's token endpoint came to, before anyone decides whether to retry. */
export type TokenOutcome =
  | { kind: 'token'; accessToken: string; expiresIn: number; scope: string; serverDate?: Date }
  | { kind: 'oauth-error'; status: number; error: string; description: string; serverDate?: Date }
  | { kind: 'rate-limited'; retryAfterSeconds?: number }
  | { kind: 'unavailable'; status: number }
  /** No OAuth answer at all: HTML or other text where Maskinporten answers JSON (a guest network's login page). */
  | { kind: 'unreadable'; status: number }
  | { kind: 'unreachable'; cause: string };

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** The form-encoded token request (altinn-auth.md §1.1): no client secret, the signed grant authenticates. */
export async function postGrant(
  tokenEndpoint: string,
  assertion: string,
  fetchImpl: typeof fetch = fetch,
): Promise<TokenOutcome> {
  let response: Response;
  try {
    response = await fetchImpl(tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: JWT_BEARER, assertion }).toString(),
    });
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    return { kind: 'unreachable', cause };
  }
  const serverDate = parseDate(response.headers.get('date'));
  const dated = serverDate ? { serverDate } : {};
  if (response.status === 429) {
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      kind: 'rate-limited',
      ...(Number.isFinite(retryAfter) && retryAfter >= 0 ? { retryAfterSeconds: retryAfter } : {}),
    };
  }
  if (response.status >= 500) return { kind: 'unavailable', status: response.status };
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  // Maskinporten answers JSON, a token or an OAuth error (altinn-auth.md §1.5); anything else came from something
  // between (a hotel network's login page answers 200 with HTML) and is no refusal of the grant.
  if (typeof body !== 'object' || body === null || (response.ok && typeof body.access_token !== 'string')) {
    return { kind: 'unreadable', status: response.status };
  }
  if (response.ok && typeof body.access_token === 'string') {
    return {
      kind: 'token',
      accessToken: body.access_token,
      expiresIn: typeof body.expires_in === 'number' ? body.expires_in : 120,
      scope: typeof body.scope === 'string' ? body.scope : '',
      ...dated,
    };
  }
  return {
    kind: 'oauth-error',
    status: response.status,
    error: typeof body.error === 'string' ? body.error : 'unknown_error',
    description: typeof body.error_description === 'string' ? body.error_description : '',
    ...dated,
  };
}

function parseDate(value: string | null): Date | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time);
}
