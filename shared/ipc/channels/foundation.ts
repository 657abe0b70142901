import { z } from 'zod';
import { channel } from './define';
import {
  AppInfoSchema,
  ConfirmHostsSchema,
  CustomEnvironmentPickSchema,
  EnvironmentDescriptionSchema,
  ClipboardTextSchema,
  ExternalUrlSchema,
  NewProfileRequestSchema,
  NoInput,
  ProfileIdSchema,
  ProfileSchema,
  ProfilesStateSchema,
  ProfileUpdateSchema,
  SettingsSchema,
} from '../schemas';

/** The foundation's channels: app info, settings, profiles, environment, external links, the clipboard. */
export const foundationChannels = {
  'app.info': channel(NoInput, AppInfoSchema),

  'settings.get': channel(NoInput, SettingsSchema),
  'settings.update': channel(SettingsSchema.partial(), SettingsSchema),

  'profiles.list': channel(NoInput, ProfilesStateSchema),
  'profiles.create': channel(NewProfileRequestSchema, ProfileSchema),
  'profiles.update': channel(ProfileUpdateSchema, ProfileSchema),
  'profiles.remove': channel(ProfileIdSchema, ProfilesStateSchema),
  'profiles.activate': channel(ProfileIdSchema, ProfilesStateSchema),

  'environment.describe': channel(NoInput, EnvironmentDescriptionSchema),
  /** Main's file dialog for a custom environment file; main reads and checks it, the page gets a pick id. */
  'environment.pickCustomFile': channel(NoInput, CustomEnvironmentPickSchema),
  /** Records the user's confirmation of the active custom environment's non-standard hosts. */
  'environment.confirmHosts': channel(ConfirmHostsSchema, EnvironmentDescriptionSchema),

  /** Opens an http(s) address in the OS browser, only if it is on the allow-list (Altinn, Digdir, Skatteetaten). */
  'external.open': channel(ExternalUrlSchema, z.object({ opened: z.literal(true) })),

  /** Puts a short value on the OS clipboard through main: the page itself holds no clipboard permission. */
  'clipboard.copy': channel(ClipboardTextSchema, z.object({ copied: z.literal(true) })),
} as const;
