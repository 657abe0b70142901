import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { request as httpRequest } from 'node:http';
import { startEmulator, type EmulatorHost, type EmulatorModule } from '../../../main/sandbox/host';
import { EmulatorHttpError } from '../../../main/sandbox/router';

/** A tiny module for the host's own tests: a counter kept in the emulator's state. */
const counterModule: EmulatorModule = {
  name: 'counter',
  routes: (ctx) => {
    const state = () => ctx.state.slice('counter', () => ({ count: 0 }));
    return [
      { method: 'GET', path: '/counter', handle: () => ({ status: 200, body: state() }) },
      // What a module serves for a URL it stored in an earlier run (Dialogporten's attachment URLs).
      {
        method: 'GET',
        path: '/served-url',
        handle: (req) => ({ status: 200, body: ctx.currentUrl(req.query.get('u') ?? '') }),
      },
      {
        method: 'POST',
        path: '/counter/:by',
        handle: (req) => {
          const by = Number(req.params.by);
          if (!Number.isInteger(by)) throw new EmulatorHttpError({ status: 400, body: { error: 'not_a_number' } });
          state().count += by;
          void ctx.state.save();
          return { status: 200, body: state() };
        },
      },
    ];
  },
};

const hosts: EmulatorHost[] = [];
async function start(stateFile?: string) {
  const host = await startEmulator({ modules: [counterModule], ...(stateFile ? { stateFile } : {}) });
  hosts.push(host);
  return host;
}
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()));
});

const admin = (host: EmulatorHost, path: string, init: RequestInit = {}) =>
  fetch(`${host.baseUrl}/__admin${path}`, {
    ...init,
    headers: { 'x-innsender-admin': host.adminToken, 'content-type': 'application/json', ...init.headers },
  });
const fault = (host: EmulatorHost, body: object) =>
  admin(host, '/faults', { method: 'POST', body: JSON.stringify(body) });

/** A raw request with headers fetch will not let a caller set (Host), as a rebinding browser would send them. */
function rawRequest(host: EmulatorHost, method: string, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    // An empty Host means none at all (HTTP/1.0 style), which Node sends only with setHost off.
    const noHost = headers.host === '';
    const sent = Object.fromEntries(Object.entries(headers).filter(([name]) => !(noHost && name === 'host')));
    const options = { host: '127.0.0.1', port: host.port, method, path, headers: sent, setHost: !noHost };
    const req = httpRequest(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the emulator host', () => {
  it("listens on a free loopback port and serves its modules' routes", async () => {
    const host = await start();
    expect(host.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${host.baseUrl}/counter/5`, { method: 'POST' }).then((r) => r.json())) as unknown).toEqual({
      count: 5,
    });
    expect((await fetch(`${host.baseUrl}/counter/x`, { method: 'POST' })).status).toBe(400);
    expect((await fetch(`${host.baseUrl}/nothing-here`)).status).toBe(404);
    const wrongMethod = await fetch(`${host.baseUrl}/counter`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
  });

  it('keeps its admin surface behind the admin token', async () => {
    const host = await start();
    expect((await fetch(`${host.baseUrl}/__admin/reset`, { method: 'POST' })).status).toBe(401);
    expect(
      (await fetch(`${host.baseUrl}/__admin/reset`, { method: 'POST', headers: { 'x-innsender-admin': 'guess' } }))
        .status,
    ).toBe(401);
    expect((await admin(host, '/reset', { method: 'POST' })).status).toBe(204);
  });

  it('logs every request with the Authorization header redacted, and resets state on demand', async () => {
    const host = await start();
    await fetch(`${host.baseUrl}/counter/2`, {
      method: 'POST',
      headers: { authorization: 'Bearer secret-token-value' },
    });
    const log = (await admin(host, '/requests').then((r) => r.json())) as {
      path: string;
      headers: Record<string, string>;
    }[];
    expect(log.map((r) => r.path)).toEqual(['/counter/2']);
    expect(log[0]!.headers.authorization).toBe('Bearer [redacted]');
    expect(JSON.stringify(log)).not.toContain('secret-token-value');

    await admin(host, '/reset', { method: 'POST' });
    expect(await fetch(`${host.baseUrl}/counter`).then((r) => r.json())).toEqual({ count: 0 });
  });

  it('injects latency: the matching request waits the fault’s time before it is served, the next one does not', async () => {
    const waits: { ms: number; release: () => void }[] = [];
    const host = await startEmulator({
      modules: [counterModule],
      wait: (ms) => new Promise<void>((release) => void waits.push({ ms, release })),
    });
    hosts.push(host);
    await fault(host, { kind: 'latency', ms: 300, pathPrefix: '/counter', times: 1 });
    let served = false;
    const delayed = fetch(`${host.baseUrl}/counter`).then((r) => ((served = true), r.status));
    await vi.waitFor(() => expect(waits.map((w) => w.ms)).toEqual([300]));
    // Nothing answers the request while the wait lasts: the emulator has not served it.
    expect(served).toBe(false);
    expect(host.requests.list().map((r) => r.path)).not.toContain('/counter');
    waits[0]!.release();
    expect(await delayed).toBe(200);
    expect((await fetch(`${host.baseUrl}/counter`)).status).toBe(200);
    expect(waits).toHaveLength(1);
  });

  it('injects 5xx for a number of requests, then serves normally', async () => {
    const host = await start();
    await fault(host, { kind: 'status', status: 503, method: 'POST', times: 2 });
    expect((await fetch(`${host.baseUrl}/counter/1`, { method: 'POST' })).status).toBe(503);
    expect((await fetch(`${host.baseUrl}/counter`)).status).toBe(200);
    expect((await fetch(`${host.baseUrl}/counter/1`, { method: 'POST' })).status).toBe(503);
    const ok = await fetch(`${host.baseUrl}/counter/1`, { method: 'POST' });
    expect(await ok.json()).toEqual({ count: 1 });
  });

  it('injects 429 with Retry-After', async () => {
    const host = await start();
    await fault(host, { kind: 'rate-limit', retryAfterSeconds: 7, times: 1 });
    const limited = await fetch(`${host.baseUrl}/counter`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    const log = (await admin(host, '/requests').then((r) => r.json())) as { status: number; fault?: string }[];
    expect(log[0]).toMatchObject({ status: 429, fault: 'rate-limit' });
  });

  it('drops the connection mid-request', async () => {
    const host = await start();
    await fault(host, { kind: 'drop', times: 1 });
    await expect(fetch(`${host.baseUrl}/counter`)).rejects.toThrow();
    expect((await fetch(`${host.baseUrl}/counter`)).status).toBe(200);
  });

  it('answers as a guest network’s login page does: 200 with HTML, and the request never reaches the route', async () => {
    const host = await start();
    await fault(host, { kind: 'captive-portal', method: 'POST', times: 1 });
    const portal = await fetch(`${host.baseUrl}/counter/1`, { method: 'POST' });
    expect(portal.status).toBe(200);
    expect(portal.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await portal.text()).toMatch(/^<!doctype html>/);
    const ok = await fetch(`${host.baseUrl}/counter/1`, { method: 'POST' });
    expect(await ok.json()).toEqual({ count: 1 });
  });

  it('refuses an unknown fault kind with 400 and lists and clears faults', async () => {
    const host = await start();
    expect((await fault(host, { kind: 'meteor' })).status).toBe(400);
    await fault(host, { kind: 'status', status: 500 });
    expect(await admin(host, '/faults').then((r) => r.json())).toEqual([{ kind: 'status', status: 500 }]);
    await admin(host, '/faults', { method: 'DELETE' });
    expect((await fetch(`${host.baseUrl}/counter`)).status).toBe(200);
  });

  it('keeps its state across a restart when given a state file', async () => {
    const stateFile = join(await mkdtemp(join(tmpdir(), 'innsender-emu-')), 'state.json');
    const first = await start(stateFile);
    await fetch(`${first.baseUrl}/counter/3`, { method: 'POST' });
    await first.stop();
    const second = await start(stateFile);
    expect(await fetch(`${second.baseUrl}/counter`).then((r) => r.json())).toEqual({ count: 3 });
  });

  it('stops cleanly: the port is free again, even with a connection open', async () => {
    const host = await startEmulator({ modules: [counterModule] });
    await fetch(`${host.baseUrl}/counter`, { keepalive: true });
    await host.stop();
    await expect(fetch(`${host.baseUrl}/counter`)).rejects.toThrow();
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(host.port, '127.0.0.1', () => resolve());
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('answers only to its own Host: a rebinding name, another port or no Host gets 421 with the reason', async () => {
    const host = await start();
    for (const own of [
      `127.0.0.1:${host.port}`,
      `localhost:${host.port}`,
      `[::1]:${host.port}`,
      `LOCALHOST:${host.port}`,
    ]) {
      expect((await rawRequest(host, 'GET', '/counter', { host: own })).status).toBe(200);
    }
    for (const other of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, '127.0.0.1']) {
      const refused = await rawRequest(host, 'GET', '/counter', { host: other });
      expect(refused.status).toBe(421);
      expect(JSON.parse(refused.body)).toMatchObject({
        error: 'misdirected_request',
        message: {
          nb: expect.stringContaining('Sandkassen svarer bare på'),
          en: expect.stringContaining('answers only'),
        },
      });
    }
    // No Host at all: Node's server refuses an HTTP/1.1 request without one before any route runs.
    expect((await rawRequest(host, 'GET', '/counter', { host: '' })).status).toBe(400);
    // The admin surface too: the rebinding page must not even learn whether a token would be asked for.
    expect((await rawRequest(host, 'GET', '/__admin/state', { host: 'evil.example' })).status).toBe(421);
  });

  it('refuses a state-changing request a browser sent from another site, and lets its own pages and clients through', async () => {
    const host = await start();
    const post = (headers: Record<string, string>) =>
      rawRequest(host, 'POST', '/counter/1', { host: `127.0.0.1:${host.port}`, ...headers });
    const crossSite = await post({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect(JSON.parse(crossSite.body)).toMatchObject({
      error: 'cross_site_request',
      message: { nb: expect.stringContaining('annen nettside'), en: expect.stringContaining('another web page') },
    });
    expect((await post({ origin: 'null' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await post({ origin: `http://localhost:${host.port + 1}` })).status).toBe(403);
    // Nothing was counted by the refused posts.
    expect(JSON.parse((await rawRequest(host, 'GET', '/counter', { host: `127.0.0.1:${host.port}` })).body)).toEqual({
      count: 0,
    });
    expect((await post({ origin: `http://127.0.0.1:${host.port}`, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await post({})).status).toBe(200);
    // A cross-site GET reads nothing it could use (no CORS headers) and changes nothing: it is not refused.
    expect(
      (await rawRequest(host, 'GET', '/counter', { host: `127.0.0.1:${host.port}`, 'sec-fetch-site': 'cross-site' }))
        .status,
    ).toBe(200);
  });

  it('serves a URL it handed out in an earlier run (another port) on this run’s origin, and no other URL', async () => {
    const host = await start();
    const served = async (u: string) =>
      fetch(`${host.baseUrl}/served-url?u=${encodeURIComponent(u)}`).then((r) => r.text());
    expect(await served('http://127.0.0.1:1/counter?x=1')).toBe(`${host.baseUrl}/counter?x=1`);
    expect(await served('http://localhost:2/counter')).toBe(`${host.baseUrl}/counter`);
    expect(await served(`${host.baseUrl}/counter`)).toBe(`${host.baseUrl}/counter`);
    // Not one of its routes, not loopback, or not a URL at all: another server's, left as it is.
    expect(await served('http://127.0.0.1:1/elsewhere')).toBe('http://127.0.0.1:1/elsewhere');
    expect(await served('https://example.org/counter')).toBe('https://example.org/counter');
    expect(await served('not a url')).toBe('not a url');
  });

  it('refuses bodies over its limit with 413', async () => {
    const host = await startEmulator({ modules: [counterModule], maxBodyBytes: 1024 });
    hosts.push(host);
    const res = await fetch(`${host.baseUrl}/counter/1`, { method: 'POST', body: 'x'.repeat(4096) });
    expect(res.status).toBe(413);
  });
});
