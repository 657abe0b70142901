import { randomUUID } from 'node:crypto';
import type { components } from '../../dialogporten/generated/dialogporten';
import type { EmulatorState } from '../state';
import { publishDialogEvent, type DialogEventType } from '../altinn-events/event-log';
import type { ContentValue, DialogStatus } from '../../dialogporten/dialogporten-types';

/**
 * The sandbox Dialogporten's memory: the one owner of the `dialogporten` state slice. Skatteetaten's emulator
 * writes dialogs and transmissions through it (skatteetaten-apis.md §5: a dialog per party, a transmission for the
 * submission now and one for the feedback a moment later); the end-user routes read through it. Everything kept
 * is in the published OpenAPI's own shapes, so what the routes serve is what is stored, field for field.
 */
type Schemas = components['schemas'];
export type Localization = Schemas['V1CommonLocalizations_Localization'];
export type { ContentValue, DialogStatus } from '../../dialogporten/dialogporten-types';
export type TransmissionType = Schemas['DialogsEntitiesTransmissions_DialogTransmissionType'];
export type Actor = Schemas['V1EndUserCommonActors_Actor'];
export type StoredAttachment = Schemas['V1EndUserDialogsQueriesGet_DialogAttachment'];
export type StoredSeenLog = Schemas['V1EndUserDialogsQueriesGet_DialogSeenLog'];

export type StoredTransmission = Omit<Schemas['V1EndUserDialogsQueriesGet_DialogTransmission'], 'attachments'> & {
  id: string;
  createdAt: string;
  type: TransmissionType;
  sender: Actor;
  attachments: StoredAttachment[];
};

/** The details model (GET /dialogs/{id}), with the fields the store itself relies on made required. */
export type StoredDialog = Omit<
  Schemas['V1EndUserDialogsQueriesGet_Dialog'],
  'transmissions' | 'seenSinceLastUpdate'
> & {
  id: string;
  revision: string;
  party: string;
  serviceResource: string;
  createdAt: string;
  updatedAt: string;
  status: DialogStatus;
  transmissions: StoredTransmission[];
  seenSinceLastUpdate: StoredSeenLog[];
};

/** A transmission the service owner will add at `dueAt` (Skatteetaten's feedback), with the status it sets then. */
export interface PendingTransmission {
  dialogIds: string[];
  dueAt: string;
  transmission: StoredTransmission;
  status: DialogStatus;
  extendedStatus: string | null;
}

export interface DialogportenSlice {
  dialogs: StoredDialog[];
  pending: PendingTransmission[];
}

export const SLICE = 'dialogporten';

export function dialogportenSlice(state: EmulatorState): DialogportenSlice {
  return state.slice<DialogportenSlice>(SLICE, () => ({ dialogs: [], pending: [] }));
}

export const nb = (value: string): ContentValue => ({
  mediaType: 'text/plain',
  value: [{ languageCode: 'nb', value }],
});
export const orgParty = (org: string) => `urn:altinn:organization:identifier-no:${org}`;
export const resourceUrn = (resource: string) => `urn:altinn:resource:${resource}`;

/** An attachment with one URL; `Api` for a machine-readable document (dialogporten-events.md §3.1). */
export function attachment(
  displayName: string,
  url: string,
  mediaType: string,
  consumerType: 'Api' | 'Gui' = 'Api',
): StoredAttachment {
  return {
    id: randomUUID(),
    displayName: [{ languageCode: 'nb', value: displayName }],
    urls: [{ id: randomUUID(), url, mediaType, consumerType }],
  };
}

export interface NewTransmission {
  id?: string;
  createdAt: string;
  type: TransmissionType;
  sender: Actor;
  title: string;
  summary?: string;
  relatedTransmissionId?: string | null;
  attachments?: StoredAttachment[];
}

export function transmission(input: NewTransmission): StoredTransmission {
  return {
    id: input.id ?? randomUUID(),
    createdAt: input.createdAt,
    type: input.type,
    extendedType: null,
    relatedTransmissionId: input.relatedTransmissionId ?? null,
    authorizationAttribute: null,
    isAuthorized: true,
    sender: input.sender,
    content: {
      title: nb(input.title),
      ...(input.summary ? { summary: nb(input.summary) } : {}),
      contentReference: null,
    },
    attachments: input.attachments ?? [],
  };
}

export interface NewDialog {
  party: string;
  serviceResource: string;
  title: string;
  summary?: string;
  externalReference?: string | null;
  extendedStatus?: string | null;
  status?: DialogStatus;
  transmissions?: StoredTransmission[];
  /** Defaults to the store's clock. */
  at?: string;
}

/** The end-user search filters the emulator honours (dialogporten-events.md §1.3). */
export interface EndUserSearch {
  /** The parties the caller may act for; the rest is filtered away silently, as Dialogporten does. */
  authorizedParties: readonly string[];
  /** The resources the caller holds a right to; null = every resource. */
  authorizedResources: readonly string[] | null;
  party?: readonly string[];
  serviceResource?: readonly string[];
  org?: readonly string[];
  status?: readonly string[];
  extendedStatus?: readonly string[];
  externalReference?: string;
  createdAfter?: string;
  createdBefore?: string;
  updatedAfter?: string;
  updatedBefore?: string;
  orderBy?: string;
  continuationToken?: string;
  limit?: number;
}

export type SearchOutcome =
  | { ok: true; items: StoredDialog[]; hasNextPage: boolean; continuationToken: string | null; orderBy: string }
  | { ok: false; reason: string };

type SortKey = 'createdat' | 'updatedat' | 'dueat' | 'contentupdatedat' | 'id';
interface SortTerm {
  key: SortKey;
  dir: 'asc' | 'desc';
}

const SORT_KEYS: ReadonlySet<string> = new Set(['createdat', 'updatedat', 'dueat', 'contentupdatedat', 'id']);

export class DialogStore {
  constructor(
    private readonly state: EmulatorState,
    private readonly now: () => Date,
  ) {}

  private get slice(): DialogportenSlice {
    return dialogportenSlice(this.state);
  }

  private save(): void {
    void this.state.save();
  }

  createDialog(input: NewDialog): StoredDialog {
    const at = input.at ?? this.now().toISOString();
    const revision = randomUUID();
    const transmissions = input.transmissions ?? [];
    const dialog: StoredDialog = {
      id: randomUUID(),
      revision,
      org: 'skd',
      serviceResource: input.serviceResource,
      serviceResourceType: 'GenericAccessResource',
      party: input.party,
      progress: null,
      process: null,
      precedingProcess: null,
      extendedStatus: input.extendedStatus ?? null,
      externalReference: input.externalReference ?? null,
      createdAt: at,
      updatedAt: at,
      dueAt: null,
      expiresAt: null,
      status: input.status ?? 'InProgress',
      systemLabel: 'Default',
      dialogToken: null,
      content: {
        title: nb(input.title),
        ...(input.summary ? { summary: nb(input.summary) } : {}),
        senderName: null,
        additionalInfo: null,
        extendedStatus: null,
        mainContentReference: null,
      },
      attachments: [],
      transmissions: [...transmissions],
      guiActions: [],
      apiActions: [],
      activities: [
        {
          id: randomUUID(),
          createdAt: at,
          type: 'DialogCreated',
          extendedType: null,
          transmissionId: null,
          performedBy: { actorType: 'ServiceOwner', actorId: null, actorName: null },
          description: [],
        },
      ],
      seenSinceLastUpdate: [],
    };
    this.slice.dialogs.push(dialog);
    this.publish('dialogporten.dialog.created.v1', dialog, at);
    for (const t of transmissions) this.publishTransmission(dialog, t, at);
    this.save();
    return dialog;
  }

  get(id: string): StoredDialog | undefined {
    this.releaseDue();
    return this.slice.dialogs.find((d) => d.id === id);
  }

  /** Adds a transmission now (or at `at`): the dialog's `updatedAt` and revision move, as on any update. */
  addTransmission(
    dialogId: string,
    added: StoredTransmission,
    change: { status?: DialogStatus; extendedStatus?: string | null; summary?: string; at?: string } = {},
  ): StoredDialog {
    const dialog = this.slice.dialogs.find((d) => d.id === dialogId);
    if (!dialog) throw new Error(`No dialog ${dialogId} in the sandbox Dialogporten`);
    dialog.transmissions.push(added);
    if (change.status) dialog.status = change.status;
    if (change.extendedStatus !== undefined) dialog.extendedStatus = change.extendedStatus;
    if (change.summary !== undefined && dialog.content) dialog.content.summary = nb(change.summary);
    this.touch(dialog, change.at ?? this.now().toISOString());
    this.publishTransmission(dialog, added, dialog.updatedAt);
    this.publish('dialogporten.dialog.updated.v1', dialog, dialog.updatedAt);
    this.save();
    return dialog;
  }

  /** A transmission that appears at `dueAt` in each dialog (Skatteetaten's feedback "a moment later"). */
  schedule(pending: PendingTransmission): void {
    this.slice.pending.push(pending);
    this.save();
  }

  /** Any update by the service owner (a status change, say): `updatedAt` and the revision move. */
  update(dialogId: string, change: { status?: DialogStatus; extendedStatus?: string | null; at?: string }): void {
    const dialog = this.slice.dialogs.find((d) => d.id === dialogId);
    if (!dialog) throw new Error(`No dialog ${dialogId} in the sandbox Dialogporten`);
    if (change.status) dialog.status = change.status;
    if (change.extendedStatus !== undefined) dialog.extendedStatus = change.extendedStatus;
    this.touch(dialog, change.at ?? this.now().toISOString());
    this.publish('dialogporten.dialog.updated.v1', dialog, dialog.updatedAt);
    this.save();
  }

  /**
   * GET /dialogs/{id} writes the seen log (dialogporten-events.md §1.5). Whether that moves `updatedAt` is
   * UNCONFIRMED; the sandbox leaves it, and the tests prove the sync never calls it anyway.
   */
  markSeen(dialogId: string, seenBy: Actor): void {
    const dialog = this.slice.dialogs.find((d) => d.id === dialogId);
    if (!dialog) return;
    dialog.seenSinceLastUpdate.push({
      id: randomUUID(),
      seenAt: this.now().toISOString(),
      seenBy,
      isViaServiceOwner: false,
      isCurrentEndUser: true,
    });
    this.save();
  }

  /** Adds every scheduled transmission whose time has come; called before each read, so time alone releases them. */
  releaseDue(): void {
    const now = this.now().getTime();
    const slice = this.slice;
    const due = slice.pending.filter((p) => Date.parse(p.dueAt) <= now);
    if (due.length === 0) return;
    slice.pending = slice.pending.filter((p) => !due.includes(p));
    for (const p of due) {
      for (const dialog of slice.dialogs.filter((d) => p.dialogIds.includes(d.id))) {
        dialog.transmissions.push(this.state.copyOf(p.transmission));
        dialog.status = p.status;
        dialog.extendedStatus = p.extendedStatus;
        const title = p.transmission.content?.title?.value?.[0]?.value;
        if (title && dialog.content) dialog.content.summary = nb(title);
        this.touch(dialog, p.dueAt);
        this.publishTransmission(dialog, p.transmission, p.dueAt);
        this.publish('dialogporten.dialog.updated.v1', dialog, p.dueAt);
      }
    }
    this.save();
  }

  search(query: EndUserSearch): SearchOutcome {
    this.releaseDue();
    if (!query.party?.length && !query.serviceResource?.length) {
      return { ok: false, reason: 'Either ServiceResource or Party must be specified.' };
    }
    const order = parseOrderBy(query.orderBy);
    if (!order) return { ok: false, reason: `OrderBy '${query.orderBy ?? ''}' is not valid.` };
    const limit = query.limit ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      return { ok: false, reason: 'Limit must be between 1 and 1000.' };
    }
    const after = query.continuationToken ? parseToken(query.continuationToken, order) : null;
    if (query.continuationToken && !after) {
      return { ok: false, reason: 'ContinuationToken does not match OrderBy.' };
    }
    const inRange = (value: string | null | undefined, from?: string, to?: string) => {
      if (from === undefined && to === undefined) return true;
      if (!value) return false;
      const t = Date.parse(value);
      // Both bounds are inclusive, as in Dialogporten's SearchDialogQuery (`request.UpdatedAfter <= x.UpdatedAt`).
      return (from === undefined || Date.parse(from) <= t) && (to === undefined || t <= Date.parse(to));
    };
    const anyOf = (list: readonly string[] | undefined, value: string | null | undefined) =>
      !list?.length || (value !== null && value !== undefined && list.includes(value));
    const matches = this.slice.dialogs.filter(
      (d) =>
        query.authorizedParties.includes(d.party) &&
        (query.authorizedResources === null || query.authorizedResources.includes(d.serviceResource)) &&
        anyOf(query.party, d.party) &&
        anyOf(query.serviceResource, d.serviceResource) &&
        anyOf(query.org, d.org) &&
        anyOf(query.status, d.status) &&
        anyOf(query.extendedStatus, d.extendedStatus) &&
        (query.externalReference === undefined || d.externalReference === query.externalReference) &&
        inRange(d.createdAt, query.createdAfter, query.createdBefore) &&
        inRange(d.updatedAt, query.updatedAfter, query.updatedBefore),
    );
    const sorted = matches.sort((a, b) => compareBy(order, sortValues(a, order), sortValues(b, order)));
    const rest = after ? sorted.filter((d) => compareBy(order, sortValues(d, order), after) > 0) : sorted;
    const items = rest.slice(0, limit);
    const hasNextPage = rest.length > limit;
    const last = items[items.length - 1];
    return {
      ok: true,
      items,
      hasNextPage,
      continuationToken: hasNextPage && last ? tokenFor(order, sortValues(last, order)) : null,
      orderBy: order.map((t) => `${t.key}_${t.dir}`).join(','),
    };
  }

  /** Every change also goes to the sandbox Altinn Events, as Dialogporten forwards it (dialogporten-events.md §4.3). */
  private publish(type: DialogEventType, dialog: StoredDialog, at: string): void {
    publishDialogEvent(this.state, { type, dialog, at, registeredAt: this.now().toISOString() });
  }

  private publishTransmission(dialog: StoredDialog, added: StoredTransmission, at: string): void {
    const senderType = added.sender.actorType === 'ServiceOwner' ? 'ServiceOwner' : 'PartyRepresentative';
    publishDialogEvent(this.state, {
      type: 'dialogporten.dialog.transmission.created.v1',
      dialog,
      at,
      registeredAt: this.now().toISOString(),
      transmission: { id: added.id, senderType },
    });
  }

  private touch(dialog: StoredDialog, at: string): void {
    // Never backwards: an update stamped earlier than the last one still counts as the newest change.
    dialog.updatedAt = Date.parse(at) > Date.parse(dialog.updatedAt) ? at : dialog.updatedAt;
    dialog.revision = randomUUID();
  }
}

/** `updatedAt_asc`, `createdAt_desc,dueAt_asc`; `id` is always the final tiebreaker (dialogporten-events.md §1.3). */
function parseOrderBy(orderBy: string | undefined): SortTerm[] | null {
  const terms: SortTerm[] = [];
  for (const raw of (orderBy?.trim() ? orderBy : 'contentUpdatedAt').split(',')) {
    const [key = '', dir = 'desc', ...extra] = raw.trim().toLowerCase().split('_');
    if (!SORT_KEYS.has(key) || (dir !== 'asc' && dir !== 'desc') || extra.length > 0) return null;
    terms.push({ key: key as SortKey, dir });
  }
  if (!terms.some((t) => t.key === 'id')) terms.push({ key: 'id', dir: terms[0]?.dir ?? 'desc' });
  return terms;
}

function sortValues(dialog: StoredDialog, order: SortTerm[]): string[] {
  return order.map(({ key }) => {
    // The 1.40 schema has no contentUpdatedAt; the sandbox's content changes all move updatedAt, so it stands in.
    if (key === 'id') return dialog.id;
    const value = key === 'createdat' ? dialog.createdAt : key === 'dueat' ? dialog.dueAt : dialog.updatedAt;
    return value ? new Date(value).toISOString() : '';
  });
}

function compareBy(order: SortTerm[], a: string[], b: string[]): number {
  for (let i = 0; i < order.length; i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x === y) continue;
    const sign = x < y ? -1 : 1;
    return order[i]?.dir === 'asc' ? sign : -sign;
  }
  return 0;
}

/** The token names each key and the last item's value, as Dialogporten's does ("createdat_2024-…,id_0c08…"). */
function tokenFor(order: SortTerm[], values: string[]): string {
  return order.map((t, i) => `${t.key}_${values[i] ?? ''}`).join(',');
}

function parseToken(token: string, order: SortTerm[]): string[] | null {
  const parts = token.split(',');
  if (parts.length !== order.length) return null;
  const values: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const prefix = `${order[i]?.key}_`;
    if (!part.toLowerCase().startsWith(prefix)) return null;
    values.push(part.slice(prefix.length));
  }
  return values;
}
