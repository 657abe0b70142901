import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AnswerRecordSchema, type AnswerRecord } from '../../shared/skattekort/skattekort-views';
import { writeFileAtomic } from '../disk/atomic-write';

/**
 * The answers to one profile's skattekort orders, one file per order (`answers/<submission id>.json`) beside the
 * body exactly as Skatteetaten sent it (`raw/<submission id>.json`), so a better reading later needs no new call.
 * Files are written atomically and readable only by the user: they hold the employees' numbers.
 */
export class AnswerStore {
  constructor(private readonly dir: string) {}

  private file(submissionId: string, kind: 'answers' | 'raw'): string {
    if (!/^[0-9a-f-]{36}$/.test(submissionId)) throw new Error(`Invalid submission id ${submissionId}`);
    return join(this.dir, kind, `${submissionId}.json`);
  }

  async save(record: AnswerRecord, raw: string): Promise<void> {
    await writeFileAtomic(this.file(record.submissionId, 'raw'), raw);
    await writeFileAtomic(this.file(record.submissionId, 'answers'), JSON.stringify(record, null, 2));
  }

  async get(submissionId: string): Promise<AnswerRecord | undefined> {
    let text: string;
    try {
      text = await readFile(this.file(submissionId, 'answers'), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const parsed = AnswerRecordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  }

  /** The submission ids that have an answer. */
  async answered(): Promise<Set<string>> {
    const names = await readdir(join(this.dir, 'answers')).catch(() => [] as string[]);
    return new Set(names.filter((n) => /^[0-9a-f-]{36}\.json$/.test(n)).map((n) => n.slice(0, -5)));
  }
}
