import { build } from 'vite';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface StagedApp {
  /** The app folder as electron-builder would pack it: only what `files` matches, plus production dependencies. */
  dir: string;
  /** Every file copied in, relative to `dir` (node_modules aside). */
  packed: string[];
  /** The `files` patterns read from electron-builder.yml. */
  patterns: string[];
}

/**
 * The `files` list of electron-builder.yml. The file is read as text on purpose (the list is one flat YAML
 * sequence), so this needs no YAML library the project does not already declare.
 */
export function electronBuilderFilePatterns(): string[] {
  const lines = readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8').split('\n');
  const start = lines.findIndex((l) => /^files:\s*$/.test(l));
  if (start < 0) throw new Error('electron-builder.yml has no files: list');
  const patterns: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const item = /^\s+-\s+(.+?)\s*$/.exec(line)?.[1];
    if (item) patterns.push(item.replace(/^'(.*)'$/, '$1').replace(/^"(.*)"$/, '$1'));
  }
  return patterns;
}

/**
 * A `files` glob as a regular expression: `**` any folders, `*` and `?` within one name. Node's own
 * path.matchesGlob is still experimental (and warns) on Node 20; a pattern this does not cover throws, so a new
 * kind of pattern in electron-builder.yml cannot be misread silently.
 */
function globToRegExp(glob: string): RegExp {
  if (/[[\]{}()]/.test(glob)) throw new Error(`staged-app: unsupported pattern in electron-builder.yml: ${glob}`);
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^$|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** electron-builder's reading of `files`: a path is packed when a pattern matches it and no `!pattern` does. */
export function isPacked(path: string, patterns: readonly string[]): boolean {
  const include = patterns.filter((p) => !p.startsWith('!')).map(globToRegExp);
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => globToRegExp(p.slice(1)));
  return include.some((re) => re.test(path)) && !exclude.some((re) => re.test(path));
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** `npm run build`'s three Vite builds, written below `root/out` instead of the checkout's own `out/`. */
async function buildInto(root: string, parts: { renderer: boolean; preload: boolean }): Promise<void> {
  const configs = [
    ['vite.node.config.ts', join(root, 'out')],
    ...(parts.preload ? [['vite.preload.config.ts', join(root, 'out', 'preload')]] : []),
    ...(parts.renderer ? [['vite.renderer.config.ts', join(root, 'out', 'renderer')]] : []),
  ];
  for (const [config, outDir] of configs) {
    await build({ logLevel: 'silent', configFile: join(REPO_ROOT, config!), build: { outDir } });
  }
}

/** The production dependencies and theirs (what electron-builder packs into node_modules), by name. */
export function productionDependencies(): string[] {
  const seen = new Set<string>();
  const visit = (pkgDir: string) => {
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    for (const name of Object.keys(pkg.dependencies ?? {})) {
      if (seen.has(name)) continue;
      seen.add(name);
      visit(join(REPO_ROOT, 'node_modules', name));
    }
  };
  visit(REPO_ROOT);
  return [...seen];
}

/**
 * Builds the app and stages it as the packaged app would hold it: the checkout's tracked files and the fresh build
 * are filtered through electron-builder.yml's `files`, copied into a temporary folder, and the production
 * dependencies are linked beside them. Anything the built entry loads at run time that `files` leaves out is then
 * missing, as it would be in the installed app.
 */
export async function stageBuiltApp(parts: { renderer: boolean; preload: boolean }): Promise<StagedApp> {
  const buildRoot = mkdtempSync(join(tmpdir(), 'innsender-build-'));
  await buildInto(buildRoot, parts);
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((p) => p && !p.startsWith('out/') && existsSync(join(REPO_ROOT, p)));
  const built = walk(join(buildRoot, 'out')).map((p) => relative(buildRoot, p).split(sep).join('/'));
  const patterns = electronBuilderFilePatterns();
  const dir = mkdtempSync(join(tmpdir(), 'innsender-staged-'));
  const packed: string[] = [];
  for (const [root, paths] of [
    [REPO_ROOT, tracked],
    [buildRoot, built],
  ] as const) {
    for (const path of paths) {
      if (!isPacked(path, patterns)) continue;
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      cpSync(join(root, path), join(dir, path));
      packed.push(path);
    }
  }
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  for (const name of productionDependencies()) {
    mkdirSync(dirname(join(dir, 'node_modules', name)), { recursive: true });
    symlinkSync(join(REPO_ROOT, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
  }
  return { dir, packed, patterns };
}
