import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../disk/atomic-write';
import { WARN_DAYS_DEFAULT, WARN_DAYS_MAX } from '../../shared/deadlines/deadline-views';

/**
 * One profile's deadline settings and notification log (`<data>/profiles/<id>/deadlines.json`): how many days
 * ahead to warn, and the last day each deadline was announced, so a warning comes once a day and survives restarts.
 */
export const DeadlineSettingsSchema = z.object({
  schemaVersion: z.literal(1),
  warnDays: z.number().int().min(0).max(WARN_DAYS_MAX).default(WARN_DAYS_DEFAULT),
  /** Deadline id → the Norwegian date it was last announced. */
  notified: z.record(z.string(), z.string()).default({}),
});
export type DeadlineSettings = z.infer<typeof DeadlineSettingsSchema>;

export class DeadlineSettingsFile {
  readonly path: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(profileDir: string) {
    this.path = join(profileDir, 'deadlines.json');
  }

  async read(): Promise<DeadlineSettings> {
    try {
      return DeadlineSettingsSchema.parse(JSON.parse(await readFile(this.path, 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return { schemaVersion: 1, warnDays: WARN_DAYS_DEFAULT, notified: {} };
      }
      throw error;
    }
  }

  /** Read, change, write under one lock: the warning timer and the page's setting never overwrite each other. */
  update(change: (settings: DeadlineSettings) => DeadlineSettings): Promise<DeadlineSettings> {
    const run = async () => {
      const next = DeadlineSettingsSchema.parse(change(await this.read()));
      await writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`);
      return next;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
