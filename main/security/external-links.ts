import { isServiceHost } from '../../shared/domain/service-hosts';

// A backslash, a C0/C1 control, a space or DEL anywhere in the raw text. WHATWG URL (https://url.spec.whatwg.org/,
// special schemes) reads `\` as `/` (so `https://altinn.no\@evil.example/` parses as altinn.no) and silently drops
// tabs and newlines, but the OS URL handler or the browser it starts may parse the raw text differently (`\@` as
// user info, making evil.example the host): such text is refused rather than guessed at.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const AMBIGUOUS = /[\\\u0000-\u0020\u007f-\u009f]/;

/**
 * The address to give the OS browser for `raw`, or null when it must not be opened. The only places the app sends
 * the user's browser are Altinn (approving a systembruker), Digdir (the Maskinporten self-service portal),
 * Skatteetaten and Maskinporten's documentation, over https, without user info; and the running sandbox's
 * emulated pages, by exact loopback origin (`extraOrigins`). A link planted in a feedback document cannot open an
 * arbitrary site.
 *
 * The answer is the parsed URL's normalised `href`: the host that was checked is the host the OS gets, whatever
 * its own parser would have made of the raw text.
 */
export function externalUrlToOpen(raw: string, extraOrigins: readonly string[] = []): string | null {
  if (AMBIGUOUS.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  if (extraOrigins.includes(url.origin)) return url.href;
  if (url.protocol !== 'https:') return null;
  return isServiceHost(url.hostname) ? url.href : null;
}
