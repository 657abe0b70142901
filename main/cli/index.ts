import { runCli } from './program';
import { processIo } from './output';

// Replaced at build time by Vite; under tsx the package.json version is read instead.
declare const __INNSENDER_VERSION__: string | undefined;

async function version(): Promise<string> {
  if (typeof __INNSENDER_VERSION__ === 'string') return __INNSENDER_VERSION__;
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

process.exitCode = await runCli({ argv: process.argv.slice(2), io: processIo, version: await version() });
