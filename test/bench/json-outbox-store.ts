import { open, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../main/disk/atomic-write';
import { PayloadSchema, SubmissionSchema, type Submission, type SubmissionPayload } from '../../main/outbox/submission';

/**
 * The outbox's store before the database (main/store/), kept for the benchmarks' "before" figures on the same
 * data: one JSON file per submission (`submissions/<id>.json`), replaced atomically (temp file,
 * fsync, rename, fsync of the folder) on every state change, and the payload written once beside it
 * (`payloads/<id>.json`) before the record exists. main/store/legacy-layout.ts imports this layout.
 */
export class OutboxStore {
  private readonly submissions: string;
  private readonly payloads: string;

  constructor(dir: string) {
    this.submissions = join(dir, 'submissions');
    this.payloads = join(dir, 'payloads');
  }

  async writePayload(id: string, payload: SubmissionPayload): Promise<void> {
    await writeFileAtomic(join(this.payloads, `${id}.json`), JSON.stringify(payload));
    await syncDir(this.payloads);
  }

  async readPayload(id: string): Promise<SubmissionPayload> {
    return PayloadSchema.parse(JSON.parse(await readFile(join(this.payloads, `${id}.json`), 'utf8')));
  }

  /** Returns once the record is on disk: the rename and the folder entry are both synced. */
  async write(submission: Submission): Promise<void> {
    await writeFileAtomic(join(this.submissions, `${submission.id}.json`), JSON.stringify(submission));
    await syncDir(this.submissions);
  }

  /**
   * Every record, plus what could not be read. A record that fails to parse is set aside (renamed `.corrupt`)
   * and reported rather than dropped silently; a payload without a record (a crash between the two writes of
   * an enqueue) is removed, since nothing was ever sent for it.
   */
  async load(): Promise<{ submissions: Submission[]; corrupt: string[] }> {
    const names = await readdir(this.submissions).catch(() => [] as string[]);
    const submissions: Submission[] = [];
    const corrupt: string[] = [];
    for (const name of names.filter((n) => /^[0-9a-f-]{36}\.json$/.test(n))) {
      const path = join(this.submissions, name);
      try {
        submissions.push(SubmissionSchema.parse(JSON.parse(await readFile(path, 'utf8'))));
      } catch {
        corrupt.push(name);
        await writeFileAtomic(`${path}.corrupt`, await readFile(path)).catch(() => undefined);
        await rm(path, { force: true });
      }
    }
    const known = new Set(submissions.map((s) => `${s.id}.json`));
    for (const name of await readdir(this.payloads).catch(() => [] as string[])) {
      if (/^[0-9a-f-]{36}\.json$/.test(name) && !known.has(name)) await rm(join(this.payloads, name), { force: true });
    }
    // Temp files left by a write cut short.
    for (const dir of [this.submissions, this.payloads]) {
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        if (name.endsWith('.tmp')) await rm(join(dir, name), { force: true });
      }
    }
    return { submissions, corrupt };
  }
}

/** A rename is durable only once its folder is synced (POSIX); Windows cannot open a folder and needs no such step. */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
