import { z } from 'zod';
import { EnvironmentNameSchema, NewProfileSchema, ProfileSchema } from '../domain/profile';
import { EndpointsSchema } from '../domain/endpoints';
import { LanguageSchema, LocalizedTextSchema } from '../domain/localized';

/** Payload schemas of the foundation's channels; each capability keeps its own next to its domain types. */

export const NoInput = z.undefined();

export const AppInfoSchema = z.object({
  name: z.literal('Innsender'),
  version: z.string(),
  /** How main is hosted: inside Electron, or the real-browser harness / CLI under plain Node. */
  host: z.enum(['electron', 'node']),
  dataDir: z.string(),
});

export const SettingsSchema = z.object({ language: LanguageSchema });

/** A problem found while loading settings that the user must hear about (a corrupt file set aside, …). */
export const SettingsNoticeSchema = z.object({
  code: z.string(),
  message: LocalizedTextSchema,
  backupFile: z.string().optional(),
});

export const ProfilesStateSchema = z.object({
  profiles: z.array(ProfileSchema),
  activeProfileId: z.uuid().nullable(),
  notices: z.array(SettingsNoticeSchema),
});

export const ProfileIdSchema = z.object({ id: z.uuid() });

export const ProfileUpdateSchema = z.object({
  id: z.uuid(),
  displayName: z.string().trim().min(1).max(120).optional(),
  environment: EnvironmentNameSchema.optional(),
  customEnvironmentFile: z.string().min(1).optional(),
});

export { NewProfileSchema, ProfileSchema };

export const SandboxStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('stopped') }),
  z.object({ state: z.literal('running'), baseUrl: z.url() }),
  z.object({ state: z.literal('failed'), message: LocalizedTextSchema }),
]);

export const EnvironmentDescriptionSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('no-profile') }),
  z.object({
    status: z.literal('ready'),
    environment: EnvironmentNameSchema,
    endpoints: EndpointsSchema,
    sandbox: SandboxStatusSchema,
  }),
  z.object({ status: z.literal('invalid'), environment: EnvironmentNameSchema, message: LocalizedTextSchema }),
]);

export const ExternalUrlSchema = z.object({ url: z.url({ protocol: /^https?$/ }).max(2048) });

/** A value a person copies off a page (an amount, a KID, an account number): short, one line, printable. */
export const ClipboardTextSchema = z
  .object({
    text: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^\p{Cc}]+$/u),
  })
  .strict();
