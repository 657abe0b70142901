import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../disk/atomic-write';
import { FeedbackDialogSchema } from '../../shared/feedback/feedback-dialog';

/**
 * What the sync remembers per profile: the watermark (the newest `updatedAt` seen) and every dialog it has seen
 * with its transmissions, so a dialog seen again is recognised and a transmission is never reported twice.
 * `<data dir>/feedback/<profile id>/sync-state.json`, written atomically after each page.
 */
export const FeedbackSyncStateSchema = z.object({
  version: z.literal(1),
  watermark: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  dialogs: z.record(z.string(), FeedbackDialogSchema),
  /**
   * The parties the watermark covers: one added since (a firm's new client) is searched from the start once, its
   * history listed, not announced. Absent in older files: every party counts as covered, as it was.
   */
  parties: z.array(z.string()).optional(),
});
export type FeedbackSyncState = z.infer<typeof FeedbackSyncStateSchema>;

export const emptySyncState = (): FeedbackSyncState => ({ version: 1, watermark: null, lastSyncAt: null, dialogs: {} });

export interface FeedbackSyncStore {
  load(): Promise<FeedbackSyncState>;
  save(state: FeedbackSyncState): Promise<void>;
}

export function feedbackFolder(dataDir: string, profileId: string): string {
  return join(dataDir, 'feedback', profileId);
}

export function fileSyncStore(dataDir: string, profileId: string): FeedbackSyncStore {
  const file = join(feedbackFolder(dataDir, profileId), 'sync-state.json');
  return {
    async load() {
      let raw: string;
      try {
        raw = await readFile(file, 'utf8');
      } catch {
        return emptySyncState();
      }
      const parsed = FeedbackSyncStateSchema.safeParse(safeJson(raw));
      if (parsed.success) return parsed.data;
      // A damaged file is kept aside and the sync starts over: Dialogporten still has everything, and the
      // transmissions already shown are found again (shown as new once more, which beats showing nothing).
      await rename(file, `${file}.corrupt-${Date.now()}`).catch(() => undefined);
      return emptySyncState();
    },
    save: (state) => writeFileAtomic(file, JSON.stringify(state)),
  };
}

export function memorySyncStore(initial: FeedbackSyncState = emptySyncState()): FeedbackSyncStore {
  return memoryStateStore(initial);
}

/** A state kept in memory as the file stores keep it: each load and save is a copy (tests, the CLI's dry runs). */
export function memoryStateStore<T>(initial: T): { load(): Promise<T>; save(next: T): Promise<void> } {
  let state = structuredClone(initial);
  return {
    load: async () => structuredClone(state),
    save: async (next) => {
      state = structuredClone(next);
    },
  };
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}
