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

/**
 * A custom environment file as the page knows it: main showed the dialog and read the file, and the page gets a
 * pick id to name it by, never a path to send back. `nonStandardHosts` need the user's explicit confirmation.
 */
export const CustomEnvironmentPickSchema = z.discriminatedUnion('cancelled', [
  z.object({ cancelled: z.literal(true) }),
  z.object({
    cancelled: z.literal(false),
    pickId: z.uuid(),
    fileName: z.string(),
    nonStandardHosts: z.array(z.string()),
  }),
]);

/** What the page may say about a custom environment: the pick, and the hosts it confirms (all it was shown). */
const CustomEnvironmentChoice = {
  customEnvironmentPick: z.uuid().optional(),
  confirmHosts: z.array(z.string().min(1).max(253)).max(20).optional(),
};

/** `profiles.create` from the page or the CLI: no file path crosses, only a pick main made. */
export const NewProfileRequestSchema = z
  .object({ ...NewProfileSchema.shape, ...CustomEnvironmentChoice })
  .omit({ customEnvironmentFile: true, customHostsConfirmed: true })
  .refine((p) => p.environment !== 'custom' || !!p.customEnvironmentPick, {
    message:
      'A custom environment needs a file with its URLs: choose one / Et egendefinert miljø trenger en fil med adressene: velg en',
    path: ['customEnvironmentPick'],
  });

export const ProfileUpdateSchema = z.object({
  id: z.uuid(),
  displayName: z.string().trim().min(1).max(120).optional(),
  environment: EnvironmentNameSchema.optional(),
  ...CustomEnvironmentChoice,
});

/** The hosts the user confirms for the active profile's custom environment, exactly as they were shown. */
export const ConfirmHostsSchema = z.object({ hosts: z.array(z.string().min(1).max(253)).min(1).max(20) });

export { ProfileSchema };

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
  /** A custom file names hosts outside the services' domains that the user has not confirmed: nothing is sent. */
  z.object({
    status: z.literal('unconfirmed-hosts'),
    environment: EnvironmentNameSchema,
    hosts: z.array(z.string()),
    message: LocalizedTextSchema,
  }),
]);

/**
 * The raw text as the page has it: zod's URL check would quietly rewrite it (dropping a tab, say), and main's
 * `externalUrlToOpen` must judge what was actually sent.
 */
export const ExternalUrlSchema = z.object({ url: z.string().min(1).max(2048) });

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
