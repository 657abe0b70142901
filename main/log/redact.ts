/**
 * Removes what must never reach a log: bearer tokens, JWTs, PEM keys, JWK private members and fields whose names
 * say they are secret. Applied to every log record, whatever its origin.
 */
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi;
const PEM = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g;
const SECRET_KEY =
  /^(access_?token|token|assertion|password|passphrase|secret|private_?key|authorization|d|p|q|dp|dq|qi)$/i;

export function redactText(text: string): string {
  return text.replace(PEM, '[redacted key]').replace(BEARER, '$1 [redacted]').replace(JWT, '[redacted jwt]');
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[deep]';
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) ? '[redacted]' : redact(v, depth + 1);
    }
    return out;
  }
  return value;
}
