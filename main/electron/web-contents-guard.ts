import type { App, WebContents } from 'electron';
import { decideNavigation, decideWindowOpen } from './navigation-policy';

interface GuardDeps {
  appOrigin: string;
  openExternal: (url: string) => void;
  /** Loopback origins of the sandbox's emulated Altinn pages, allowed to open in the OS browser. */
  extraOrigins: () => readonly string[];
}

/** One guard for every web contents the app ever creates (Signal's `handleCommonWindowEvents`, Fiddle's windows.ts). */
export function installWebContentsGuards(app: App, deps: GuardDeps): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, deps));
}

export function guardWebContents(contents: WebContents, deps: GuardDeps): void {
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url, deps.extraOrigins());
    if (decision.action === 'open-external') deps.openExternal(decision.url);
    return { action: 'deny' };
  });
  const onNavigate = (event: { preventDefault(): void }, url: string) => {
    const decision = decideNavigation(url, deps.appOrigin, deps.extraOrigins());
    if (decision.action === 'allow') return;
    event.preventDefault();
    if (decision.action === 'open-external') deps.openExternal(decision.url);
  };
  contents.on('will-navigate', onNavigate);
  contents.on('will-redirect', onNavigate);
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
