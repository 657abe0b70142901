import type { MenuItemConstructorOptions } from 'electron';
import type { Language, LocalizedText } from '../../shared/domain/localized';
import { APP_PAGES, isForEveryProfile, type AppPagePath } from '../../shared/app/app-pages';

export interface AppMenuOptions {
  language: Language;
  /** `app.isPackaged`: a packaged build has no Reload and no developer tools in its menu. */
  packaged: boolean;
  platform: NodeJS.Platform;
  /** Show a page (the Gå/Go entries). */
  navigate(path: AppPagePath): void;
  /** Open Skatteetaten's API documentation in the OS browser (Hjelp/Help). */
  openDocumentation(): void;
}

/** Skatteetaten's public API documentation, the reference for every service Innsender reports to. */
export const DOCUMENTATION_URL = 'https://skatteetaten.github.io/api-dokumentasjon/';

const L = {
  app: { nb: 'Innsender', en: 'Innsender' },
  file: { nb: 'Fil', en: 'File' },
  close: { nb: 'Lukk vinduet', en: 'Close Window' },
  quit: { nb: 'Avslutt', en: 'Quit' },
  edit: { nb: 'Rediger', en: 'Edit' },
  undo: { nb: 'Angre', en: 'Undo' },
  redo: { nb: 'Gjør om', en: 'Redo' },
  cut: { nb: 'Klipp ut', en: 'Cut' },
  copy: { nb: 'Kopier', en: 'Copy' },
  paste: { nb: 'Lim inn', en: 'Paste' },
  selectAll: { nb: 'Merk alt', en: 'Select All' },
  view: { nb: 'Vis', en: 'View' },
  resetZoom: { nb: 'Faktisk størrelse', en: 'Actual Size' },
  zoomIn: { nb: 'Zoom inn', en: 'Zoom In' },
  zoomOut: { nb: 'Zoom ut', en: 'Zoom Out' },
  fullScreen: { nb: 'Fullskjerm', en: 'Full Screen' },
  reload: { nb: 'Last inn på nytt', en: 'Reload' },
  devTools: { nb: 'Utviklerverktøy', en: 'Developer Tools' },
  go: { nb: 'Gå', en: 'Go' },
  help: { nb: 'Hjelp', en: 'Help' },
  docs: { nb: 'Skatteetatens API-dokumentasjon', en: "Skatteetaten's API documentation" },
  about: { nb: 'Om Innsender', en: 'About Innsender' },
  hide: { nb: 'Skjul Innsender', en: 'Hide Innsender' },
  hideOthers: { nb: 'Skjul andre', en: 'Hide Others' },
  unhide: { nb: 'Vis alle', en: 'Show All' },
  minimize: { nb: 'Minimer', en: 'Minimize' },
  window: { nb: 'Vindu', en: 'Window' },
  zoom: { nb: 'Zoom', en: 'Zoom' },
  front: { nb: 'Legg alle fremst', en: 'Bring All to Front' },
} satisfies Record<string, LocalizedText>;

/**
 * The application menu as a plain template (Electron's `Menu.buildFromTemplate` input), so its entries, labels and
 * shortcuts are tested under Node. Every label is given in the app's language rather than left to Electron's role
 * defaults, which follow the OS language and would mix English into a Norwegian app.
 */
export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const t = (text: LocalizedText) => text[options.language];
  const mac = options.platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const macAppMenu: MenuItemConstructorOptions = {
    label: t(L.app),
    submenu: [
      { role: 'about', label: t(L.about) },
      separator,
      { role: 'hide', label: t(L.hide) },
      { role: 'hideOthers', label: t(L.hideOthers) },
      { role: 'unhide', label: t(L.unhide) },
      separator,
      { role: 'quit', label: t(L.quit) },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: t(L.file),
    submenu: mac ? [{ role: 'close', label: t(L.close) }] : [{ role: 'quit', label: t(L.quit) }],
  };
  const edit: MenuItemConstructorOptions = {
    label: t(L.edit),
    submenu: [
      { role: 'undo', label: t(L.undo) },
      { role: 'redo', label: t(L.redo) },
      separator,
      { role: 'cut', label: t(L.cut) },
      { role: 'copy', label: t(L.copy) },
      { role: 'paste', label: t(L.paste) },
      { role: 'selectAll', label: t(L.selectAll) },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: t(L.view),
    submenu: [
      { role: 'resetZoom', label: t(L.resetZoom) },
      { role: 'zoomIn', label: t(L.zoomIn) },
      { role: 'zoomOut', label: t(L.zoomOut) },
      separator,
      { role: 'togglefullscreen', label: t(L.fullScreen) },
      // For a developer running from source only: a packaged app is not debugged by its users.
      ...(options.packaged
        ? []
        : [
            separator,
            { role: 'reload', label: t(L.reload) } as const,
            { role: 'toggleDevTools', label: t(L.devTools) } as const,
          ]),
    ],
  };
  const go: MenuItemConstructorOptions = {
    label: t(L.go),
    // A firm's Klienter is left out: this menu does not follow the active profile, and nine pages fill Ctrl/Cmd+1…9.
    submenu: APP_PAGES.filter(isForEveryProfile).map((page, index) => ({
      label: page.label[options.language],
      accelerator: `CmdOrCtrl+${index + 1}`,
      click: () => options.navigate(page.path),
    })),
  };
  const macWindow: MenuItemConstructorOptions = {
    label: t(L.window),
    submenu: [
      { role: 'minimize', label: t(L.minimize) },
      { role: 'zoom', label: t(L.zoom) },
      separator,
      { role: 'front', label: t(L.front) },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: t(L.help),
    submenu: [
      { label: t(L.docs), click: () => options.openDocumentation() },
      ...(mac ? [] : [separator, { role: 'about', label: t(L.about) } as const]),
    ],
  };
  return mac ? [macAppMenu, file, edit, view, go, macWindow, help] : [file, edit, view, go, help];
}
