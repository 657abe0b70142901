import type { z } from 'zod';
import type { Channel } from './channels/define';
import { CHANNEL_NAMES, EVENT_NAMES, type ChannelName, type EventName } from './names';
import { ProfilesStateSchema, SandboxStatusSchema, SettingsSchema } from './schemas';
import { foundationChannels } from './channels/foundation';
import { setupChannels } from './channels/setup';
import { prerequisitesChannels } from './channels/prerequisites';
import { SystemUserStatusEventSchema } from '../domain/setup';
import { reportsChannels } from './channels/reports';
import { RouteProgressEventSchema } from '../reports/report-routing';
import { feedbackChannels } from './channels/feedback';
import { FeedbackNewEventSchema, FeedbackOpenEventSchema, FeedbackStatusSchema } from '../feedback/feedback-overview';
import { outboxChannels } from './channels/outbox';
import { tredjepartChannels } from './channels/tredjepart';
import { skattekortChannels } from './channels/skattekort';
import { avstemmingChannels } from './channels/avstemming';
import { SkattekortChangedEventSchema } from '../skattekort/skattekort-views';
import { deadlinesChannels } from './channels/deadlines';
import { desktopChannels, NavigateEventSchema, OutboxOpenEventSchema } from './channels/desktop';
import { firmChannels } from './channels/firm';
import { registerChannels } from './channels/register';
import { DeadlineOpenEventSchema } from '../deadlines/deadline-views';
import { OverviewOpenEventSchema } from '../domain/client-overview';
import {
  OutboxChangedEventSchema,
  OutboxConnectivityEventSchema,
  OutboxProgressEventSchema,
} from '../outbox/outbox-views';

/**
 * Every renderer → main call, declared once: `group.operation` → input and output schema. Each capability keeps
 * its channels in ./channels/<capability>.ts; this map joins them. Main validates both sides; the preload and the
 * test bridge derive one function per channel from it; types come from here.
 */
export const channels = {
  ...foundationChannels,
  ...setupChannels,
  ...prerequisitesChannels,
  ...reportsChannels,
  ...feedbackChannels,
  ...outboxChannels,
  ...tredjepartChannels,
  ...skattekortChannels,
  ...avstemmingChannels,
  ...deadlinesChannels,
  ...desktopChannels,
  ...firmChannels,
  ...registerChannels,
} as const satisfies Record<ChannelName, Channel<z.ZodType, z.ZodType>>;

/** Every main → renderer event, declared once, validated before it is sent. */
export const events = {
  'profiles.changed': ProfilesStateSchema,
  'sandbox.status': SandboxStatusSchema,
  /** A systembruker request's status changed (the owner decided in Altinn, or it timed out). */
  'systemuser.status': SystemUserStatusEventSchema,
  /** New feedback from Skatteetaten arrived for the active profile (not on a profile's first, history sync). */
  'feedback.new': FeedbackNewEventSchema,
  /** The feedback poller's state changed (syncing, waiting, offline, paused), or the profile's readiness did. */
  'feedback.status': FeedbackStatusSchema,
  /** The user clicked a feedback notification: show that dialog. */
  'feedback.open': FeedbackOpenEventSchema,
  /** A submission in the active profile's outbox changed state (written to disk before this is sent). */
  'outbox.changed': OutboxChangedEventSchema,
  /** How far a multi-step submission has come (large-file upload, RF-1086 forms). */
  'outbox.progress': OutboxProgressEventSchema,
  /** The outbox started, stopped, or lost or regained Skatteetaten. */
  'outbox.connectivity': OutboxConnectivityEventSchema,
  /** A skattekort order's answer status changed (polling, ready, stopped), or the order itself did. */
  'skattekort.changed': SkattekortChangedEventSchema,
  /** The user clicked a deadline warning: show the Frister page with that deadline. */
  'deadlines.open': DeadlineOpenEventSchema,
  /** The user clicked a notification about a rejected or stuck submission: show it on Utboks. */
  'outbox.open': OutboxOpenEventSchema,
  /** The user clicked a firm's deadline warning: show the client overview, filtered. */
  'overview.open': OverviewOpenEventSchema,
  /** The application menu's Gå/Go entry (or its Ctrl/Cmd+number) asks for a page. */
  'app.navigate': NavigateEventSchema,
  /** The settings changed (the language): main rebuilds the application menu in it. */
  'settings.changed': SettingsSchema,
  /** How far routing files for many clients has come (files read, then checked). */
  'reports.routeProgress': RouteProgressEventSchema,
} as const satisfies Record<EventName, z.ZodType>;

/** `satisfies` above finds a name with no schema; these find a schema whose name ./names.ts does not list. */
type NoneLeft<T extends never> = T;
export type ContractChannelsAreNamed = NoneLeft<Exclude<keyof typeof channels, ChannelName>>;
export type ContractEventsAreNamed = NoneLeft<Exclude<keyof typeof events, EventName>>;

export type Channels = typeof channels;
export type { ChannelName, EventName };
/** What the renderer passes (before parsing: defaults and transforms not yet applied). */
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
/** What a handler receives (after parsing). */
export type ChannelParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

export type Events = typeof events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** The names, from the zod-free ./names.ts (the preload imports that module alone). */
export const channelNames: readonly ChannelName[] = CHANNEL_NAMES;
export const eventNames: readonly EventName[] = EVENT_NAMES;
export { eventChannel, isChannelName, isEventName } from './names';
