import { randomUUID } from 'node:crypto';
import type { EmulatorState } from '../state';

/**
 * The event types the sandbox Dialogporten publishes, spelled as Dialogporten's `CloudEventTypes.cs` does
 * (dialogporten-events.md §4.2).
 */
export type DialogEventType =
  'dialogporten.dialog.created.v1' | 'dialogporten.dialog.updated.v1' | 'dialogporten.dialog.transmission.created.v1';

/** One registered event: the CloudEvent's fields (§4.3) with the sequence number Events orders and pages by. */
export interface StoredDialogEvent {
  sequence: number;
  id: string;
  type: DialogEventType;
  time: string;
  /** When Events registered it: the pull API shows an event only 30 s after this (§4.6, getevents.sql). */
  registeredAt: string;
  resource: string;
  resourceinstance: string;
  subject: string;
  /** Below the emulator's origin; the route makes it absolute (`{dp}/api/v1/enduser/dialogs/{id}[/transmissions/{t}]`). */
  sourcePath: string;
  data?: { senderType: 'ServiceOwner' | 'PartyRepresentative' };
}

export interface AltinnEventsSlice {
  events: StoredDialogEvent[];
  nextSequence: number;
}

const SLICE = 'altinnEvents';

export function altinnEventsSlice(state: EmulatorState): AltinnEventsSlice {
  return state.slice<AltinnEventsSlice>(SLICE, () => ({ events: [], nextSequence: 1 }));
}

export interface DialogChange {
  type: DialogEventType;
  dialog: { id: string; serviceResource: string; party: string };
  at: string;
  registeredAt: string;
  transmission?: { id: string; senderType: 'ServiceOwner' | 'PartyRepresentative' };
}

/**
 * What Dialogporten's Altinn forwarders do on every non-silent change (dialogporten-events.md §4.3): one
 * CloudEvent with the dialog's resource, its id as `resourceinstance` and its party as `subject`. The caller saves.
 */
export function publishDialogEvent(state: EmulatorState, change: DialogChange): StoredDialogEvent {
  const slice = altinnEventsSlice(state);
  const dialogPath = `/dialogporten/api/v1/enduser/dialogs/${change.dialog.id}`;
  const event: StoredDialogEvent = {
    sequence: slice.nextSequence++,
    id: randomUUID(),
    type: change.type,
    time: change.at,
    registeredAt: change.registeredAt,
    resource: change.dialog.serviceResource,
    resourceinstance: change.dialog.id,
    subject: change.dialog.party,
    sourcePath: change.transmission ? `${dialogPath}/transmissions/${change.transmission.id}` : dialogPath,
    ...(change.transmission ? { data: { senderType: change.transmission.senderType } } : {}),
  };
  slice.events.push(event);
  return event;
}
