import type { IncomingHttpHeaders } from 'node:http';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface EmulatorRequest {
  method: HttpMethod;
  /** The path below the emulator's origin, without the query string. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text(): string;
  /** Parses the body as JSON; throws EmulatorHttpError(400) when it is not. */
  json(): unknown;
  form(): URLSearchParams;
}

export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  /** A string or Buffer is sent as is; anything else is sent as JSON. */
  body?: unknown;
}

export type RouteHandler = (req: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>;

export interface EmulatorRoute {
  method: HttpMethod;
  /** `/maskinporten/token`, `/altinn/authentication/api/v1/systemregister/vendor/:systemId`, … */
  path: string;
  handle: RouteHandler;
}

/** Thrown inside a handler to answer with a given status and body (problem+json, Skatteetaten's error body, …). */
export class EmulatorHttpError extends Error {
  constructor(
    readonly response: EmulatorResponse,
    message = `HTTP ${response.status}`,
  ) {
    super(message);
  }
}

interface CompiledRoute {
  route: EmulatorRoute;
  segments: string[];
}

export type RouteMatch =
  | { kind: 'found'; route: EmulatorRoute; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: HttpMethod[] }
  | { kind: 'not-found' };

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

/** A small path router: literal segments and `:name` parameters, nothing more, so every route is easy to read. */
export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(route: EmulatorRoute): void {
    this.routes.push({ route, segments: split(route.path) });
  }

  match(method: string, path: string): RouteMatch {
    const parts = split(path);
    const allowed: HttpMethod[] = [];
    for (const { route, segments } of this.routes) {
      const params = matchSegments(segments, parts);
      if (!params) continue;
      if (route.method === method) return { kind: 'found', route, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    const v = parts[i] as string;
    if (p.startsWith(':')) {
      try {
        params[p.slice(1)] = decodeURIComponent(v);
      } catch {
        return null;
      }
    } else if (p !== v) {
      return null;
    }
  }
  return params;
}
