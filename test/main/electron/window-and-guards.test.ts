import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron cannot start here: the module is mocked, and the code under test is driven through its real API shape.
const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

import { mainWindowOptions } from '../../../main/electron/window-options';
import { guardWebContents, installWebContentsGuards } from '../../../main/electron/web-contents-guard';
import { denyAllPermissions } from '../../../main/electron/permissions';
import { registerAppScheme, resolveAppFile } from '../../../main/electron/app-protocol';

type Listener = (...args: unknown[]) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((d: { url: string }) => { action: string }) | undefined;
  return {
    contents: {
      on: (name: string, l: Listener) => void listeners.set(name, l),
      setWindowOpenHandler: (h: typeof openHandler) => void (openHandler = h),
    },
    emit: (name: string, ...args: unknown[]) => listeners.get(name)?.(...args),
    open: (url: string) => openHandler!({ url }),
    listeners,
  };
}

const event = () => ({ preventDefault: vi.fn(), isMainFrame: true });

describe('the main window', () => {
  it('spells out every security preference', () => {
    const options = mainWindowOptions('/app/out/preload/index.cjs');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });
});

describe('the web contents guard', () => {
  const deps = () => ({
    appOrigin: 'app://innsender',
    openExternal: vi.fn(),
    extraOrigins: () => ['http://127.0.0.1:41234'],
  });
  let d: ReturnType<typeof deps>;
  let c: ReturnType<typeof fakeContents>;
  beforeEach(() => {
    d = deps();
    c = fakeContents();
    guardWebContents(c.contents as never, d);
  });

  it('denies every window.open; an allow-listed link goes to the OS browser instead', () => {
    expect(c.open('https://am.ui.tt02.altinn.no/accessmanagement/ui/systemuser/request?id=1')).toEqual({
      action: 'deny',
    });
    expect(d.openExternal).toHaveBeenCalledWith(
      'https://am.ui.tt02.altinn.no/accessmanagement/ui/systemuser/request?id=1',
    );
    expect(c.open('https://evil.example.com/')).toEqual({ action: 'deny' });
    expect(c.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(d.openExternal).toHaveBeenCalledTimes(1);
  });

  it('lets the app move within its own origin and blocks navigation anywhere else', () => {
    const inside = event();
    c.emit('will-navigate', inside, 'app://innsender/index.html#/reports');
    expect(inside.preventDefault).not.toHaveBeenCalled();

    const away = event();
    c.emit('will-navigate', away, 'https://evil.example.com/');
    expect(away.preventDefault).toHaveBeenCalled();
    expect(d.openExternal).not.toHaveBeenCalled();

    const toSkatteetaten = event();
    c.emit('will-navigate', toSkatteetaten, 'https://www.skatteetaten.no/bedrift-og-organisasjon/');
    expect(toSkatteetaten.preventDefault).toHaveBeenCalled();
    expect(d.openExternal).toHaveBeenCalledWith('https://www.skatteetaten.no/bedrift-og-organisasjon/');

    const redirect = event();
    c.emit('will-redirect', redirect, 'http://example.org/');
    expect(redirect.preventDefault).toHaveBeenCalled();
  });

  it("opens the running sandbox's emulated Altinn page (loopback) only by exact origin", () => {
    c.open('http://127.0.0.1:41234/altinn-am/accessmanagement/ui/systemuser/request?id=9');
    c.open('http://127.0.0.1:9999/anything');
    expect(d.openExternal.mock.calls).toEqual([
      ['http://127.0.0.1:41234/altinn-am/accessmanagement/ui/systemuser/request?id=9'],
    ]);
  });

  it('refuses webviews and sub-frame navigation', () => {
    const webview = event();
    c.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    const frame = { preventDefault: vi.fn(), isMainFrame: false };
    c.emit('will-frame-navigate', frame);
    expect(frame.preventDefault).toHaveBeenCalled();
  });

  it('is installed for every web contents the app creates', () => {
    const app = { on: vi.fn() };
    installWebContentsGuards(app as never, d);
    expect(app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function));
    const more = fakeContents();
    (app.on.mock.calls[0]![1] as Listener)({}, more.contents);
    expect(more.open('https://evil.example.com/')).toEqual({ action: 'deny' });
    expect(more.listeners.has('will-navigate')).toBe(true);
  });
});

describe('permissions', () => {
  it('denies every request and check', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    denyAllPermissions(session as never);
    const answer = vi.fn();
    session.setPermissionRequestHandler.mock.calls[0]![0]({}, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(session.setPermissionCheckHandler.mock.calls[0]![0]({}, 'clipboard-read')).toBe(false);
    expect(session.setDevicePermissionHandler.mock.calls[0]![0]({})).toBe(false);
  });
});

describe('the app:// protocol', () => {
  it('is registered as a standard, secure scheme', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true } },
    ]);
  });

  it('serves only files inside the renderer folder', () => {
    expect(resolveAppFile('/app/out/renderer', '/')).toBe('/app/out/renderer/index.html');
    expect(resolveAppFile('/app/out/renderer', '/assets/index.js')).toBe('/app/out/renderer/assets/index.js');
    expect(resolveAppFile('/app/out/renderer', '/../../main/index.js')).toBeNull();
    expect(resolveAppFile('/app/out/renderer', '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveAppFile('/app/out/renderer', '/%E0%A4%A')).toBeNull();
  });
});
