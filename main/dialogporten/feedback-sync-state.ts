import { join } from 'node:path';
import { z } from 'zod';
import { dataStore } from '../store/data-store';
import { FeedbackDialogSchema } from '../../shared/feedback/feedback-dialog';

/**
 * What the sync remembers per profile: the watermark (the newest `updatedAt` seen) and every dialog it has seen
 * with its transmissions, so a dialog seen again is recognised and a transmission is never reported twice.
 * Kept in the data dir's store (`storedSyncStore`); `<data dir>/feedback/<profile id>/sync-state.json` before it,
 * which the store imports once (main/store/legacy-layout.ts reads it with this schema).
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

/**
 * The sync's memory in the data dir's store (`main/store/`): the watermark, and each dialog as a row with its
 * client's org, saved after each page (only the dialogs that changed are written).
 */
export function storedSyncStore(dataDir: string, profileId: string): FeedbackSyncStore {
  const repository = dataStore(dataDir).feedback(profileId);
  return {
    load: async () => ({ version: 1, ...(await repository.load()) }),
    save: ({ watermark, lastSyncAt, dialogs, parties }) =>
      repository.save({ watermark, lastSyncAt, dialogs, ...(parties ? { parties } : {}) }),
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
