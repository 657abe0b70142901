import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../disk/atomic-write';
import { feedbackFolder } from './feedback-sync-state';

const ReadStateSchema = z.object({ version: z.literal(1), unread: z.array(z.string()) });

/**
 * Which feedback transmissions arrived since the user last looked: the badge on "Tilbakemeldinger". Innsender's
 * own mark, kept per profile in `<data dir>/feedback/<profile id>/read-state.json`; opening a dialog in
 * Dialogporten's sense (GET dialog, which writes its seen log) is never how Innsender reads it.
 */
export class FeedbackReadState {
  private unread = new Set<string>();
  private readonly file: string;
  private loaded: Promise<void> | null = null;
  /** Writes one after the other, so a quick mark-read after an arrival never lands before it. */
  private writing: Promise<void> = Promise.resolve();

  constructor(dataDir: string, profileId: string) {
    this.file = join(feedbackFolder(dataDir, profileId), 'read-state.json');
  }

  load(): Promise<void> {
    this.loaded ??= readFile(this.file, 'utf8')
      .then((raw) => {
        const parsed = ReadStateSchema.safeParse(JSON.parse(raw));
        if (parsed.success) this.unread = new Set(parsed.data.unread);
      })
      // No file yet (or an unreadable one): nothing is unread, which is the harmless way to be wrong.
      .catch(() => undefined);
    return this.loaded;
  }

  count(): number {
    return this.unread.size;
  }

  isUnread(transmissionId: string): boolean {
    return this.unread.has(transmissionId);
  }

  async addUnread(transmissionIds: readonly string[]): Promise<number> {
    await this.load();
    for (const id of transmissionIds) this.unread.add(id);
    await this.save();
    return this.count();
  }

  async markRead(transmissionIds: readonly string[]): Promise<number> {
    await this.load();
    let changed = false;
    for (const id of transmissionIds) changed = this.unread.delete(id) || changed;
    if (changed) await this.save();
    return this.count();
  }

  private save(): Promise<void> {
    const snapshot = JSON.stringify({ version: 1, unread: [...this.unread] });
    this.writing = this.writing.then(() => writeFileAtomic(this.file, snapshot));
    return this.writing;
  }
}
