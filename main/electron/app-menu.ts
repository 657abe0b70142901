import { app, BrowserWindow, Menu, shell } from 'electron';
import type { AppServices } from '../app-services';
import { appMenuTemplate, DOCUMENTATION_URL } from '../window/app-menu';

/**
 * Sets the application menu (Electron's default one, in English with Reload and DevTools, never shows) in the
 * user's language, and builds it again when the language changes.
 */
export function installAppMenu(services: Pick<AppServices, 'events' | 'settings'>): void {
  const build = (language: 'nb' | 'en') =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate({
          language,
          packaged: app.isPackaged,
          platform: process.platform,
          navigate: (path) => {
            // The page may sit behind another app: bring it forward as well.
            BrowserWindow.getAllWindows()[0]?.show();
            services.events.emit('app.navigate', { path });
          },
          openDocumentation: () => void shell.openExternal(DOCUMENTATION_URL),
        }),
      ),
    );
  build(services.settings.read().language);
  services.events.subscribe((event, payload) => {
    if (event === 'settings.changed') build((payload as { language: 'nb' | 'en' }).language);
  });
}
