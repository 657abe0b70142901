import type { Language, LocalizedText } from '../domain/localized';

/**
 * The app's pages in menu order, with their names in both languages: the side menu, the application menu's
 * Gå/Go entries (Ctrl/Cmd+1…9) and the window title all name a page from here, so they cannot drift apart.
 * A `firmOnly` page (an accounting firm's clients) is in the side menu only for a firm profile and not in Gå/Go,
 * which is built in main without regard to the active profile. Oversikt, the firm's home, is also there for a user
 * with more than one profile (a business with two companies is a small firm).
 */
export const APP_PAGES = [
  { id: 'overview', path: '/overview', label: { nb: 'Oversikt', en: 'Overview' }, firmOnly: true },
  { id: 'setup', path: '/setup', label: { nb: 'Oppsett', en: 'Setup' } },
  { id: 'clients', path: '/clients', label: { nb: 'Klienter', en: 'Clients' }, firmOnly: true },
  { id: 'reports', path: '/reports', label: { nb: 'Rapporter', en: 'Reports' } },
  { id: 'tredjepart', path: '/tredjepart', label: { nb: 'Tredjepart', en: 'Third-party' } },
  { id: 'skattekort', path: '/skattekort', label: { nb: 'Skattekort', en: 'Tax cards' } },
  { id: 'avstemming', path: '/avstemming', label: { nb: 'Avstemming', en: 'Reconciliation' } },
  { id: 'outbox', path: '/outbox', label: { nb: 'Utboks', en: 'Outbox' } },
  { id: 'feedback', path: '/feedback', label: { nb: 'Tilbakemeldinger', en: 'Feedback' } },
  { id: 'deadlines', path: '/deadlines', label: { nb: 'Frister', en: 'Deadlines' } },
  { id: 'settings', path: '/settings', label: { nb: 'Innstillinger', en: 'Settings' } },
] as const satisfies readonly { id: string; path: `/${string}`; label: LocalizedText; firmOnly?: true }[];

export type AppPage = (typeof APP_PAGES)[number];
export type AppPageId = AppPage['id'];
export type AppPagePath = AppPage['path'];

/** Whether every profile has the page (false for a firm's Klienter). */
export function isForEveryProfile(page: AppPage): boolean {
  return !('firmOnly' in page);
}

export const APP_PAGE_PATHS = APP_PAGES.map((p) => p.path) as [AppPagePath, ...AppPagePath[]];

/** Each page's name in one language, keyed by page id (the side menu's i18n entries). */
export function pageLabels(language: Language): Record<AppPageId, string> {
  return Object.fromEntries(APP_PAGES.map((p) => [p.id, p.label[language]])) as Record<AppPageId, string>;
}

/** The page a route belongs to (`/feedback?item=…` → Tilbakemeldinger), or undefined outside the pages. */
export function pageOfRoute(route: string): AppPage | undefined {
  const path = route.split(/[?#]/, 1)[0];
  return APP_PAGES.find((p) => p.path === path);
}
