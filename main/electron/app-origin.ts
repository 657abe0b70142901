/** The app is served from its own privileged scheme, never from file:// or a remote origin. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'innsender';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
