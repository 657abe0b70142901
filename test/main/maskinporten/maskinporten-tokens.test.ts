import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorHost } from '../../../main/sandbox/host';
import type { AppError } from '../../../shared/domain/app-error';
import { classifyFailure } from '../../../main/outbox/retry-policy';
import type { GrantSigner } from '../../../main/keys/maskinporten-keys';
import { memorySigner, registerClient, startSandbox, tokenRequests, tokensFor } from '../support/maskinporten-sandbox';

const SCOPE = 'altinn:authentication/systemregister.write';
const OTHER = 'altinn:authentication/systemuser.request.read';

describe('MaskinportenTokens', () => {
  let host: EmulatorHost;
  let clientId: string;
  let signer: GrantSigner;
  let serverOffsetMs = 0;

  beforeEach(async () => {
    serverOffsetMs = 0;
    ({ host } = await startSandbox(() => new Date(Date.now() + serverOffsetMs)));
    const key = await memorySigner();
    signer = key.signer;
    clientId = await registerClient(host, { scopes: [SCOPE, OTHER], jwks: [key.material] });
    host.requests.clear();
  });
  afterEach(() => host.stop());

  it('reuses a cached token per scope set, and makes one request for concurrent callers', async () => {
    const tokens = tokensFor(host, clientId, signer);
    const [a, b, c] = await Promise.all([
      tokens.tokenForScopes({ scopes: [SCOPE, OTHER] }),
      tokens.tokenForScopes({ scopes: [OTHER, SCOPE] }),
      tokens.tokenForScopes({ scopes: [SCOPE, OTHER, SCOPE] }),
    ]);
    expect(tokenRequests(host)).toBe(1);
    expect(b.value).toBe(a.value);
    expect(c.value).toBe(a.value);
    await tokens.tokenForScopes({ scopes: [SCOPE, OTHER] });
    expect(tokenRequests(host)).toBe(1);
    await tokens.tokenForScopes({ scopes: [SCOPE] });
    expect(tokenRequests(host)).toBe(2);
    tokens.invalidate({ scopes: [SCOPE] });
    await tokens.tokenForScopes({ scopes: [SCOPE] });
    expect(tokenRequests(host)).toBe(3);
  });

  it('fetches a new token once the cached one is close to expiry', async () => {
    let now = Date.now();
    const tokens = tokensFor(host, clientId, signer, { now: () => new Date(now) });
    await tokens.tokenForScopes({ scopes: [SCOPE] });
    now += 95_000; // 120 s token, 20 s margin: still good
    await tokens.tokenForScopes({ scopes: [SCOPE] });
    expect(tokenRequests(host)).toBe(1);
    now += 10_000;
    serverOffsetMs = 105_000;
    await tokens.tokenForScopes({ scopes: [SCOPE] });
    expect(tokenRequests(host)).toBe(2);
  });

  it('reports clock skew measured from the Date header', async () => {
    serverOffsetMs = 5 * 60_000;
    const tokens = tokensFor(host, clientId, signer);
    const error = await tokens.tokenForScopes({ scopes: [SCOPE] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MASKINPORTEN_CLOCK_SKEW' });
    expect((error as Error).message).toMatch(/(299|300|301) seconds behind/);
  });

  it('retries once with a fresh grant after a 5xx, and says so plainly when it persists', async () => {
    host.faults.add({ kind: 'status', status: 503, pathPrefix: '/maskinporten/token', times: 1 });
    const tokens = tokensFor(host, clientId, signer);
    await expect(tokens.tokenForScopes({ scopes: [SCOPE] })).resolves.toMatchObject({ scopes: [SCOPE] });
    expect(tokenRequests(host)).toBe(2);

    host.faults.add({ kind: 'status', status: 502, pathPrefix: '/maskinporten/token', times: 2 });
    await expect(tokens.tokenForScopes({ scopes: [OTHER] })).rejects.toMatchObject({
      code: 'MASKINPORTEN_UNAVAILABLE',
    });
  });

  it('says a guest network’s login page (200, HTML) is no answer from Maskinporten, not that the grant was refused', async () => {
    host.faults.add({ kind: 'captive-portal', pathPrefix: '/maskinporten/token', times: 1 });
    const tokens = tokensFor(host, clientId, signer);
    const error = (await tokens.tokenForScopes({ scopes: [SCOPE] }).catch((e: unknown) => e)) as AppError;
    expect(error).toMatchObject({ code: 'MASKINPORTEN_UNREADABLE_ANSWER' });
    expect(error.localized.nb).toContain('logg inn på nettet');
    for (const text of [error.localized.nb, error.localized.en])
      expect(text).not.toMatch(/unknown_error|avviste|refused/);
    // A passing fault: the outbox retries it by itself instead of waiting for the user.
    expect(classifyFailure(error)).toMatchObject({ outcome: 'retry', reason: 'transient' });
    await expect(tokens.tokenForScopes({ scopes: [SCOPE] })).resolves.toMatchObject({ scopes: [SCOPE] });
  });

  it('waits out a short 429 and gives up on a long one', async () => {
    const waits: number[] = [];
    const tokens = tokensFor(host, clientId, signer, { sleep: async (ms) => void waits.push(ms) });
    host.faults.add({ kind: 'rate-limit', retryAfterSeconds: 2, pathPrefix: '/maskinporten/token', times: 1 });
    await tokens.tokenForScopes({ scopes: [SCOPE] });
    expect(waits).toEqual([2000]);
    host.faults.add({ kind: 'rate-limit', retryAfterSeconds: 600, pathPrefix: '/maskinporten/token', times: 1 });
    const refused = await tokens.tokenForScopes({ scopes: [OTHER] }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'MASKINPORTEN_RATE_LIMITED' });
    // The outbox waits Maskinporten's ten minutes, not its own two seconds: never sooner than Retry-After.
    expect(classifyFailure(refused)).toMatchObject({ outcome: 'retry', retryAfterMs: 600_000 });
  });

  it('says what to fix for an unregistered key, a missing scope and an unknown client', async () => {
    const stranger = (await memorySigner()).signer;
    await expect(tokensFor(host, clientId, stranger).tokenForScopes({ scopes: [SCOPE] })).rejects.toMatchObject({
      code: 'MASKINPORTEN_KEY_NOT_REGISTERED',
    });
    await expect(
      tokensFor(host, clientId, signer).tokenForScopes({ scopes: ['skatteetaten:forskudd'] }),
    ).rejects.toMatchObject({ code: 'MASKINPORTEN_SCOPE_NOT_ON_CLIENT' });
    await expect(tokensFor(host, 'no-such-client', signer).tokenForScopes({ scopes: [SCOPE] })).rejects.toMatchObject({
      code: 'MASKINPORTEN_UNKNOWN_CLIENT',
    });
  });

  it('says Maskinporten is unreachable when nothing answers', async () => {
    const tokens = tokensFor(host, clientId, signer);
    await host.stop();
    await expect(tokens.tokenForScopes({ scopes: [SCOPE] })).rejects.toMatchObject({
      code: 'MASKINPORTEN_UNREACHABLE',
    });
    ({ host } = await startSandbox());
  });
});
