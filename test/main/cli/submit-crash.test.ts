import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxPaths } from '../../../main/outbox/outbox-workers';
import { journalFileOf } from '../../../main/sandbox/state';
import { journalCodec } from '../../../main/sandbox/state-journal';
import type { SkatteetatenSlice } from '../../../main/sandbox/skatteetaten/skatteetaten-state';
import type { TredjepartSlice } from '../../../main/sandbox/skatteetaten/tredjepart-state';
import type { Submission } from '../../../shared/outbox/submission';
import {
  removeSandboxProfileFolder,
  sandboxProfileFolder,
  type SandboxProfileFolder,
} from '../support/sandbox-profile';
import { fixtureText } from '../support/report-fixtures';
import { RF1086_ORG } from '../support/skatteetaten-sandbox';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const KILL_RUNS = 3;
const PLAIN_RERUNS = 2;

/**
 * `innsender` in a process of its own (its sandbox emulator inside it, as for a user on the sandbox), SIGKILLed a
 * random 0–250 ms after its first write to the audit log (queued, or the attempt that marks it sending): the
 * submission may be queued, on the wire, registered by the emulator, or received, and the process is gone.
 */
function runCli(dataDir: string, auditFile: string, args: string[], kill: boolean) {
  return new Promise<{ code: number | null; killed: boolean; out: string; err: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', '--data-dir', dataDir, ...args], {
      cwd: ROOT,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let exited = false;
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      exited = true;
      resolve({ code, killed: signal === 'SIGKILL', out, err });
    });
    if (!kill) return;
    void (async () => {
      const before = await auditLines(auditFile);
      while (!exited && (await auditLines(auditFile)) <= before) await new Promise((r) => setTimeout(r, 2));
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 250)));
      if (!exited) child.kill('SIGKILL');
    })();
  });
}

const auditLines = (file: string) =>
  readFile(file, 'utf8').then(
    (t) => t.split('\n').filter(Boolean).length,
    () => 0,
  );

describe('kill -9 during a submission, then rerun: Skatteetaten gets the report once, and the rerun shows its receipt', () => {
  let folder: SandboxProfileFolder;
  let files: { outbox: string; audit: string };
  const args = (...rest: string[]) => ['--lang', 'en', ...rest];

  beforeAll(async () => {
    folder = await sandboxProfileFolder({
      name: 'cli-crash',
      orgNumber: RF1086_ORG,
      displayName: 'Fjellstue AS',
      services: ['tredjepart-boligselskap', 'aksjonaerregisteroppgave'],
    });
    files = outboxPaths(folder.dataDir, folder.profileId);
  });
  afterAll(async () => {
    await removeSandboxProfileFolder(folder);
  });

  /** Each kill-and-rerun and plain rerun, as a new user would type them; the outcome of each, for the log. */
  async function killAndRerun(command: string[]) {
    const runs: string[] = [];
    for (let i = 0; i < KILL_RUNS; i++) {
      const run = await runCli(folder.dataDir, files.audit, args(...command), true);
      // Where it was: the last audit entry it wrote (queued, attempt/resumed = sending, received).
      const last = (await readFile(files.audit, 'utf8')).trim().split('\n').at(-1) ?? '{}';
      const event = (JSON.parse(last) as { event?: string }).event;
      runs.push(run.killed ? `killed after '${event}'` : `exit ${run.code}`);
    }
    const reruns = [];
    for (let i = 0; i < PLAIN_RERUNS; i++)
      reruns.push(await runCli(folder.dataDir, files.audit, args(...command), false));
    console.log(`${command.slice(0, 2).join(' ')}: ${runs.join(', ')}, then ${PLAIN_RERUNS} plain reruns`);
    return reruns;
  }

  async function emulatorState() {
    // The emulator's own reading of its files: the snapshot, then the journal of changes since.
    const file = join(folder.dataDir, 'sandbox', 'state.json');
    const read = (path: string) => readFile(path, 'utf8').catch(() => null);
    const loaded = journalCodec().load(await read(file), await read(journalFileOf(file)));
    return loaded.slices as { skatteetaten?: SkatteetatenSlice; tredjepart?: TredjepartSlice };
  }

  /**
   * The outbox holds one submission for the report, received; every rerun exited 0, and the last one (finding it
   * received) says so first, with the receipt, then prints the submission.
   */
  async function theOneSubmission(
    service: Submission['target']['service'],
    reruns: { code: number | null; out: string }[],
  ): Promise<Submission | undefined> {
    const listed = await runCli(folder.dataDir, files.audit, ['--json', 'outbox', 'list'], false);
    const { submissions } = (JSON.parse(listed.out) as { value: { submissions: Submission[] } }).value;
    const [submission, ...more] = submissions.filter((s) => s.target.service === service);
    expect(more).toEqual([]);
    expect(reruns.map((r) => r.code)).toEqual(reruns.map(() => 0));
    const receipt = submission?.state.kind === 'received' ? submission.state.receipt.forsendelseId : undefined;
    expect(receipt).toBeDefined();
    const last = reruns.at(-1)?.out ?? '';
    expect(last).toMatch(new RegExp(`^Already sent on \\d{1,2} [A-Z][a-z]+ \\d{4}, receipt ${receipt} `));
    expect(last).toContain(`${submission?.id}  received `);
    return submission;
  }

  /** The emulator registered the report once, under the receipt the outbox holds. */
  function expectOneDelivery(delivered: { forsendelseId: string }[], submission: Submission | undefined) {
    expect(delivered).toHaveLength(1);
    const receipt = submission?.state.kind === 'received' ? submission.state.receipt.forsendelseId : undefined;
    expect(delivered[0]?.forsendelseId).toBe(receipt);
  }

  it(
    'a tredjepart melding (boligselskap): one delivery at the emulator after 3 kills and 2 reruns',
    { timeout: 240_000 },
    async () => {
      const file = join(folder.dataDir, 'boligselskap.json');
      await writeFile(file, fixtureText('../tredjepart/boligselskap.json').replace('974761076', RF1086_ORG));

      const reruns = await killAndRerun(['tredjepart', 'submit', 'boligselskap', file]);
      const submission = await theOneSubmission('tredjepart', reruns);

      const { tredjepart } = await emulatorState();
      const delivered = tredjepart?.submissions.filter((s) => s.reference === 'Borettslag-2025-1') ?? [];
      expectOneDelivery(delivered, submission);

      // And the check says so, instead of "ready to submit".
      const validated = await runCli(
        folder.dataDir,
        files.audit,
        args('tredjepart', 'validate', 'boligselskap', file),
        false,
      );
      expect(validated.code).toBe(0);
      expect(validated.out).toMatch(/^Already sent on \d{1,2} [A-Z][a-z]+ \d{4}, receipt /m);
      expect(validated.out).not.toContain('Ready to submit.');
    },
  );

  it(
    'an RF-1086 return (main form and shareholder form): one return at the emulator after 3 kills and 2 reruns',
    { timeout: 240_000 },
    async () => {
      const hoved = join(folder.dataDir, 'hovedskjema.xml');
      const under = join(folder.dataDir, 'underskjema.xml');
      await writeFile(hoved, fixtureText('rf1086-hovedskjema-example.xml'));
      await writeFile(under, fixtureText('rf1086-underskjema-example.xml'));

      const reruns = await killAndRerun(['submit', hoved, under]);
      const submission = await theOneSubmission('aksjonaerregisteroppgave', reruns);

      const { skatteetaten } = await emulatorState();
      const returns = skatteetaten?.submissions.filter((s) => s.service === 'aksjonaerregisteroppgave') ?? [];
      expectOneDelivery(returns, submission);
      expect(Object.values(skatteetaten?.hovedskjema ?? {}).filter((h) => h.org === RF1086_ORG)).toHaveLength(1);

      const validated = await runCli(folder.dataDir, files.audit, args('validate', hoved, under), false);
      expect(validated.code).toBe(0);
      expect(validated.out).toMatch(/^Already sent on \d{1,2} [A-Z][a-z]+ \d{4}, receipt /m);
    },
  );
});
