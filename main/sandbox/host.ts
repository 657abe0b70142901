import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { EmulatorState } from './state';
import { FaultPlan, type Fault } from './faults';
import { RequestLog, redactHeaders } from './request-log';
import {
  EmulatorHttpError,
  Router,
  type EmulatorRequest,
  type EmulatorResponse,
  type EmulatorRoute,
  type HttpMethod,
} from './router';
import { adminRoutes } from './admin';
import { crossSite, misdirected } from './request-guard';
import { isLoopbackHttp } from './loopback';
import { FormTokens } from './form-tokens';

export interface EmulatorContext {
  /** The emulator's origin, e.g. `http://127.0.0.1:41234` (known once the server listens). */
  baseUrl(): string;
  state: EmulatorState;
  now(): Date;
  /** CSRF tokens for the sandbox's own HTML forms (the Altinn approval page). */
  forms: FormTokens;
  /**
   * A URL this sandbox handed out in any run, as it is reached now: a loopback URL whose path is one of the
   * sandbox's routes moves to this run's origin (a restart may have moved the port); anything else is unchanged.
   */
  currentUrl(url: string): string;
}

/** One emulated service (Maskinporten, Altinn authentication, Skatteetaten, Dialogporten): its routes. */
export interface EmulatorModule {
  name: string;
  routes(ctx: EmulatorContext): EmulatorRoute[];
}

export interface EmulatorOptions {
  modules: EmulatorModule[];
  /** Persist the sandbox's state here so a session survives a restart; in memory only when absent. */
  stateFile?: string;
  /** 0 (the default) picks a free port; a port given here that is taken fails the start. */
  port?: number;
  /** Tried first when no `port` is given (the one the last run used); when it is taken, a free one is picked. */
  preferredPort?: number;
  now?: () => Date;
  /** Requests larger than this are refused with 413 (Skatteetaten's upload route takes large files). */
  maxBodyBytes?: number;
  /** How a latency fault waits; a timer by default (a test passes one it controls instead of timing requests). */
  wait?: (ms: number) => Promise<void>;
}

export interface EmulatorHost {
  baseUrl: string;
  port: number;
  /** Sent as `x-innsender-admin` to reach `/__admin/*`, so no other local process can reset or fault the sandbox. */
  adminToken: string;
  state: EmulatorState;
  requests: RequestLog;
  faults: FaultPlan;
  stop(): Promise<void>;
}

const METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** Starts the emulator on 127.0.0.1 only: the sandbox must never be reachable from the network. */
export async function startEmulator(options: EmulatorOptions): Promise<EmulatorHost> {
  const state = new EmulatorState(options.stateFile);
  const faults = new FaultPlan();
  const requests = new RequestLog();
  const adminToken = randomBytes(24).toString('base64url');
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024 * 1024;
  const wait = options.wait ?? waitOnTimer;
  let baseUrl = '';
  let port = 0;
  const ctx: EmulatorContext = {
    baseUrl: () => baseUrl,
    state,
    now: options.now ?? (() => new Date()),
    forms: new FormTokens(),
    currentUrl: (url) => {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return url;
      }
      if (!isLoopbackHttp(parsed) || parsed.origin === baseUrl) return url;
      return router.match('GET', parsed.pathname).kind === 'found'
        ? `${baseUrl}${parsed.pathname}${parsed.search}`
        : url;
    },
  };

  const router = new Router();
  for (const module of options.modules) for (const route of module.routes(ctx)) router.add(route);
  const admin = new Router();
  for (const route of adminRoutes({ state, faults, requests, modules: options.modules })) admin.add(route);

  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    void serve(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: { error: 'emulator_failure', detail: String(error) } });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const method = (req.method ?? 'GET').toUpperCase();
    const isAdmin = url.pathname.startsWith('/__admin/');
    const log = (status: number, bodyBytes: number, fault?: string) => {
      if (!isAdmin) {
        requests.add({
          at: ctx.now().toISOString(),
          method,
          path: url.pathname,
          query: url.search,
          status,
          headers: redactHeaders(req.headers),
          bodyBytes,
          ...(fault ? { fault } : {}),
        });
      }
    };

    const refused = misdirected(req.headers, port) ?? crossSite(method, req.headers, port);
    if (refused) {
      log(refused.status, 0);
      send(res, refused);
      return;
    }

    const body = await readBody(req, maxBodyBytes);
    if (body === 'too-large') {
      log(413, 0);
      send(res, { status: 413, body: { error: 'payload_too_large', maxBytes: maxBodyBytes } });
      return;
    }

    if (isAdmin) {
      if (!hasAdminToken(req, adminToken)) send(res, { status: 401, body: { error: 'admin_token_required' } });
      else await dispatch(admin, method, url, req, body, res, () => state.flush());
      return;
    }

    for (const fault of faults.take(method, url.pathname)) {
      const outcome = await applyFault(fault, res, wait);
      if (outcome === 'answered') return log(faultStatus(fault), body.byteLength, fault.kind);
    }
    const status = await dispatch(router, method, url, req, body, res, () => state.flush());
    log(status, body.byteLength);
  }

  try {
    port = await listenOnLoopback(server, options.port ?? options.preferredPort ?? 0);
  } catch (error) {
    const taken = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    if (!taken || options.port !== undefined || !options.preferredPort) {
      await state.close();
      throw error;
    }
    port = await listenOnLoopback(server, 0);
  }
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    baseUrl,
    port,
    adminToken,
    state,
    requests,
    faults,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      await state.close();
    },
  };
}

function listenOnLoopback(server: Server, port: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function dispatch(
  router: Router,
  method: string,
  url: URL,
  req: IncomingMessage,
  body: Buffer,
  res: ServerResponse,
  durable: () => Promise<void>,
): Promise<number> {
  const match = METHODS.has(method) ? router.match(method, url.pathname) : { kind: 'not-found' as const };
  if (match.kind === 'not-found') {
    return send(res, { status: 404, body: { error: 'not_found', path: url.pathname } });
  }
  if (match.kind === 'method-not-allowed') {
    return send(res, {
      status: 405,
      headers: { allow: match.allowed.join(', ') },
      body: { error: 'method_not_allowed' },
    });
  }
  const request = toRequest(method as HttpMethod, url, match.params, req, body);
  let response;
  try {
    response = await match.route.handle(request);
  } catch (error) {
    if (!(error instanceof EmulatorHttpError)) throw error;
    response = error.response;
  }
  // As a real service commits before it acknowledges: what a route changed is on disk before the answer leaves, so
  // a sandbox killed right after answering (a crash of the app) never forgets a delivery the client was told of.
  await durable();
  return send(res, response);
}

function toRequest(
  method: HttpMethod,
  url: URL,
  params: Record<string, string>,
  req: IncomingMessage,
  body: Buffer,
): EmulatorRequest {
  return {
    method,
    path: url.pathname,
    params,
    query: url.searchParams,
    headers: req.headers,
    body,
    text: () => body.toString('utf8'),
    json: () => {
      try {
        return JSON.parse(body.toString('utf8')) as unknown;
      } catch {
        throw new EmulatorHttpError({ status: 400, body: { error: 'invalid_json' } });
      }
    },
    form: () => new URLSearchParams(body.toString('utf8')),
  };
}

function send(res: ServerResponse, response: EmulatorResponse): number {
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...response.headers };
  let payload: Buffer | undefined;
  if (response.body === undefined) payload = undefined;
  else if (Buffer.isBuffer(response.body)) payload = response.body;
  else if (typeof response.body === 'string') {
    payload = Buffer.from(response.body, 'utf8');
    headers['content-type'] ??= 'text/plain; charset=utf-8';
  } else {
    payload = Buffer.from(JSON.stringify(response.body), 'utf8');
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  if (payload) headers['content-length'] = String(payload.byteLength);
  res.writeHead(response.status, headers);
  res.end(payload);
  return response.status;
}

function readBody(req: IncomingMessage, max: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > max) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function hasAdminToken(req: IncomingMessage, token: string): boolean {
  const given = req.headers['x-innsender-admin'];
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function faultStatus(fault: Fault): number {
  if (fault.kind === 'status') return fault.status;
  if (fault.kind === 'rate-limit') return 429;
  if (fault.kind === 'captive-portal') return 200;
  return 0;
}

const CAPTIVE_PORTAL_PAGE =
  '<!doctype html><html lang="nb"><head><title>Gjestenett</title></head>' +
  '<body><h1>Velkommen til gjestenettet</h1><form method="post"><button>Godta vilkårene og logg inn</button></form></body></html>';

const waitOnTimer = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function applyFault(
  fault: Fault,
  res: ServerResponse,
  wait: (ms: number) => Promise<void>,
): Promise<'continue' | 'answered'> {
  switch (fault.kind) {
    case 'latency':
      await wait(fault.ms);
      return 'continue';
    case 'status':
      send(res, { status: fault.status, body: { error: 'injected_fault', status: fault.status } });
      return 'answered';
    case 'rate-limit':
      send(res, {
        status: 429,
        headers: { 'retry-after': String(fault.retryAfterSeconds) },
        body: { error: 'too_many_requests' },
      });
      return 'answered';
    case 'drop':
      res.socket?.destroy();
      return 'answered';
    case 'captive-portal':
      send(res, {
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: CAPTIVE_PORTAL_PAGE,
      });
      return 'answered';
  }
}
