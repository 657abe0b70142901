import { beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stageBuiltApp, type StagedApp } from '../main/support/staged-app';

// The *built* CLI (out/cli/index.js), staged as electron-builder.yml packs it, run as `innsender` runs it: a child
// `node`. The in-process CLI tests (run-cli.ts) cannot see what only the bundle does, such as a module's
// "am I the main module?" check that started an emulator inside every command and kept the process alive.

let staged: StagedApp;
let cli: string;

beforeAll(async () => {
  staged = await stageBuiltApp({ renderer: false, preload: false });
  cli = join(staged.dir, 'out', 'cli', 'index.js');
}, 120_000);

/**
 * Runs the built CLI in a child process with a fresh data folder; `loaded` lists every file module it imported
 * (recorded by a Node module hook), to see what a command costs.
 */
function runBuilt(argv: string[]): Promise<{ code: number | null; out: string; err: string; loaded: string[] }> {
  const work = mkdtempSync(join(tmpdir(), 'innsender-built-cli-'));
  const loadedFile = join(work, 'loaded.txt');
  const hooks =
    "import { appendFileSync } from 'node:fs';" +
    'export async function load(url, context, next) {' +
    `  if (url.startsWith('file:')) appendFileSync(${JSON.stringify(loadedFile)}, url + '\\n');` +
    '  return next(url, context);' +
    '}';
  const registerHooks =
    "import { register } from 'node:module';" +
    `register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
  const args = ['--import', `data:text/javascript,${encodeURIComponent(registerHooks)}`, cli];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...args, '--data-dir', join(work, 'data'), ...argv],
      // `innsender` runs from any folder: an empty one, so nothing is found relative to the checkout.
      { timeout: 20_000, killSignal: 'SIGKILL', cwd: work },
      (error, out, err) => {
        let loaded: string[] = [];
        try {
          loaded = readFileSync(loadedFile, 'utf8').trim().split('\n');
        } catch {
          loaded = [];
        }
        const code = error ? (error.killed ? null : ((error as { code?: number }).code ?? null)) : 0;
        resolve({ code, out, err, loaded });
      },
    );
  });
}

/** The chunk that holds the app's services (createAppServices): what `--help` must not load. */
function appServicesChunk(): string {
  const chunks = join(staged.dir, 'out', 'chunks');
  const file = readdirSync(chunks).find(
    (f) => f.endsWith('.js') && readFileSync(join(chunks, f), 'utf8').includes('function createAppServices('),
  );
  if (!file) throw new Error('no chunk defines createAppServices');
  return file;
}

describe('the built innsender CLI', () => {
  it('prints its help and exits 0 without loading the app', async () => {
    const run = await runBuilt(['--help']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Usage: innsender \[options\] \[command\]/);
    for (const command of ['profiles', 'sandbox', 'validate', 'submit', 'skattekort', 'frister']) {
      expect(run.out).toContain(command);
    }
    expect(run.loaded.some((url) => url.endsWith(appServicesChunk()))).toBe(false);
  });

  it('prints a command’s help without loading the app, and its version', async () => {
    const help = await runBuilt(['validate', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: innsender validate \[options\] <file\.\.\.>/);
    expect(help.out.replace(/\s+/g, ' ')).toContain('(choices: "sandbox", "test", "production", "custom")');
    expect(help.loaded.some((url) => url.endsWith(appServicesChunk()))).toBe(false);
    const version = await runBuilt(['--version']);
    expect(version).toMatchObject({ code: 0, out: `${JSON.parse(readFileSync('package.json', 'utf8')).version}\n` });
  });

  it('runs a command with the app loaded, and exits when it is done', async () => {
    const run = await runBuilt(['--json', 'profiles']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ ok: true, value: { profiles: [] } });
    expect(run.loaded.some((url) => url.endsWith(appServicesChunk()))).toBe(true);
  });

  it('answers a usage error with exit code 2 and a command error with its code in --json, in English with --lang', async () => {
    expect((await runBuilt(['no-such-command'])).code).toBe(2);
    const bad = await runBuilt(['--json', '--lang', 'en', 'profiles', 'add', '123', 'X AS']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out)).toMatchObject({ ok: false, error: { code: 'PROFILE_ORG_NUMBER_INVALID' } });
  });

  it('checks a report with the XSDs packed in the app (validate)', async () => {
    const fixture = fileURLToPath(new URL('../fixtures/reports/amelding-example-v2_3.xml', import.meta.url));
    const run = await runBuilt(['--json', 'validate', fixture]);
    expect(run.err).not.toMatch(/XSD_VALIDATOR_FAILED|INTERNAL/);
    expect([0, 1]).toContain(run.code);
    const value = JSON.parse(run.out) as { ok: true; value: { kind: string }[] };
    expect(value.value[0]?.kind).toBe('amelding');
    // A plain check with no profile loads none of the app: not its services, the keychain's or the database's addon.
    expect(run.loaded.some((url) => url.endsWith(appServicesChunk()))).toBe(false);
    expect(run.loaded.filter((url) => /\/node_modules\/(keytar|better-sqlite3)\//.test(url))).toEqual([]);

    // libxml2 runs in xmllint-wasm's worker as the bundle starts it (main/reports/xmllint-worker.ts): an XSD error
    // is found, with its line.
    const broken = join(mkdtempSync(join(tmpdir(), 'innsender-built-xsd-')), 'broken.xml');
    const text = readFileSync(fixture, 'utf8').replace(/<stillingsprosent>[^<]*</, '<stillingsprosent>abc<');
    writeFileSync(broken, text);
    const invalid = await runBuilt(['--json', 'validate', broken]);
    expect(invalid.code).toBe(1);
    const findings = (JSON.parse(invalid.out) as { value: { findings: { code: string; line?: number }[] }[] }).value[0]!
      .findings;
    expect(findings).toContainEqual(
      expect.objectContaining({ code: 'XSD_INVALID', line: text.slice(0, text.indexOf('abc')).split('\n').length }),
    );
  });

  it('checks an RF-1086 return with libxml2-wasm from the bundle itself, not from node_modules', async () => {
    const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/reports/${name}`, import.meta.url));
    const broken = join(mkdtempSync(join(tmpdir(), 'innsender-built-rf1086-')), 'underskjema.xml');
    writeFileSync(broken, readFileSync(fixture('rf1086-underskjema-example.xml'), 'utf8').replace(' orid="1153"', ''));
    const run = await runBuilt(['--json', 'validate', fixture('rf1086-hovedskjema-example.xml'), broken]);
    expect(run.err).not.toMatch(/XSD_VALIDATOR_FAILED|INTERNAL/);
    const value = JSON.parse(run.out) as { value: { kind: string; findings: { code: string; line?: number }[] }[] };
    expect(value.value[0]?.kind).toBe('rf1086');
    // The XSD ran: the shareholder form's missing attribute is found, on its line.
    expect(value.value[0]?.findings).toContainEqual(expect.objectContaining({ code: 'XSD_INVALID', line: 11 }));
    // electron-builder packs out/** but not devDependencies: the wasm must come from a chunk of the bundle.
    expect(run.loaded.filter((url) => url.includes('/node_modules/libxml2-wasm/'))).toEqual([]);
    expect(run.loaded.some((url) => url.includes('/out/chunks/'))).toBe(true);
  });
});
