import type { EventName, EventPayload } from './contract';

/**
 * Where the app shows what a clicked OS notification was about, one route per "open" event. The renderer navigates
 * here when the event arrives; main opens a new window straight at the route when the user had closed the last one,
 * since a window that is still loading would miss the event.
 */
export const OPEN_EVENT_ROUTES = {
  'feedback.open': ({ dialogId }: EventPayload<'feedback.open'>) => `/feedback?item=${encodeURIComponent(dialogId)}`,
  'deadlines.open': ({ deadlineId }: EventPayload<'deadlines.open'>) =>
    `/deadlines?deadline=${encodeURIComponent(deadlineId)}`,
  'outbox.open': ({ submissionId }: EventPayload<'outbox.open'>) =>
    `/outbox?submission=${encodeURIComponent(submissionId)}`,
  'overview.open': ({ filter }: EventPayload<'overview.open'>) => `/overview?filter=${encodeURIComponent(filter)}`,
} as const;

export type OpenEventName = keyof typeof OPEN_EVENT_ROUTES;

export function isOpenEvent(event: EventName): event is OpenEventName {
  return Object.hasOwn(OPEN_EVENT_ROUTES, event);
}

/** The route of an open event whose payload the event hub has already checked against the contract. */
export function routeOfOpenEvent(event: OpenEventName, payload: unknown): string {
  return (OPEN_EVENT_ROUTES[event] as (p: unknown) => string)(payload);
}
