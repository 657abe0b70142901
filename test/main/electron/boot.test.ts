import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isPacked, productionDependencies, REPO_ROOT, stageBuiltApp, type StagedApp } from '../support/staged-app';
import { buildBootChild, runBoot, type BootReport } from './boot/run-boot';
import { CHANNEL_NAMES } from '../../../shared/ipc/names';
import { rendererCsp } from '../../../shared/csp';
import { mainWindowOptions } from '../../../main/electron/window-options';

// Electron cannot start on the build machines, so main/electron/main.ts is proven here instead: the *built* entry
// (out/main/index.js), staged as electron-builder.yml packs it, runs in a child `node` against a recording fake of
// Electron 45's API (./boot/fake-electron.ts), which keeps Electron's ordering rules and quit sequence.

const amelding = fileURLToPath(new URL('../../fixtures/reports/amelding-example-v2_3.xml', import.meta.url));

let staged: StagedApp;
let childDir: string;
let boot: { report: BootReport; code: number | null; stderr: string };

beforeAll(async () => {
  staged = await stageBuiltApp({ renderer: true, preload: true });
  childDir = await buildBootChild();
  boot = await runBoot(childDir, {
    appDir: staged.dir,
    userData: mkdtempSync(join(tmpdir(), 'innsender-boot-data-')),
    scenario: 'boot',
    amelding,
  });
  if (boot.report.error) throw new Error(`${boot.report.error}\n${boot.stderr}`);
  if (process.env.BOOT_DEBUG) console.log(JSON.stringify(boot.report, null, 1));
}, 180_000);

/** The booted app's report; a field the driver did not fill fails the test that reads it. */
function r(): Required<BootReport> {
  return boot.report as Required<BootReport>;
}
/** The resources open at the end that were not already open before the app loaded (its stdio), by kind. */
function leftOpen(atStart: string[], atEnd: string[]): string[] {
  const baseline = [...atStart];
  return atEnd.filter((kind) => {
    const i = baseline.indexOf(kind);
    if (i < 0) return true;
    baseline.splice(i, 1);
    return false;
  });
}

describe('the built app boots against Electron 45 rules', () => {
  it('takes the single-instance lock and registers app:// as privileged before ready, once', () => {
    const before = r().beforeReady;
    expect(before).toEqual(['app.requestSingleInstanceLock', 'protocol.registerSchemesAsPrivileged']);
    expect(r().privilegedSchemes).toEqual([
      { schemes: [{ scheme: 'app', privileges: { standard: true, secure: true } }], beforeReady: true },
    ]);
  });

  it('creates the window with the hardened options and a preload that exists in the staged app', () => {
    const { options, loadedUrl } = r().window;
    const prefs = options.webPreferences ?? {};
    // The options window-and-guards.test.ts pins, exactly, in the built app; the four that matter most spelled out.
    expect(options).toEqual(mainWindowOptions(String(prefs.preload)));
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    const preload = String(prefs.preload);
    expect(isAbsolute(preload)).toBe(true);
    expect(relative(staged.dir, preload)).toBe(join('out', 'preload', 'index.cjs'));
    expect(r().preloadExists).toBe(true);
    expect(loadedUrl).toBe('app://innsender/index.html');
  });

  it('registers one IPC handler for every channel of the contract, and no other', () => {
    expect([...r().ipcChannels].sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('runs the built preload as a sandboxed renderer does: only `electron` required, one function per channel', () => {
    const preload = r().preload;
    expect(preload.required).toEqual(['electron']);
    expect(preload.exposedKeys).toEqual(['innsender']);
    expect([...preload.functions].sort()).toEqual([...CHANNEL_NAMES, 'on'].sort());
    // Names only: the schemas stay in main (shared/ipc/names.ts).
    expect(preload.bytes).toBeLessThan(16 * 1024);
  });

  it('answers the page through the preload: app info, a sandbox profile, the emulator, an offline check', () => {
    const calls = r().calls;
    expect(calls.appInfo).toMatchObject({ ok: true, value: { name: 'Innsender', host: 'electron' } });
    expect(calls.createProfile).toMatchObject({ ok: true, value: { orgNumber: '974761076' } });
    expect(r().sandboxBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(calls.describe).toMatchObject({ ok: true, value: { status: 'ready', sandbox: { state: 'running' } } });
    // The XSDs (assets/schemas, packed by `files`) and xmllint-wasm (a production dependency) load at run time.
    expect(calls.check?.ok).toBe(true);
    type Checked = { result: { kind: string; findings: { code: string }[] } };
    const checks = (calls.check?.value as { checks: Checked[] }).checks;
    expect(checks.map((c) => c.result.kind)).toEqual(['amelding']);
    // The example is schema-valid: any XSD_ finding here means the validator or a schema did not load.
    expect(checks[0]!.result.findings.map((f) => f.code).filter((code) => code.startsWith('XSD_'))).toEqual([]);
    // ...and the rules ran past the schema: the example's organisation is not the profile's.
    expect(checks[0]!.result.findings.map((f) => f.code)).toContain('AMELDING_OPPLYSNINGSPLIKTIG_NOT_PROFILE');
    expect(r().eventsSent).toContain('event:sandbox.status');
  });

  it('sets the application menu once after ready, in bokmål, without Reload or developer tools when packed', () => {
    const menu = r().menu;
    expect(menu).toMatchObject({ sets: 1, afterReady: true });
    expect(menu.labels).toEqual(
      process.platform === 'darwin'
        ? ['Innsender', 'Fil', 'Rediger', 'Vis', 'Gå', 'Vindu', 'Hjelp']
        : ['Fil', 'Rediger', 'Vis', 'Gå', 'Hjelp'],
    );
    expect(menu.roles).toEqual(expect.arrayContaining(['copy', 'paste', 'zoomIn', 'zoomOut', 'resetZoom']));
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) expect(menu.roles).not.toContain(role);
  });

  it('names the page and the company in the title bar when the page asks', () => {
    expect(r().calls.setTitle).toEqual({ ok: true, value: { title: 'Rapporter — Fjellstue AS — Innsender' } });
    expect(r().title).toBe('Rapporter — Fjellstue AS — Innsender');
  });

  it('keeps where the user left the window in settings.json when it closes', () => {
    expect(r().savedWindow).toEqual({ x: 200, y: 150, width: 1100, height: 760, maximized: false });
  });

  it('refuses IPC from a web contents it did not create and from a foreign page in its window', () => {
    const calls = r().calls;
    expect(calls.untrustedSender).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN_SENDER' } });
    expect(calls.foreignFrame).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN_SENDER' } });
  });

  it('serves the renderer on app:// with the CSP, every file the page links, and refuses escapes', () => {
    const protocol = r().protocol;
    expect(protocol.index).toMatchObject({ status: 200, contentType: 'text/html; charset=utf-8', csp: rendererCsp() });
    expect(protocol.linked.length).toBeGreaterThanOrEqual(2);
    for (const file of protocol.linked) expect(file, file.url).toMatchObject({ status: 200, csp: rendererCsp() });
    for (const file of protocol.refused) expect(file, file.url).toMatchObject({ status: 404, bytes: 9 });
  });

  it('guards the window: no new windows, no navigation away, no webviews, no permissions', () => {
    expect(r().guards).toEqual({
      windowOpen: { action: 'deny' },
      navigateAway: true,
      navigateInside: false,
      webviewPrevented: true,
      permission: false,
    });
  });

  it('quits when the last window closes, only once the services are disposed and the sandbox stopped', () => {
    const timeline = r().timeline.map((t) => t.what);
    const closed = timeline.indexOf('BrowserWindow closed');
    expect(closed).toBeGreaterThan(0);
    // Electron does not wait for a promise: the first will-quit is held back while the services stop.
    expect(timeline.slice(closed)).toEqual([
      'BrowserWindow closed',
      'app.quit',
      'before-quit',
      'will-quit',
      'quit cancelled',
      'app.quit',
      'before-quit',
      'will-quit',
      'quit',
      'process ends',
    ]);
    expect(r().lastLogLine).toMatchObject({ level: 'info', message: 'app services stopped; quitting' });
    expect(boot.code).toBe(0);
    // Where Electron ends the process nothing the app opened may be left: no emulator socket, no timer, no file.
    expect(leftOpen(r().activeResourcesAtStart, r().activeResourcesAtExit)).toEqual([]);
  });
});

describe('a second instance', () => {
  it('brings the running app’s window forward instead of opening another', () => {
    expect(r().secondInstance).toEqual({ windows: 1, focused: 1 });
  });

  it('quits at once without the lock: no scheme, no window, no IPC, no services', async () => {
    const second = await runBoot(childDir, {
      appDir: staged.dir,
      userData: mkdtempSync(join(tmpdir(), 'innsender-boot-data-')),
      scenario: 'second-instance',
      amelding,
    });
    expect(second.report.error).toBeUndefined();
    const timeline = (second.report.timeline ?? []).map((t) => t.what);
    expect(timeline[0]).toBe('app.requestSingleInstanceLock');
    expect(timeline).not.toContain('protocol.registerSchemesAsPrivileged');
    expect(timeline).not.toContain('BrowserWindow created');
    expect(timeline.at(-1)).toBe('process ends');
    expect(second.code).toBe(0);
  }, 60_000);
});

describe('a damaged database in the data folder', () => {
  it('says so in bokmål and English, keeps the file aside, and quits without a window', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'innsender-boot-data-'));
    const damaged = Buffer.from('not a database: the outbox of a firm, cut short by a disk fault '.repeat(100));
    writeFileSync(join(userData, 'innsender.db'), damaged);
    const run = await runBoot(childDir, { appDir: staged.dir, userData, scenario: 'damaged-store', amelding });
    expect(run.report.error).toBeUndefined();
    const timeline = (run.report.timeline ?? []).map((t) => t.what);
    expect(timeline).toContain('dialog.showErrorBox');
    expect(timeline).not.toContain('BrowserWindow created');
    expect(timeline).toContain('app.quit');
    expect(timeline.at(-1)).toBe('process ends');
    const [box] = run.report.errorBoxes ?? [];
    const keptAs = readdirSync(userData).find((n) => n.startsWith('innsender.db.corrupt-'));
    expect(keptAs).toBeDefined();
    expect(readFileSync(join(userData, keptAs!))).toEqual(damaged);
    expect(box?.content).toContain('er skadet og kan ikke leses');
    expect(box?.content).toContain('is damaged and cannot be read');
    expect(box?.content).toContain(keptAs);
  }, 60_000);
});

describe('electron-builder.yml packs what the built entry loads', () => {
  it('packs the entry, its chunks, the preload, the renderer and the XSDs, and no source maps', () => {
    expect(staged.packed).toContain('out/main/index.js');
    expect(staged.packed).toContain('out/preload/index.cjs');
    expect(staged.packed).toContain('out/renderer/index.html');
    expect(staged.packed).toContain('package.json');
    expect(staged.packed.filter((p) => p.startsWith('assets/schemas/')).length).toBeGreaterThan(0);
    expect(staged.packed.filter((p) => p.endsWith('.map'))).toEqual([]);
    expect(staged.packed.filter((p) => /^(main|shared|renderer|preload|test)\//.test(p))).toEqual([]);
    expect(isPacked('out/chunks/a.js.map', staged.patterns)).toBe(false);
    expect(isPacked('out/chunks/a.js', staged.patterns)).toBe(true);
  });

  it('loaded, while it ran, only modules it packs or a production dependency holds', () => {
    const fromChild = pathToFileURL(childDir).href;
    const app = r()
      .loadedModules.filter((url) => !url.startsWith(fromChild))
      .map((url) => fileURLToPath(url));
    expect(app).toContain(join(staged.dir, 'out', 'main', 'index.js'));
    const dependencies = productionDependencies().map((name) => join(REPO_ROOT, 'node_modules', name) + sep);
    for (const file of app) {
      const packed = file.startsWith(staged.dir + sep) && staged.packed.includes(relative(staged.dir, file));
      expect(packed || dependencies.some((dir) => file.startsWith(dir)), file).toBe(true);
    }
  });
});
