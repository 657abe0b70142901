import { events, type EventName, type EventPayload } from '../../shared/ipc/contract';

export type EventListener = (event: EventName, payload: unknown) => void;

/**
 * Main → renderer events. Services emit here; each window (Electron) or test bridge connection subscribes.
 * Payloads are checked against the contract before anyone receives them.
 */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const parsed = events[event].parse(payload);
    for (const listener of this.listeners) listener(event, parsed);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
