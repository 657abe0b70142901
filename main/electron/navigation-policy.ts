import { externalUrlToOpen } from '../security/external-links';
import { originOf } from '../security/url-origin';

export type NavigationDecision = { action: 'allow' } | { action: 'deny' } | { action: 'open-external'; url: string };

/**
 * What happens when a page tries to go somewhere: inside the app's own origin a same-page navigation is allowed;
 * an allow-listed http(s) address goes to the OS browser; everything else is refused.
 */
export function decideNavigation(
  url: string,
  appOrigin: string,
  extraOrigins: readonly string[] = [],
): NavigationDecision {
  const origin = originOf(url);
  if (origin === null) return { action: 'deny' };
  if (origin === appOrigin) return { action: 'allow' };
  return openExternally(url, extraOrigins);
}

/** New windows are never created: an allowed link opens in the OS browser, anything else is dropped. */
export function decideWindowOpen(url: string, extraOrigins: readonly string[] = []): NavigationDecision {
  return openExternally(url, extraOrigins);
}

/** The OS browser gets the normalised address that was checked, never the page's raw text. */
function openExternally(url: string, extraOrigins: readonly string[]): NavigationDecision {
  const href = externalUrlToOpen(url, extraOrigins);
  return href ? { action: 'open-external', url: href } : { action: 'deny' };
}
