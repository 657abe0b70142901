import { randomUUID } from 'node:crypto';
import type { components } from '../../dialogporten/generated/dialogporten';
import type { EmulatorContext, EmulatorModule } from '../host';
import type { SandboxTokenAuthority } from '../maskinporten/token-authority';
import { EmulatorHttpError, type EmulatorRequest, type EmulatorRoute } from '../router';
import { DialogStore, type StoredAttachment, type StoredDialog, type StoredTransmission } from './dialog-store';
import { authorizeEndUser, type EndUserCaller } from './end-user-caller';

type Schemas = components['schemas'];
const PREFIX = '/dialogporten/api/v1/enduser';

/**
 * The end-user search's filter limits (`GET /api/v1/metadata/limits`, dialogporten-events.md §1.2, §5). 20 is the
 * number Dialogporten's docs give ("Up to 20 distinct values", content/dialogporten/reference/limits) and the one
 * `SearchDialogQueryValidator.cs` (Altinn/dialogporten @ 0b56739f, EndUser/Dialogs/Queries/Search) enforces;
 * newer code reads them from `ApplicationSettings.cs` `EndUserSearchQueryLimits` (code default 100 for party).
 */
export interface DialogportenSearchLimits {
  maxPartyFilterValues: number;
  maxServiceResourceFilterValues: number;
  maxOrgFilterValues: number;
  maxExtendedStatusFilterValues: number;
}

export const DEFAULT_SEARCH_LIMITS: DialogportenSearchLimits = {
  maxPartyFilterValues: 20,
  maxServiceResourceFilterValues: 20,
  maxOrgFilterValues: 20,
  maxExtendedStatusFilterValues: 20,
};

export interface DialogportenEmulatorOptions {
  /** The search limits served and enforced (tests lower them); Dialogporten's documented 20 by default. */
  searchLimits?: Partial<DialogportenSearchLimits>;
}

/**
 * The sandbox Dialogporten end-user API (dialogporten-events.md §1.2–1.5): search, one dialog (which writes the
 * seen log, as the real one does), the transmissions of a dialog and one transmission. Answers are projected onto
 * the published OpenAPI's shapes field by field, so nothing a writer of the store adds can leak into a response.
 */
export function dialogportenModule(
  authority: SandboxTokenAuthority,
  options: DialogportenEmulatorOptions = {},
): EmulatorModule {
  const limits = { ...DEFAULT_SEARCH_LIMITS, ...options.searchLimits };
  return { name: 'dialogporten', routes: (ctx) => dialogportenRoutes(ctx, authority, limits) };
}

function dialogportenRoutes(
  ctx: EmulatorContext,
  authority: SandboxTokenAuthority,
  limits: DialogportenSearchLimits,
): EmulatorRoute[] {
  const store = new DialogStore(ctx.state, ctx.now);
  const caller = (req: EmulatorRequest) => authorizeEndUser(req, ctx, authority);

  function visibleDialog(id: string, who: EndUserCaller, path: string): StoredDialog {
    const dialog = store.get(id);
    if (!dialog) throw problem(404, 'Resource not found.', path, `Entity 'DialogEntity' with key '${id}' not found.`);
    if (!who.parties.includes(dialog.party) || !who.resources.includes(dialog.serviceResource)) {
      throw new EmulatorHttpError({ status: 403 });
    }
    return dialog;
  }

  return [
    {
      // No token needed (the OpenAPI's GetLimits has no security requirement).
      method: 'GET',
      path: '/dialogporten/api/v1/metadata/limits',
      handle: async () => ({
        status: 200,
        body: { endUserSearch: { ...limits }, serviceOwnerSearch: { ...limits } },
      }),
    },
    {
      method: 'GET',
      path: `${PREFIX}/dialogs`,
      handle: async (req) => {
        const who = await caller(req);
        const q = req.query;
        const overLimit = searchOverLimits(q, limits);
        if (overLimit.length) throw validation(req.path, overLimit);
        const dates = ['createdAfter', 'createdBefore', 'updatedAfter', 'updatedBefore'] as const;
        const bad = dates.filter((k) => q.has(k) && !isZonedDateTime(q.get(k) as string));
        if (bad.length) {
          throw validation(
            req.path,
            bad.map((k) => ({ name: k, reason: 'Dates must include an explicit time zone.' })),
          );
        }
        const limit = q.has('limit') ? Number(q.get('limit')) : undefined;
        const many = (k: string) => (q.getAll(k).length ? q.getAll(k) : undefined);
        const one = (k: string) => q.get(k) ?? undefined;
        const outcome = store.search({
          authorizedParties: who.parties,
          authorizedResources: who.resources,
          ...optional({
            party: many('party'),
            serviceResource: many('serviceResource'),
            org: many('org'),
            status: many('status'),
            extendedStatus: many('extendedStatus'),
            externalReference: one('externalReference'),
            createdAfter: one('createdAfter'),
            createdBefore: one('createdBefore'),
            updatedAfter: one('updatedAfter'),
            updatedBefore: one('updatedBefore'),
            orderBy: one('orderBy'),
            continuationToken: one('continuationToken'),
            limit,
          }),
        });
        if (!outcome.ok) throw validation(req.path, [{ name: '', reason: outcome.reason }]);
        const body: Schemas['PaginatedListOfV1EndUserDialogsQueriesSearch_Dialog'] = {
          items: outcome.items.map(searchItem),
          hasNextPage: outcome.hasNextPage,
          continuationToken: outcome.continuationToken,
          orderBy: outcome.orderBy,
        };
        return { status: 200, body };
      },
    },
    {
      method: 'GET',
      path: `${PREFIX}/dialogs/:dialogId`,
      handle: async (req) => {
        const who = await caller(req);
        const dialog = visibleDialog(req.params.dialogId as string, who, req.path);
        // The one read with a side effect: it writes the seen log (GetDialogQuery → IDialogSeenLogWriter).
        store.markSeen(dialog.id, { actorType: 'PartyRepresentative', actorId: who.systemUserUrn, actorName: null });
        return { status: 200, headers: { etag: dialog.revision }, body: details(dialog, ctx.currentUrl) };
      },
    },
    {
      method: 'GET',
      path: `${PREFIX}/dialogs/:dialogId/transmissions`,
      handle: async (req) => {
        const who = await caller(req);
        const dialog = visibleDialog(req.params.dialogId as string, who, req.path);
        return { status: 200, body: dialog.transmissions.map((t) => transmissionItem(t, ctx.currentUrl)) };
      },
    },
    {
      method: 'GET',
      path: `${PREFIX}/dialogs/:dialogId/transmissions/:transmissionId`,
      handle: async (req) => {
        const who = await caller(req);
        const dialog = visibleDialog(req.params.dialogId as string, who, req.path);
        const found = dialog.transmissions.find((t) => t.id === req.params.transmissionId);
        if (!found)
          throw problem(404, 'Resource not found.', req.path, `Transmission '${req.params.transmissionId}' not found.`);
        const body: Schemas['V1EndUserDialogTransmissionsQueriesGet_Transmission'] = transmissionItem(
          found,
          ctx.currentUrl,
        );
        return { status: 200, body };
      },
    },
  ];
}

/**
 * The validator's count rules: `RuleFor(x => x.Party!.Count).LessThanOrEqualTo(max)`, so FluentValidation's
 * property name is `Party.Count` and its message its default for LessThanOrEqualTo (SearchDialogQueryValidator.cs).
 */
function searchOverLimits(q: URLSearchParams, limits: DialogportenSearchLimits): { name: string; reason: string }[] {
  const rules = [
    ['party', 'Party', limits.maxPartyFilterValues],
    ['serviceResource', 'Service Resource', limits.maxServiceResourceFilterValues],
    ['org', 'Org', limits.maxOrgFilterValues],
    ['extendedStatus', 'Extended Status', limits.maxExtendedStatusFilterValues],
  ] as const;
  return rules
    .filter(([key, , max]) => q.getAll(key).length > max)
    .map(([key, label, max]) => ({
      name: `${key[0]!.toUpperCase()}${key.slice(1)}.Count`,
      reason: `'${label} Count' must be less than or equal to '${max}'.`,
    }));
}

function isZonedDateTime(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

function optional<T extends Record<string, unknown>>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function problem(status: number, title: string, instance: string, detail?: string): EmulatorHttpError {
  const body: Schemas['ProblemDetails'] = {
    type: `https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.${status === 404 ? 5 : 1}`,
    title,
    status,
    instance,
    traceId: `00-${randomUUID().replaceAll('-', '')}-${randomUUID().slice(0, 16).replaceAll('-', '')}-00`,
    ...(detail ? { detail } : {}),
  };
  return new EmulatorHttpError({
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
    body,
  });
}

function validation(instance: string, errors: { name: string; reason: string }[]): EmulatorHttpError {
  const e = problem(400, 'One or more validation errors occurred.', instance);
  (e.response.body as Schemas['ProblemDetails']).errors = errors;
  return e;
}

// ---- projections onto the published shapes ----

/**
 * How a stored URL is served: `EmulatorContext.currentUrl`, so a document URL stored in an earlier run of the
 * sandbox (on another port) points at this run.
 */
type ServedUrl = (url: string) => string;
const servedOrAbsent = (served: ServedUrl, url: string | undefined) => (url === undefined ? url : served(url));

/** Who owns the dialog, for what, and where it stands: the same in the search and the details models. */
function dialogIdentity(d: StoredDialog) {
  return {
    id: d.id,
    org: d.org,
    serviceResource: d.serviceResource,
    serviceResourceType: d.serviceResourceType,
    party: d.party,
    progress: d.progress ?? null,
    process: d.process ?? null,
    precedingProcess: d.precedingProcess ?? null,
  };
}

function searchItem(d: StoredDialog): Schemas['V1EndUserDialogsQueriesSearch_Dialog'] {
  const latest = d.activities?.[d.activities.length - 1];
  return {
    ...dialogIdentity(d),
    guiAttachmentCount: (d.attachments ?? []).filter((a) => a.urls?.some((u) => u.consumerType === 'Gui')).length,
    extendedStatus: d.extendedStatus ?? null,
    externalReference: d.externalReference ?? null,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    dueAt: d.dueAt ?? null,
    status: d.status,
    systemLabel: d.systemLabel ?? 'Default',
    latestActivity: latest
      ? {
          id: latest.id,
          createdAt: latest.createdAt ?? null,
          type: latest.type,
          extendedType: latest.extendedType ?? null,
          transmissionId: latest.transmissionId ?? null,
          performedBy: actor(latest.performedBy),
          description: latest.description ?? [],
        }
      : null,
    content: {
      title: content(d.content?.title),
      ...(d.content?.summary ? { summary: content(d.content.summary) } : {}),
      senderName: d.content?.senderName ? content(d.content.senderName) : null,
      extendedStatus: d.content?.extendedStatus ? content(d.content.extendedStatus) : null,
    },
    seenSinceLastUpdate: seenLog(d),
  };
}

/** The seen log as both the search and the details models carry it. */
function seenLog(d: StoredDialog) {
  return d.seenSinceLastUpdate.map((s) => ({
    id: s.id,
    seenAt: s.seenAt,
    seenBy: actor(s.seenBy),
    isViaServiceOwner: s.isViaServiceOwner ?? false,
    isCurrentEndUser: s.isCurrentEndUser,
  }));
}

function details(d: StoredDialog, served: ServedUrl): Schemas['V1EndUserDialogsQueriesGet_Dialog'] {
  return {
    ...dialogIdentity(d),
    revision: d.revision,
    extendedStatus: d.extendedStatus ?? null,
    externalReference: d.externalReference ?? null,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    dueAt: d.dueAt ?? null,
    expiresAt: d.expiresAt ?? null,
    status: d.status,
    systemLabel: d.systemLabel ?? 'Default',
    dialogToken: null,
    content: {
      title: content(d.content?.title),
      ...(d.content?.summary ? { summary: content(d.content.summary) } : {}),
      senderName: null,
      additionalInfo: null,
      extendedStatus: null,
      mainContentReference: null,
    },
    attachments: (d.attachments ?? []).map((a) => attachmentWithUrlIds(a, served)),
    transmissions: d.transmissions.map((t) => ({
      ...transmissionFields(t),
      // The details model's transmission attachment URLs carry no id in this schema version.
      attachments: t.attachments.map((a) => ({
        id: a.id,
        displayName: a.displayName ?? [],
        urls: (a.urls ?? []).map((u) => ({
          url: servedOrAbsent(served, u.url),
          mediaType: u.mediaType ?? null,
          consumerType: u.consumerType,
        })),
      })),
    })),
    guiActions: [],
    apiActions: [],
    activities: (d.activities ?? []).map((a) => ({
      id: a.id,
      createdAt: a.createdAt ?? null,
      type: a.type,
      extendedType: a.extendedType ?? null,
      transmissionId: a.transmissionId ?? null,
      performedBy: actor(a.performedBy),
      description: a.description ?? [],
    })),
    seenSinceLastUpdate: seenLog(d),
  };
}

function transmissionItem(
  t: StoredTransmission,
  served: ServedUrl,
): Schemas['V1EndUserDialogTransmissionsQueriesSearch_Transmission'] {
  return {
    ...transmissionFields(t),
    attachments: t.attachments.map((a) => attachmentWithUrlIds(a, served)),
    deletedAt: null,
  };
}

/** The fields every transmission model shares; they differ only in how attachments are shaped. */
function transmissionFields(t: StoredTransmission) {
  return {
    id: t.id,
    createdAt: t.createdAt,
    type: t.type,
    extendedType: t.extendedType ?? null,
    relatedTransmissionId: t.relatedTransmissionId ?? null,
    authorizationAttribute: t.authorizationAttribute ?? null,
    isAuthorized: t.isAuthorized ?? true,
    sender: actor(t.sender),
    content: transmissionContent(t),
  };
}

function transmissionContent(t: StoredTransmission) {
  return {
    title: content(t.content?.title),
    ...(t.content?.summary ? { summary: content(t.content.summary) } : {}),
    contentReference: null,
  };
}

function attachmentWithUrlIds(a: StoredAttachment, served: ServedUrl) {
  return {
    id: a.id,
    displayName: (a.displayName ?? []).map((l) => ({ languageCode: l.languageCode, value: l.value })),
    urls: (a.urls ?? []).map((u) => ({
      id: u.id ?? randomUUID(),
      url: servedOrAbsent(served, u.url),
      mediaType: u.mediaType ?? null,
      consumerType: u.consumerType,
    })),
  };
}

function content(value: Schemas['V1CommonContent_ContentValue'] | null | undefined) {
  return {
    mediaType: value?.mediaType ?? 'text/plain',
    value: (value?.value ?? []).map((l) => ({ languageCode: l.languageCode, value: l.value })),
  };
}

function actor(a: Schemas['V1EndUserCommonActors_Actor'] | undefined) {
  return { actorType: a?.actorType ?? 'ServiceOwner', actorId: a?.actorId ?? null, actorName: a?.actorName ?? null };
}
