import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorResponse } from './router';
import { ownHosts } from './loopback';

/**
 * The sandbox listens on loopback only, but a web page in the user's browser can still reach loopback: through
 * DNS rebinding (its own host name made to point at 127.0.0.1, so the browser calls it same-origin and sends
 * `Host: evil.example`) or with a plain cross-site form post. These two checks run before any route.
 */

/** 421 when `Host` is not the sandbox itself: the request was meant for another server, or is a rebinding attack. */
export function misdirected(headers: IncomingHttpHeaders, port: number): EmulatorResponse | null {
  const host = (headers.host ?? '').toLowerCase();
  if (ownHosts(port).includes(host)) return null;
  return {
    status: 421,
    headers: { connection: 'close' },
    body: {
      error: 'misdirected_request',
      host: host || null,
      message: {
        nb: `Sandkassen svarer bare på ${ownHosts(port).join(', ')}; denne forespørselen var til «${host || '(ingen Host)'}».`,
        en: `The sandbox answers only on ${ownHosts(port).join(', ')}; this request was for "${host || '(no Host)'}".`,
      },
    },
  };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * 403 for a state-changing request a browser sent from another site: `Sec-Fetch-Site` other than `same-origin`
 * or `none` (typed or bookmarked), or an `Origin` that is not the sandbox's own. Innsender's own clients are not
 * browsers and send neither header, so they pass; the approval form posted from its own page passes too.
 */
export function crossSite(method: string, headers: IncomingHttpHeaders, port: number): EmulatorResponse | null {
  if (!UNSAFE.has(method)) return null;
  const site = headers['sec-fetch-site'];
  const origin = headers.origin;
  const ownOrigins = ownHosts(port).map((h) => `http://${h}`);
  const fromElsewhere =
    (typeof site === 'string' && site !== 'same-origin' && site !== 'none') ||
    (typeof origin === 'string' && !ownOrigins.includes(origin.toLowerCase()));
  if (!fromElsewhere) return null;
  return {
    status: 403,
    body: {
      error: 'cross_site_request',
      message: {
        nb: 'Sandkassen tar ikke imot endringer sendt fra en annen nettside. Åpne lenken fra Innsender og prøv igjen der.',
        en: 'The sandbox accepts no changes sent from another web page. Open the link from Innsender and try again there.',
      },
    },
  };
}
