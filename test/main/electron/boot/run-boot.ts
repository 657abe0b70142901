import { build } from 'vite';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BootInput, BootReport } from './boot-driver';

export type { BootReport };

/** Bundles the driver, the loader hooks and the fake Electron into plain Node ESM files for the child process. */
export async function buildBootChild(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'innsender-boot-child-'));
  const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir,
      ssr: true,
      target: 'node20',
      minify: false,
      rolldownOptions: {
        input: {
          'boot-driver': here('./boot-driver.ts'),
          'electron-hooks': here('./electron-hooks.ts'),
          'fake-electron': here('./fake-electron.ts'),
        },
        // `electron` stays a bare import: the hooks resolve it, so the driver and the app share one fake.
        external: ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
  });
  return outDir;
}

/** Boots the staged app in a child `node` (no Electron) and gives the driver's report and the process's exit. */
export function runBoot(
  childDir: string,
  input: Omit<BootInput, 'report'>,
): Promise<{ report: BootReport; code: number | null; stderr: string }> {
  const report = join(mkdtempSync(join(tmpdir(), 'innsender-boot-report-')), 'report.json');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(childDir, 'boot-driver.mjs'), JSON.stringify({ ...input, report })],
      {
        timeout: 60_000,
        // An installed app's working directory is anywhere: nothing may be found relative to it, so an empty one.
        cwd: mkdtempSync(join(tmpdir(), 'innsender-boot-cwd-')),
        env: { ...process.env, NODE_NO_WARNINGS: '1' },
      },
      (error, _stdout, stderr) => {
        let parsed: BootReport;
        try {
          parsed = JSON.parse(readFileSync(report, 'utf8')) as BootReport;
        } catch {
          parsed = {
            scenario: input.scenario,
            activeResourcesAtStart: [],
            error: `no report (${error?.message ?? 'no error'})`,
          };
        }
        resolve({ report: parsed, code: error ? ((error as { code?: number }).code ?? null) : 0, stderr });
      },
    );
  });
}
