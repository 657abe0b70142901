import { ALTINN_EVENTS_SCOPE } from '../../../shared/domain/services-catalogue';
import { altinnTokenIssuer } from '../altinn/token-exchange-routes';
import { DialogStore } from '../dialogporten/dialog-store';
import { systemUserAccess } from '../dialogporten/end-user-caller';
import type { EmulatorContext, EmulatorModule } from '../host';
import type { SandboxTokenAuthority } from '../maskinporten/token-authority';
import { EmulatorHttpError, type EmulatorRequest, type EmulatorRoute } from '../router';
import { altinnEventsSlice, type StoredDialogEvent } from './event-log';

const PATH = '/altinn/events/api/v1/events';
/** Altinn/altinn-events src/Events/Migration/FunctionsAndProcedures/getevents.sql: `registeredtime <= now() - 30 s`. */
export const EVENT_VISIBILITY_DELAY_MS = 30_000;
/** EventsService: a size below 1 means 50, and no page holds more than 1000. */
const DEFAULT_SIZE = 50;
const MAX_SIZE = 1000;

/**
 * The sandbox Altinn Events pull API (dialogporten-events.md §4.6; Altinn/altinn-events
 * src/Events/Controllers/EventsController.cs): `GET {platform}/events/api/v1/events?resource=…&after=…`, with an
 * Altinn token (the Maskinporten token exchanged) carrying `altinn:events.subscribe`. The events are the ones the
 * sandbox Dialogporten published, filtered to what the system user may see; every Skatteetaten resource grants it
 * `subscribe` here, which the real resource policies may not (UNCONFIRMED, §6 item 4).
 */
export function altinnEventsModule(
  authority: SandboxTokenAuthority,
  { visibilityDelayMs = EVENT_VISIBILITY_DELAY_MS }: AltinnEventsEmulatorOptions = {},
): EmulatorModule {
  return { name: 'altinn-events', routes: (ctx) => eventsRoutes(ctx, authority, visibilityDelayMs) };
}

export interface AltinnEventsEmulatorOptions {
  /**
   * How long an event stays invisible after it is registered: Altinn's 30 s unless a test shortens it (the
   * real-browser tests wait for feedback through Events in almost every file; the node tests keep 30 s on a clock).
   */
  visibilityDelayMs?: number;
}

function eventsRoutes(
  ctx: EmulatorContext,
  authority: SandboxTokenAuthority,
  visibilityDelayMs: number,
): EmulatorRoute[] {
  const dialogs = new DialogStore(ctx.state, ctx.now);
  return [
    {
      method: 'GET',
      path: PATH,
      handle: async (req) => {
        const access = await authorize(req, ctx, authority);
        const resource = req.query.get('resource') ?? '';
        if (!resource.startsWith('urn:altinn:resource:')) {
          throw problem("The 'resource' parameter must begin with `urn:altinn:resource:`");
        }
        const after = req.query.get('after') ?? '';
        if (!after) throw problem("The 'after' parameter must be defined.");
        const subject = req.query.get('subject') ?? undefined;
        const types = req.query.getAll('type').map(likePattern);
        const requested = Number(req.query.get('size') ?? 0);
        const size = Math.min(MAX_SIZE, Number.isInteger(requested) && requested >= 1 ? requested : DEFAULT_SIZE);

        // Scheduled feedback appears when its time comes, also for a caller that never searches Dialogporten.
        dialogs.releaseDue();
        const log = altinnEventsSlice(ctx.state).events;
        const from = log.find((e) => e.id === after)?.sequence ?? 0;
        const visibleBefore = ctx.now().getTime() - visibilityDelayMs;
        const page = log
          .filter(
            (e) =>
              e.sequence > from &&
              Date.parse(e.registeredAt) <= visibleBefore &&
              e.resource === resource &&
              (subject === undefined || e.subject === subject) &&
              (types.length === 0 || types.some((t) => t.test(e.type))) &&
              // Filtered by authorization, not refused: what the system user may not see is left out.
              access.parties.includes(e.subject) &&
              access.resources.includes(e.resource),
          )
          .slice(0, size);
        const last = page[page.length - 1];
        const headers: Record<string, string> = { 'content-type': 'application/cloudevents+json; charset=utf-8' };
        // Set only for a page with events, as EventsController does (the docs say "regardless").
        if (last) {
          const next = new URLSearchParams(req.query);
          next.set('after', last.id);
          headers.next = `${ctx.baseUrl()}${PATH}?${next.toString()}`;
        }
        return { status: 200, headers, body: page.map((e) => cloudEvent(e, ctx.baseUrl())) };
      },
    },
  ];
}

async function authorize(req: EmulatorRequest, ctx: EmulatorContext, authority: SandboxTokenAuthority) {
  const header = req.headers.authorization;
  const token = typeof header === 'string' && /^Bearer /i.test(header) ? header.slice(7).trim() : '';
  // Events validates against Altinn's own OpenID metadata: a Maskinporten token as it is gets 401 (§2.3).
  const claims = token ? await authority.verify(token, altinnTokenIssuer(ctx), ctx.now()) : null;
  if (!claims) throw new EmulatorHttpError({ status: 401, headers: { 'www-authenticate': 'Bearer' } });
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  if (!scopes.includes(ALTINN_EVENTS_SCOPE)) throw new EmulatorHttpError({ status: 403 });
  return systemUserAccess(ctx, claims);
}

/** The CloudEvent as Dialogporten's forwarders write it: lower-case names, defaults left out (§4.3). */
function cloudEvent(e: StoredDialogEvent, origin: string): Record<string, unknown> {
  return {
    specversion: '1.0',
    id: e.id,
    type: e.type,
    time: e.time,
    resource: e.resource,
    resourceinstance: e.resourceinstance,
    subject: e.subject,
    source: `${origin}${e.sourcePath}`,
    ...(e.data ? { data: e.data } : {}),
  };
}

/** `type` is matched with SQL `LIKE ANY(...)` (getevents.sql): `%` is the wildcard, the rest is literal. */
function likePattern(type: string): RegExp {
  const body = type
    .split('%')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

function problem(detail: string): EmulatorHttpError {
  return new EmulatorHttpError({
    status: 400,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
    body: { type: 'https://tools.ietf.org/html/rfc7231#section-6.5.1', title: 'Bad Request', status: 400, detail },
  });
}
