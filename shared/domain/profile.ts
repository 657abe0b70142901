import { z } from 'zod';
import { OrgNumberSchema } from './org-number';

/**
 * sandbox: the built-in emulator on loopback; test: Digdir test + Skatteetaten TT02; production: the real services;
 * custom: every URL from a JSON file the user names (some real paths are still unconfirmed).
 */
export const EnvironmentNameSchema = z.enum(['sandbox', 'test', 'production', 'custom']);
export type EnvironmentName = z.infer<typeof EnvironmentNameSchema>;

export const CustomHostsConfirmationSchema = z.object({
  hosts: z.array(z.string().min(1).max(253)).max(20),
  confirmedAt: z.iso.datetime(),
});
export type CustomHostsConfirmation = z.infer<typeof CustomHostsConfirmationSchema>;

export const ProfileSchema = z.object({
  id: z.uuid(),
  orgNumber: OrgNumberSchema,
  displayName: z.string().trim().min(1).max(120),
  environment: EnvironmentNameSchema,
  /** Only for `custom`: the file the endpoints are read from (picked in main's file dialog, or named in the CLI). */
  customEnvironmentFile: z.string().min(1).optional(),
  /**
   * Only for `custom`: the hosts outside Altinn's, Digdir's, Maskinporten's and Skatteetaten's domains the user
   * confirmed the grant, tokens and reports may go to, and when. A host not in it stops every call.
   */
  customHostsConfirmed: CustomHostsConfirmationSchema.optional(),
  createdAt: z.iso.datetime(),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const NewProfileSchema = ProfileSchema.pick({
  orgNumber: true,
  displayName: true,
  environment: true,
  customEnvironmentFile: true,
  customHostsConfirmed: true,
}).refine((p) => p.environment !== 'custom' || !!p.customEnvironmentFile, {
  message: 'A custom environment needs a file with its URLs / Et egendefinert miljø trenger en fil med adressene',
  path: ['customEnvironmentFile'],
});
export type NewProfile = z.input<typeof NewProfileSchema>;
