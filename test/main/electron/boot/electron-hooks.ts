// Node module customization hooks (`module.register`): `import 'electron'` anywhere in the process — the built app
// and the boot driver — resolves to the one recording fake, so both see the same app, windows and handlers.
// https://nodejs.org/api/module.html#customization-hooks
let fakeElectronUrl = '';

export function initialize(data: { fakeElectronUrl: string }): void {
  fakeElectronUrl = data.fakeElectronUrl;
}

type NextResolve = (specifier: string, context: unknown) => Promise<{ url: string }>;

export async function resolve(specifier: string, context: unknown, nextResolve: NextResolve) {
  if (specifier === 'electron') return { url: fakeElectronUrl, shortCircuit: true };
  return nextResolve(specifier, context);
}
