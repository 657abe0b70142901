import { z } from 'zod';
import { ProfileSchema } from '../../shared/domain/profile';
import { LanguageSchema } from '../../shared/domain/localized';
import { WindowStateSchema } from '../window/window-state';

/** The settings file, version 1. A change of shape gets a new version and a migration, never a silent reset. */
export const SettingsFileSchema = z
  .object({
    version: z.literal(1),
    language: LanguageSchema,
    profiles: z.array(ProfileSchema),
    activeProfileId: z.uuid().nullable(),
    /** The main window's size, position and maximised state when it was last moved (absent until then). */
    window: WindowStateSchema.optional(),
  })
  .refine((s) => s.activeProfileId === null || s.profiles.some((p) => p.id === s.activeProfileId), {
    message: 'activeProfileId names no profile',
    path: ['activeProfileId'],
  });
export type SettingsFile = z.infer<typeof SettingsFileSchema>;

export const DEFAULT_SETTINGS: SettingsFile = { version: 1, language: 'nb', profiles: [], activeProfileId: null };
