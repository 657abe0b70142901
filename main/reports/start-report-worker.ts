import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** The worker threads of the report check, each an entry of its own in the bundle (vite.node.config.ts). */
export type ReportWorkerEntry = 'check-worker' | 'xsd-tree-worker';

// Two levels below the project root from source (`main/reports/`) and one below `out/` in the bundle (`out/main/`,
// `out/cli/`, `out/chunks/`), so `../reports/` finds the worker in both: the TypeScript beside this file, or the
// bundle's own entry `out/reports/<entry>.js`. A variable, not a literal, keeps Vite from treating the URL as an
// asset to copy.
const FROM_SOURCE = import.meta.url.endsWith('.ts');

/**
 * Starts a report worker. The bundle's worker is plain JavaScript. From source (tests, `npm run cli`) the worker
 * first registers tsx's loader, as the main thread has it, then imports the TypeScript (`--import tsx` in a
 * worker's execArgv is not honoured by Node 20). `resourceLimits` bounds its JS heap (check-heap-limit.ts).
 */
export function startReportWorker(
  entry: ReportWorkerEntry,
  { resourceLimits }: { resourceLimits?: ResourceLimits } = {},
): Worker {
  const options = resourceLimits ? { resourceLimits } : {};
  const file = new URL(`../reports/${entry}.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url);
  if (!FROM_SOURCE) return new Worker(file, options);
  const tsxApi = new URL(tsxEsmApi(), tsxRoot()).href;
  const preloaded = (PRELOAD[entry] ?? []).map((name) => pathToFileURL(localRequire.resolve(name)).href);
  const boot =
    `Promise.all(${JSON.stringify(preloaded)}.map((url) => import(url)))` +
    `.then(() => import(${JSON.stringify(tsxApi)}))` +
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

/**
 * Plain JavaScript packages a worker imports, loaded before tsx's loader is registered: tsx would otherwise
 * transform libxml2-wasm's 963 KB module (its wasm inline) on every start from source, 0.44 s against 0.05 s.
 */
const PRELOAD: Partial<Record<ReportWorkerEntry, string[]>> = { 'xsd-tree-worker': ['libxml2-wasm'] };
const localRequire = createRequire(import.meta.url);

/** tsx's folder, as a URL ending in `/`. */
function tsxRoot(): URL {
  return pathToFileURL(localRequire.resolve('tsx/package.json'));
}

/** The ESM build of tsx's `esm/api` export, as its package.json names it (require() would get the CommonJS one). */
function tsxEsmApi(): string {
  const pkg = localRequire('tsx/package.json') as {
    exports: { './esm/api': { import: { default: string } } };
  };
  return pkg.exports['./esm/api'].import.default;
}
