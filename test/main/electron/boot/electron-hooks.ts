// Node module customization hooks (`module.register`): `import 'electron'` anywhere in the process — the built app
// and the boot driver — resolves to the one recording fake, so both see the same app, windows and handlers; and
// every file module loaded is listed, to hold against what electron-builder.yml packs.
// https://nodejs.org/api/module.html#customization-hooks
import { appendFileSync } from 'node:fs';

let fakeElectronUrl = '';
let loadedLog = '';

export function initialize(data: { fakeElectronUrl: string; loadedLog: string }): void {
  fakeElectronUrl = data.fakeElectronUrl;
  loadedLog = data.loadedLog;
}

type NextResolve = (specifier: string, context: unknown) => Promise<{ url: string }>;
type NextLoad = (url: string, context: unknown) => Promise<unknown>;

export async function resolve(specifier: string, context: unknown, nextResolve: NextResolve) {
  if (specifier === 'electron') return { url: fakeElectronUrl, shortCircuit: true };
  return nextResolve(specifier, context);
}

export async function load(url: string, context: unknown, nextLoad: NextLoad) {
  if (url.startsWith('file:') && url !== fakeElectronUrl) appendFileSync(loadedLog, `${url}\n`);
  return nextLoad(url, context);
}
