import type { IncomingHttpHeaders } from 'node:http';

export interface LoggedRequest {
  at: string;
  method: string;
  path: string;
  query: string;
  status: number;
  /** Headers as sent, with Authorization and cookies reduced to their scheme so tokens never reach a log. */
  headers: Record<string, string>;
  bodyBytes: number;
  fault?: string;
}

const SECRET_HEADERS = new Set(['authorization', 'cookie', 'x-innsender-admin']);

export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const joined = Array.isArray(value) ? value.join(', ') : value;
    out[name] = SECRET_HEADERS.has(name) ? `${joined.split(' ')[0] ?? ''} [redacted]` : joined;
  }
  return out;
}

/** The last N requests, for the admin surface: tests count them ("an idle poll is exactly one request"). */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  constructor(private readonly capacity = 2000) {}

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  list(): LoggedRequest[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
