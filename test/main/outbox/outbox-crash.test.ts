import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createKeytarKeyStore } from '../../../main/keys/keytar-key-store';
import { keychainAuditKeyring } from '../../../main/outbox/audit-key';
import { AuditLog } from '../../../main/outbox/audit-log';
import { STANDALONE_PROFILE } from '../../../main/outbox/outbox';
import { dataStore } from '../../../main/store/data-store';
import {
  AMELDING_ORG,
  skatteetatenState,
  startSkatteetatenSandbox,
  type SkatteetatenSandbox,
} from '../support/skatteetaten-sandbox';

const COUNT = 100;
const KILLS = 20;
const CHILD = join(import.meta.dirname, 'crash-child.ts');

/** Runs the child until it prints `done`, or SIGKILLs it after `killAfter` state changes. */
function runChild(
  env: Record<string, string>,
  killAfter: number | undefined,
): Promise<{ done: boolean; changes: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      cwd: join(import.meta.dirname, '..', '..', '..'),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let changes = 0;
    let done = false;
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        if (line === 'done') done = true;
        else changes += 1;
      }
      if (killAfter !== undefined && changes >= killAfter && !done) child.kill('SIGKILL');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child exited ${code}: ${stderr}`));
      else resolve({ done, changes });
    });
  });
}

describe('the outbox survives SIGKILL at any point', () => {
  // The audit key lives in the real keychain (run under scripts/with-keyring.sh), under a service of this run's own.
  const keychainService = `no.innsender.test.${randomUUID()}`;
  const keyStore = createKeytarKeyStore({ service: keychainService });
  let sandbox: SkatteetatenSandbox;
  let dir: string;
  beforeAll(async () => {
    sandbox = await startSkatteetatenSandbox([AMELDING_ORG]);
    dir = await mkdtemp(join(tmpdir(), 'outbox-crash-'));
  });
  afterAll(async () => {
    await sandbox.host.stop();
    await rm(dir, { recursive: true, force: true });
    for (const account of await keyStore.list()) await keyStore.delete(account);
  });

  it(
    `sends a batch of ${COUNT} with ${KILLS} kills: 0 lost, 0 duplicated, and the audit log verifies`,
    { timeout: 90_000 },
    async () => {
      const keyFile = join(dir, 'key.json');
      await writeFile(keyFile, JSON.stringify(sandbox.key));
      const outboxDir = join(dir, 'outbox');
      const env = {
        CRASH_BASE_URL: sandbox.host.baseUrl,
        CRASH_CLIENT_ID: sandbox.clientId,
        CRASH_KEY_FILE: keyFile,
        CRASH_DIR: outboxDir,
        CRASH_ORG: AMELDING_ORG,
        CRASH_COUNT: String(COUNT),
        CRASH_KEYCHAIN_SERVICE: keychainService,
      };
      const started = Date.now();
      // Kill points spread over the run: 3 state changes per submission (queued, sending, received).
      const killPoints = Array.from({ length: KILLS }, () => 1 + Math.floor(Math.random() * 60));
      const runs: string[] = [];
      for (const killAfter of killPoints) {
        const { done, changes } = await runChild(env, killAfter);
        runs.push(`${done ? 'finished' : 'killed'} after ${changes}`);
        if (done) break;
      }
      const final = await runChild(env, undefined);
      expect(final.done).toBe(true);

      // Read back from the database the killed children wrote (the outbox made with no store keeps one in its dir).
      const { submissions: records, corrupt } = await dataStore(outboxDir).submissions(STANDALONE_PROFILE).load();
      expect(corrupt).toEqual([]);
      const { skatteetaten } = await skatteetatenState(sandbox.host);
      const received = records.filter((r) => r.state.kind === 'received');
      const labels = new Set(received.map((r) => r.label));
      console.log(
        `crash test: ${runs.length} runs killed (${runs.join(', ')}), then one to the end; ${records.length} records, ` +
          `${received.length} received, ${skatteetaten.submissions.length} registered by the emulator, ${Date.now() - started} ms`,
      );
      // 0 lost: every one of the batch is received, once.
      expect(labels.size).toBe(COUNT);
      expect(received).toHaveLength(COUNT);
      // 0 duplicated: the emulator registered each report once, under the key the outbox wrote before sending.
      expect(skatteetaten.submissions).toHaveLength(COUNT);
      for (const r of received) {
        expect(skatteetaten.receiptsByIdempotencyKey[r.idempotencyKey]).toBe(1);
        expect(skatteetaten.receiptsByMeldingsId[`${AMELDING_ORG}/${r.label}`]).toBe(1);
        const registered = skatteetaten.submissions.find((s) => s.idempotencyKey === r.idempotencyKey);
        expect(r.state.kind === 'received' && r.state.receipt.forsendelseId).toBe(registered?.forsendelseId);
      }
      expect(Object.values(skatteetaten.receiptsByIdempotencyKey).every((n) => n === 1)).toBe(true);

      const keyring = keychainAuditKeyring(keyStore, 'crash');
      const audit = new AuditLog(join(outboxDir, 'audit.jsonl'), undefined, keyring);
      // Every record has its entries (the log is checked against the outbox), and the whole log is anchored.
      expect(await audit.verify(records)).toMatchObject({ ok: true, anchored: true });
      const entries = await audit.entries();
      console.log(
        `  ${entries.filter((e) => e.event === 'resumed').length} submissions found in 'sending' after a kill and asked again ` +
          `with their key; ${entries.filter((e) => e.event === 'log-recovered').length} torn audit lines recovered`,
      );
      for (const r of received) {
        expect(entries.some((e) => e.event === 'received' && e.submissionId === r.id && e.ids?.forsendelseId)).toBe(
          true,
        );
      }
      // And a changed entry is detected, at its line.
      const lines = (await readFile(audit.file, 'utf8')).split('\n');
      const target = lines.findIndex((l) => l.includes('"event":"received"'));
      lines[target] = (lines[target] as string).replace(
        /"forsendelseId":"[^"]+"/,
        '"forsendelseId":"00000000-0000-0000-0000-000000000000"',
      );
      await writeFile(audit.file, lines.join('\n'));
      expect(await new AuditLog(audit.file, undefined, keyring).verify()).toMatchObject({
        ok: false,
        findings: [{ line: target + 1, code: 'AUDIT_HASH' }],
      });
    },
  );
});
