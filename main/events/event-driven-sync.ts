import type { FeedbackChange } from '../../shared/feedback/feedback-dialog';
import { DEFAULT_OVERLAP_MS, refreshPage, type FeedbackSyncOptions } from '../dialogporten/feedback-sync';
import { FEEDBACK_EVENT_TYPES, type DialogCloudEvent } from './dialog-cloud-event';
import type { EventsClient } from './events-client';
import { cursorKey, type EventsStateStore } from './events-state';

/** One pull asks for this many; a full page means there may be more, so the same cursor is pulled again. */
const PAGE_SIZE = 100;
/** A backlog larger than this is left for the next pass (or the periodic full search). */
const MAX_PAGES_PER_PASS = 20;

export interface EventDrivenSyncOptions extends FeedbackSyncOptions {
  events: Pick<EventsClient, 'pull'>;
  eventsStore: EventsStateStore;
}

export interface EventDrivenSyncResult {
  changes: FeedbackChange[];
  /** How many events named a dialog; 0 means Dialogporten was not asked at all. */
  events: number;
}

/**
 * One pass driven by Altinn Events (dialogporten-events.md §4.6, §4.7 option B): pull the new events of each
 * resource for each party, then search Dialogporten only for the parties and resources they name, from just
 * before the oldest event, and refresh those dialogs as the full sync does (new transmissions only, no seen-log
 * write). An idle pass is one Events request per resource and party and no Dialogporten request.
 *
 * The watermark is left alone: silent updates never reach Events (§4.2), so the regular full search still starts
 * from it. The cursors are saved only after the dialogs are refreshed, so a failure half-way pulls the same events
 * again, and the refresh reports nothing twice. Any EventsError is the caller's cue to search in full instead.
 */
export async function syncFromEvents(
  options: EventDrivenSyncOptions,
  onChanges?: (changes: FeedbackChange[], context: { initial: boolean }) => void,
): Promise<EventDrivenSyncResult> {
  const eventsState = await options.eventsStore.load();
  const resources = options.serviceResources;
  const overlap = options.overlapMs ?? DEFAULT_OVERLAP_MS;
  // What happened before the last full search (the history a first pull from "0" brings) is known already.
  const since = eventsState.lastFullSyncAt ? Date.parse(eventsState.lastFullSyncAt) - overlap : -Infinity;
  const named: DialogCloudEvent[] = [];
  for (const resource of resources) {
    for (const party of options.parties) {
      const key = cursorKey(resource, party);
      let after = eventsState.cursors[key] ?? '0';
      for (let page = 0; page < MAX_PAGES_PER_PASS; page += 1) {
        const pulled = await options.events.pull({
          resource,
          subject: party,
          after,
          types: FEEDBACK_EVENT_TYPES,
          size: PAGE_SIZE,
        });
        named.push(...pulled.events.filter((e) => e.resourceinstance && e.time && Date.parse(e.time) >= since));
        after = pulled.after;
        if (pulled.events.length < PAGE_SIZE) break;
      }
      eventsState.cursors[key] = after;
    }
  }

  const changes = new Map<string, FeedbackChange>();
  const parties = unique(named.flatMap((e) => (e.subject && options.parties.includes(e.subject) ? [e.subject] : [])));
  const changed = unique(named.flatMap((e) => (e.resource && resources.includes(e.resource) ? [e.resource] : [])));
  if (parties.length > 0 && changed.length > 0) {
    const state = await options.store.load();
    const oldest = Math.min(...named.map((e) => Date.parse(e.time as string)));
    const pages = options.client.searchAllPages({
      party: parties,
      serviceResource: changed,
      updatedAfter: new Date(oldest - overlap).toISOString(),
      orderBy: 'updatedAt_asc',
      limit: options.pageSize ?? 100,
    });
    for await (const page of pages) {
      const pageChanges = await refreshPage(options, state, page.items ?? [], changes);
      await options.store.save(state);
      if (pageChanges.length > 0) onChanges?.(pageChanges, { initial: false });
    }
  }
  // Saved only now: the dialogs the events named have been refreshed and kept.
  await options.eventsStore.save({ ...(await options.eventsStore.load()), cursors: eventsState.cursors });
  return { changes: [...changes.values()], events: named.length };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
