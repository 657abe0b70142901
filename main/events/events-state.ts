import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../disk/atomic-write';
import { feedbackFolder, memoryStateStore } from '../dialogporten/feedback-sync-state';

/**
 * What the Events source remembers per profile (`<data dir>/feedback/<profile id>/events-state.json`): the cursor
 * (last event id) per resource and party, when Dialogporten was last searched in full, and the last refusal, so
 * a system user without the `subscribe` right is not asked again on every pass.
 */
export const EventsStateSchema = z.object({
  version: z.literal(1),
  cursors: z.record(z.string(), z.string()),
  lastFullSyncAt: z.string().nullable(),
  refusedAt: z.string().nullable(),
  refusedCode: z.string().nullable(),
});
export type EventsState = z.infer<typeof EventsStateSchema>;

export const emptyEventsState = (): EventsState => ({
  version: 1,
  cursors: {},
  lastFullSyncAt: null,
  refusedAt: null,
  refusedCode: null,
});

export const cursorKey = (resource: string, party: string) => `${resource} ${party}`;

export interface EventsStateStore {
  load(): Promise<EventsState>;
  save(state: EventsState): Promise<void>;
}

export function fileEventsStore(dataDir: string, profileId: string): EventsStateStore {
  const file = join(feedbackFolder(dataDir, profileId), 'events-state.json');
  return {
    async load() {
      const raw = await readFile(file, 'utf8').catch(() => null);
      if (raw === null) return emptyEventsState();
      let json: unknown;
      try {
        json = JSON.parse(raw) as unknown;
      } catch {
        json = undefined;
      }
      // A damaged file costs one full Dialogporten search, nothing more: the cursors start again from "0".
      const parsed = EventsStateSchema.safeParse(json);
      return parsed.success ? parsed.data : emptyEventsState();
    },
    save: (state) => writeFileAtomic(file, JSON.stringify(state)),
  };
}

export function memoryEventsStore(initial: EventsState = emptyEventsState()): EventsStateStore {
  return memoryStateStore(initial);
}
