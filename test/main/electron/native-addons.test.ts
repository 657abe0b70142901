import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { productionDependencies, REPO_ROOT } from '../support/staged-app';

/**
 * A native addon cannot load from inside the asar archive and must be rebuilt for Electron's ABI: every production
 * dependency that builds one (it has a binding.gyp: keytar, better-sqlite3) is unpacked, and the rebuild is on.
 * electron-builder's options: https://www.electron.build/configuration (asarUnpack, npmRebuild). That the built main
 * loads them from node_modules (not bundled) is boot.test.ts's: it runs the staged app, which opens the database.
 */
describe('native addons in the package', () => {
  const yml = readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8');
  const native = productionDependencies().filter((name) =>
    existsSync(join(REPO_ROOT, 'node_modules', name, 'binding.gyp')),
  );

  it('finds the native production dependencies', () => {
    expect(native.sort()).toEqual(['better-sqlite3', 'keytar']);
  });

  it('unpacks each one’s .node from the asar archive and rebuilds it for Electron', () => {
    for (const name of native) expect(yml).toContain(`- '**/node_modules/${name}/build/Release/*.node'`);
    expect(yml).toMatch(/^npmRebuild: true$/m);
  });
});
