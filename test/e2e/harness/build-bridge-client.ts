import { build } from 'vite';
import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bundles the page-side bridge into one classic script for page.addInitScript. */
export async function buildBridgeClient(bridgeUrl: string): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'innsender-bridge-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    define: { __BRIDGE_URL__: JSON.stringify(bridgeUrl) },
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: fileURLToPath(new URL('./bridge-client.ts', import.meta.url)),
        formats: ['iife'],
        name: 'InnsenderTestBridge',
        fileName: () => 'bridge.js',
      },
    },
  });
  return readFile(join(outDir, 'bridge.js'), 'utf8');
}
