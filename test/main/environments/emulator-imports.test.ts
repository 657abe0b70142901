import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CONTROLLER = 'main/sandbox/sandbox-controller.ts';
/** The only modules that may know the emulator: it, and the two places that assemble the app. */
const ALLOWED = (file: string) =>
  file.startsWith('main/sandbox/') || file === 'main/app-services.ts' || file === 'main/cli/cli-services.ts';

async function sourceFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(join(root, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) found.push(...(await sourceFiles(path)));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

/** Every module a file names: static imports and re-exports (type-only too) and dynamic `import()`. */
function specifiers(source: string): string[] {
  const names: string[] = [];
  for (const m of source.matchAll(/\b(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g)) names.push(m[1]!);
  for (const m of source.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) names.push(m[1]!);
  for (const m of source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) names.push(m[1]!);
  return names;
}

/** The repository path a relative specifier resolves to (`.js` written for `.ts`, or none). */
function resolved(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = relative(root, resolve(root, dirname(from), specifier)).replaceAll('\\', '/');
  return target.replace(/\.js$/, '') + '.ts';
}

async function importersOfController(): Promise<string[]> {
  const importers: string[] = [];
  for (const file of await sourceFiles('main')) {
    const source = await readFile(join(root, file), 'utf8');
    const names = specifiers(source).map((s) => resolved(file, s));
    if (names.includes(CONTROLLER) || /\bSandboxController\b/.test(source)) importers.push(file);
  }
  return importers;
}

describe('the emulator behind one endpoint resolver', () => {
  it('is imported only by main/sandbox/, main/app-services.ts and main/cli/cli-services.ts', async () => {
    const importers = await importersOfController();
    // The walk really sees imports: the assembly point is found (so an empty answer is not a blind walk).
    expect(importers).toContain('main/app-services.ts');
    expect(importers.filter((file) => !ALLOWED(file))).toEqual([]);
  });

  it('finds every form of import the walk must see', () => {
    const source = [
      "import type { SandboxController } from '../sandbox/sandbox-controller';",
      "export { x } from '../sandbox/sandbox-controller.js';",
      "const m = await import('../sandbox/sandbox-controller');",
      "import {\n  a,\n  b,\n} from '../sandbox/sandbox-controller';",
    ].join('\n');
    expect(specifiers(source).map((s) => resolved('main/outbox/x.ts', s))).toEqual([
      CONTROLLER,
      CONTROLLER,
      CONTROLLER,
      CONTROLLER,
    ]);
  });
});
