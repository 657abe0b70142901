// Builds better-sqlite3 for the installed Electron into out/electron-native/ for `npm start`. node_modules keeps
// the build for Node, which the tests and the CLI load; better-sqlite3 is not an N-API addon (keytar is), so one
// build cannot serve both. The app, run from the source tree, loads this copy (main/electron/main.ts); a packaged
// app needs none (electron-builder rebuilds node_modules for Electron: npmRebuild in electron-builder.yml).
// Needs what the first install needed (a C++ toolchain and Python) and the network once, for Electron's headers
// or a prebuilt binary. Skipped when the copy for this Electron and this better-sqlite3 is already there.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import console from 'node:console';
import process from 'node:process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const version = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;

const electronVersion = version('electron');
const sqliteVersion = version('better-sqlite3');
const out = join(root, 'out', 'electron-native');
const target = join(out, 'better_sqlite3.node');
const stampFile = join(out, 'built-for.json');
const stamp = JSON.stringify({ electron: electronVersion, 'better-sqlite3': sqliteVersion });

if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) process.exit(0);

// A tree of its own, so the rebuild never touches node_modules' Node build.
const tree = join(out, 'tree');
rmSync(tree, { recursive: true, force: true });
const module = join(tree, 'node_modules', 'better-sqlite3');
mkdirSync(module, { recursive: true });
cpSync(dirname(require.resolve('better-sqlite3/package.json')), module, {
  recursive: true,
  filter: (path) => !path.includes(`${join('better-sqlite3', 'build')}`),
});
writeFileSync(
  join(tree, 'package.json'),
  JSON.stringify({
    name: 'innsender-electron-native',
    private: true,
    dependencies: { 'better-sqlite3': sqliteVersion },
  }),
);

// @electron/rebuild comes with electron-builder; resolved from it, as electron-builder itself does.
const { rebuild } = require(
  require.resolve('@electron/rebuild', { paths: [dirname(require.resolve('app-builder-lib/package.json'))] }),
);
console.log(`electron-native: building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} …`);
await rebuild({ buildPath: tree, electronVersion, onlyModules: ['better-sqlite3'], force: true });
cpSync(join(module, 'build', 'Release', 'better_sqlite3.node'), target);
writeFileSync(stampFile, stamp);
rmSync(tree, { recursive: true, force: true });
console.log(`electron-native: ${target}`);
