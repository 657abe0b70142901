import { DialogCloudEventSchema, type DialogCloudEvent } from './dialog-cloud-event';
import { EventsError } from './events-errors';

export interface EventsClientOptions {
  /** `https://platform.altinn.no`: Events lives at `{platform}/events/api/v1` (dialogporten-events.md §4.1). */
  platform: string;
  /** An Altinn token (the Maskinporten token exchanged) with `altinn:events.subscribe`. */
  accessToken: () => Promise<string>;
  fetch?: typeof fetch;
}

export interface EventsQuery {
  /** `urn:altinn:resource:<id>`: required, one per request. */
  resource: string;
  /** `urn:altinn:organization:identifier-no:<orgnr>`; left out, every subject the caller may see. */
  subject?: string;
  /** The last event id handled, or "0" the first time (an unknown id starts from the retained history). */
  after: string;
  types?: readonly string[];
  size?: number;
}

export interface EventsPage {
  events: DialogCloudEvent[];
  /** The id to pass as `after` next time: the last event's, or the same cursor for an empty page. */
  after: string;
}

/**
 * Altinn Events' pull API, `GET {platform}/events/api/v1/events` (dialogporten-events.md §4.6; Altinn/altinn-events
 * src/Events/Controllers/EventsController.cs, docs.altinn.studio "query events"). The cursor is the last event's
 * id: the `next` header is set only for a page with events, so an empty page keeps the old cursor.
 */
export class EventsClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: EventsClientOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  async pull(query: EventsQuery): Promise<EventsPage> {
    const params = new URLSearchParams({ resource: query.resource, after: query.after });
    if (query.subject) params.set('subject', query.subject);
    for (const type of query.types ?? []) params.append('type', type);
    if (query.size) params.set('size', String(query.size));
    const url = `${this.options.platform.replace(/\/+$/, '')}/events/api/v1/events?${params.toString()}`;
    const token = await this.options.accessToken();
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/cloudevents+json, application/json' },
      });
    } catch (error) {
      throw new EventsError('unavailable', ['pull events', (error as Error).message]);
    }
    const raw = await response.text();
    if (!response.ok) throw EventsError.forStatus(response.status, 'pull events');
    let body: unknown;
    try {
      body = JSON.parse(raw) as unknown;
    } catch {
      throw new EventsError('unexpected', ['pull events', 'the answer is not JSON']);
    }
    if (!Array.isArray(body)) throw new EventsError('unexpected', ['pull events', 'the answer is not a list']);
    // An event Innsender cannot read is skipped, not fatal: the periodic Dialogporten search catches up anyway.
    const events = body.flatMap((e) => {
      const parsed = DialogCloudEventSchema.safeParse(e);
      return parsed.success ? [parsed.data] : [];
    });
    const lastId = (body[body.length - 1] as { id?: unknown } | undefined)?.id;
    return { events, after: typeof lastId === 'string' && lastId ? lastId : query.after };
  }
}
