import { dataStore } from '../store/data-store';
import type { FeedbackStateRepository } from '../store/store';

/**
 * Which feedback transmissions arrived since the user last looked: the badge on "Tilbakemeldinger". Innsender's
 * own mark, kept per profile in the data dir's store (`feedback_unread`, so unread feedback counts per client in
 * the firm's overview); opening a dialog in Dialogporten's sense (GET dialog, which writes its seen log) is never
 * how Innsender reads it.
 */
export class FeedbackReadState {
  private unread = new Set<string>();
  private readonly repository: FeedbackStateRepository;
  private loaded: Promise<void> | null = null;
  /** Writes one after the other, so a quick mark-read after an arrival never lands before it. */
  private writing: Promise<void> = Promise.resolve();

  constructor(dataDir: string, profileId: string) {
    this.repository = dataStore(dataDir).feedback(profileId);
  }

  load(): Promise<void> {
    this.loaded ??= this.repository.unread().then((ids) => {
      this.unread = new Set(ids);
    });
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
    const added = transmissionIds.filter((id) => !this.unread.has(id));
    for (const id of added) this.unread.add(id);
    if (added.length > 0) await this.write(() => this.repository.addUnread(added));
    return this.count();
  }

  async markRead(transmissionIds: readonly string[]): Promise<number> {
    await this.load();
    const removed = transmissionIds.filter((id) => this.unread.delete(id));
    if (removed.length > 0) await this.write(() => this.repository.markRead(removed));
    return this.count();
  }

  private write(change: () => Promise<void>): Promise<void> {
    this.writing = this.writing.then(change);
    return this.writing;
  }
}
