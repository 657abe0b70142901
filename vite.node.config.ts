import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// Main and the CLI run as Node ESM. Pure-JS dependencies are bundled (so the packaged app carries no loose
// node_modules but the native ones); keytar, better-sqlite3 (both native addons) and electron stay external.
const native = ['keytar', 'better-sqlite3'];
const external = ['electron', ...native, 'xmllint-wasm', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default defineConfig({
  define: { __INNSENDER_VERSION__: JSON.stringify(version) },
  build: {
    outDir: 'out',
    emptyOutDir: false,
    target: 'node20',
    ssr: true,
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      // The report check's worker threads are entries of their own (main/reports/start-report-worker.ts finds them).
      input: {
        'main/index': 'main/electron/main.ts',
        'cli/index': 'main/cli/index.ts',
        'reports/check-worker': 'main/reports/check-worker.ts',
        'reports/xsd-tree-worker': 'main/reports/xsd-tree-worker.ts',
      },
      external,
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  ssr: { noExternal: true, external: ['electron', ...native, 'xmllint-wasm'] },
});
