/**
 * The origin of a URL as Chromium sees it. Node's WHATWG URL gives "null" as the origin of a non-special scheme
 * such as the app's own `app://innsender`, which would make every app URL look foreign (or every foreign
 * "null" look like the app): compare scheme and host instead.
 */
export function originOf(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.host ? `${url.protocol}//${url.host}` : null;
  } catch {
    return null;
  }
}
