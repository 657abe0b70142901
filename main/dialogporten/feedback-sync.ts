import type { FeedbackChange, FeedbackDialog } from '../../shared/feedback/feedback-dialog';
import type { DialogportenClient } from './dialogporten-client';
import type { DialogListItem } from './dialogporten-types';
import type { FeedbackSyncState, FeedbackSyncStore } from './feedback-sync-state';
import { toFeedbackDialog, toFeedbackTransmission } from './to-feedback';

/** Reaching back this far behind the watermark catches a dialog committed late with an earlier timestamp. */
export const DEFAULT_OVERLAP_MS = 2 * 60_000;

export interface FeedbackSyncOptions {
  client: Pick<DialogportenClient, 'searchAllPages' | 'listTransmissions'>;
  store: FeedbackSyncStore;
  /** `urn:altinn:organization:identifier-no:<orgnr>` for the profile's org (and any org it reports for). */
  parties: readonly string[];
  /**
   * How many parties one search may name (Dialogporten's `endUserSearch.maxPartyFilterValues`): more parties are
   * searched in batches of this many, ceil(n / limit) searches a pass. Unset: all in one search.
   */
  maxPartiesPerSearch?: number;
  /** `urn:altinn:resource:<id>` of the services in use; empty = every resource the system user may see. */
  serviceResources: readonly string[];
  overlapMs?: number;
  pageSize?: number;
  now?: () => Date;
}

export interface FeedbackSyncResult {
  /** Dialogs whose transmissions grew, one entry per dialog, in the order they were found. */
  changes: FeedbackChange[];
  /** The first sync of a profile: everything is new, which is not worth a notification per dialog. */
  initial: boolean;
  watermark: string | null;
}

/**
 * One incremental pass over Dialogporten (dialogporten-events.md §4.7, option A): search with
 * `updatedAfter = watermark − overlap` and `orderBy=updatedAt_asc`, page by page; a dialog already seen with the
 * same `updatedAt` is folded without another request, so an idle pass is exactly one search. For a changed dialog
 * the transmissions are listed (which does not mark it as seen) and only unknown transmission ids are reported.
 * The watermark and what was seen are saved after every page, so a failure half-way loses nothing and repeats
 * nothing; `onChanges` hears each page's changes as soon as they are saved.
 */
export async function syncFeedback(
  options: FeedbackSyncOptions,
  onChanges?: (changes: FeedbackChange[], context: { initial: boolean }) => void,
): Promise<FeedbackSyncResult> {
  if (options.parties.length === 0) throw new Error('syncFeedback needs at least one party');
  const now = options.now ?? (() => new Date());
  const state = await options.store.load();
  const initial = state.watermark === null && state.lastSyncAt === null;
  const overlap = options.overlapMs ?? DEFAULT_OVERLAP_MS;
  const from = state.watermark ? new Date(Date.parse(state.watermark) - overlap).toISOString() : undefined;
  const changes = new Map<string, FeedbackChange>();

  // One watermark covers every batch: with several, it moves only once all were searched, so a pass that fails
  // half-way searches the later batches again from where they were (dialogs already seen cost no request).
  // Parties the watermark does not cover yet (a firm's client added since) are searched from the start: what is older
  // than the watermark is their history (listed, not announced), what is newer came since and is news.
  const covered = state.parties ? new Set(state.parties) : null;
  const coveredUntil = state.watermark ?? state.lastSyncAt;
  const added = initial || !covered ? [] : options.parties.filter((p) => !covered.has(p));
  const searches = [
    ...partyBatches(
      options.parties.filter((p) => !added.includes(p)),
      options.maxPartiesPerSearch,
    ).map((parties) => ({ parties, from, history: initial })),
    ...partyBatches(added, options.maxPartiesPerSearch).map((parties) => ({ parties, from: undefined, history: true })),
  ];
  let reached = state.watermark;
  for (const search of searches) {
    const pages = options.client.searchAllPages({
      party: [...search.parties],
      ...(options.serviceResources.length ? { serviceResource: [...options.serviceResources] } : {}),
      ...(search.from ? { updatedAfter: search.from } : {}),
      orderBy: 'updatedAt_asc',
      limit: options.pageSize ?? 100,
    });
    for await (const page of pages) {
      const pageChanges = await refreshPage(options, state, page.items ?? [], changes);
      reached = newest(
        reached,
        (page.items ?? []).map((i) => i.updatedAt),
      );
      if (searches.length === 1) state.watermark = reached;
      await options.store.save(state);
      if (search.history && !initial && coveredUntil) {
        const before = Date.parse(coveredUntil);
        const history = pageChanges.filter((c) => Date.parse(c.dialog.updatedAt) <= before);
        const news = pageChanges.filter((c) => Date.parse(c.dialog.updatedAt) > before);
        if (history.length > 0) onChanges?.(history, { initial: true });
        if (news.length > 0) onChanges?.(news, { initial: false });
      } else if (pageChanges.length > 0) onChanges?.(pageChanges, { initial: search.history });
    }
  }
  state.watermark = reached;
  state.parties = [...options.parties];
  state.lastSyncAt = now().toISOString();
  await options.store.save(state);
  return { changes: [...changes.values()], initial, watermark: state.watermark };
}

/** The parties in searches of at most `max` each (Dialogporten refuses more with 400). */
export function partyBatches(parties: readonly string[], max?: number): string[][] {
  const size = max && max > 0 ? max : parties.length;
  const batches: string[][] = [];
  for (let i = 0; i < parties.length; i += size) batches.push(parties.slice(i, i + size));
  return batches;
}

/** A dialog from a search, folded into what was seen: its new transmissions as a change, or null when nothing is new. */
async function refreshDialog(
  options: Pick<FeedbackSyncOptions, 'client'>,
  state: FeedbackSyncState,
  item: DialogListItem,
): Promise<FeedbackChange | null> {
  if (!item.id || !item.updatedAt) return null;
  const known = state.dialogs[item.id];
  // The overlap brings back dialogs already handled: same id and same updatedAt means nothing changed.
  if (known && sameInstant(known.updatedAt, item.updatedAt)) return null;
  const listed = (await options.client.listTransmissions(item.id)).map(toFeedbackTransmission);
  const knownIds = new Set(known?.transmissions.map((t) => t.id) ?? []);
  const newTransmissions = listed.filter((t) => t.id && !knownIds.has(t.id));
  // Keep transmissions seen before even if a list no longer shows them: what was shown stays explainable.
  const kept = known?.transmissions.filter((t) => !listed.some((l) => l.id === t.id)) ?? [];
  const dialog: FeedbackDialog = toFeedbackDialog(item, [...kept, ...listed]);
  state.dialogs[item.id] = dialog;
  if (known && newTransmissions.length === 0) return null;
  return {
    dialog,
    isNewDialog: !known,
    newTransmissions,
    newFeedback: newTransmissions.filter((t) => t.sender === 'ServiceOwner'),
  };
}

/**
 * Refreshes each dialog of a search page and adds its change to `changes` (one entry per dialog for the whole
 * pass); returns this page's changes. The Events source (`main/events/`) refreshes the dialogs its events name
 * through the same path.
 */
export async function refreshPage(
  options: Pick<FeedbackSyncOptions, 'client'>,
  state: FeedbackSyncState,
  items: readonly DialogListItem[],
  changes: Map<string, FeedbackChange>,
): Promise<FeedbackChange[]> {
  const pageChanges: FeedbackChange[] = [];
  for (const item of items) {
    const change = await refreshDialog(options, state, item);
    if (!change) continue;
    pageChanges.push(change);
    const earlier = changes.get(change.dialog.id);
    changes.set(change.dialog.id, earlier ? merge(earlier, change) : change);
  }
  return pageChanges;
}

/** Two changes of one dialog found in the same pass, as one. */
function merge(a: FeedbackChange, b: FeedbackChange): FeedbackChange {
  return {
    dialog: b.dialog,
    isNewDialog: a.isNewDialog || b.isNewDialog,
    newTransmissions: [...a.newTransmissions, ...b.newTransmissions],
    newFeedback: [...a.newFeedback, ...b.newFeedback],
  };
}

/** As the server wrote them: Date.parse would drop the microseconds Dialogporten's timestamps carry. */
function sameInstant(a: string, b: string): boolean {
  return a === b;
}

function newest(current: string | null, candidates: (string | undefined)[]): string | null {
  let best = current;
  for (const c of candidates) if (c && (!best || Date.parse(c) > Date.parse(best))) best = c;
  return best;
}
