/**
 * Light or dark, as the OS is set (Electron passes the OS setting to `prefers-color-scheme`, and main sets
 * `nativeTheme.themeSource = 'system'`). Designsystemet's themes switch on `data-color-scheme` on the root, so the
 * attribute follows the media query, also when the user switches while the app runs. Returns the unsubscribe.
 */
export function followColorScheme(root: HTMLElement = document.documentElement, win: Window = window): () => void {
  const query = win.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => root.setAttribute('data-color-scheme', query.matches ? 'dark' : 'light');
  apply();
  query.addEventListener('change', apply);
  return () => query.removeEventListener('change', apply);
}
