import { z } from 'zod';
import { channel } from './define';
import {
  AppInfoSchema,
  EnvironmentDescriptionSchema,
  ClipboardTextSchema,
  ExternalUrlSchema,
  NewProfileSchema,
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
  'profiles.create': channel(NewProfileSchema, ProfileSchema),
  'profiles.update': channel(ProfileUpdateSchema, ProfileSchema),
  'profiles.remove': channel(ProfileIdSchema, ProfilesStateSchema),
  'profiles.activate': channel(ProfileIdSchema, ProfilesStateSchema),

  'environment.describe': channel(NoInput, EnvironmentDescriptionSchema),

  /** Opens an http(s) address in the OS browser, only if it is on the allow-list (Altinn, Digdir, Skatteetaten). */
  'external.open': channel(ExternalUrlSchema, z.object({ opened: z.literal(true) })),

  /** Puts a short value on the OS clipboard through main: the page itself holds no clipboard permission. */
  'clipboard.copy': channel(ClipboardTextSchema, z.object({ copied: z.literal(true) })),
} as const;
