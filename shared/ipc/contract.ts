import type { z } from 'zod';
import { ProfilesStateSchema, SandboxStatusSchema } from './schemas';
import { foundationChannels } from './channels/foundation';
import { setupChannels } from './channels/setup';
import { SystemUserStatusEventSchema } from '../domain/setup';
import { reportsChannels } from './channels/reports';

/**
 * Every renderer → main call, declared once: `group.operation` → input and output schema. Each capability keeps
 * its channels in ./channels/<capability>.ts; this map joins them. Main validates both sides; the preload and the
 * test bridge derive one function per channel from it; types come from here.
 */
export const channels = {
  ...foundationChannels,
  ...setupChannels,
  ...reportsChannels,
} as const;

/** Every main → renderer event, declared once, validated before it is sent. */
export const events = {
  'profiles.changed': ProfilesStateSchema,
  'sandbox.status': SandboxStatusSchema,
  /** A systembruker request's status changed (the owner decided in Altinn, or it timed out). */
  'systemuser.status': SystemUserStatusEventSchema,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
/** What the renderer passes (before parsing: defaults and transforms not yet applied). */
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
/** What a handler receives (after parsing). */
export type ChannelParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(channels, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}

/** The Electron IPC channel an event travels on, kept apart from the invoke channels. */
export function eventChannel(event: EventName): string {
  return `event:${event}`;
}
