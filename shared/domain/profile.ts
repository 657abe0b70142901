import { z } from 'zod';
import { OrgNumberSchema } from './org-number';

/**
 * sandbox: the built-in emulator on loopback; test: Digdir test + Skatteetaten TT02; production: the real services;
 * custom: every URL from a JSON file the user names (some real paths are still unconfirmed).
 */
export const EnvironmentNameSchema = z.enum(['sandbox', 'test', 'production', 'custom']);
export type EnvironmentName = z.infer<typeof EnvironmentNameSchema>;

/**
 * `business`: reports for itself with a standard systembruker; `firm`: an accounting firm (regnskapsfører) that
 * reports for its clients with one agent systembruker (shared/domain/firm.ts).
 */
export const ProfileKindSchema = z.enum(['business', 'firm']);
export type ProfileKind = z.infer<typeof ProfileKindSchema>;

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
  /** Absent in profiles saved before firms existed: a business. */
  kind: ProfileKindSchema.optional(),
  /**
   * Sandbox and test only: the organisation the reports and the systembruker are for, when it is not the profile's
   * own. In TT02 the Maskinporten client stays on the real org while the systembruker must belong to a synthetic
   * Tenor org (altinn-auth.md §6, "Systembrukere i test skal registreres på syntetiske organisasjoner").
   */
  reportsOrgNumber: OrgNumberSchema.optional(),
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
  kind: true,
  reportsOrgNumber: true,
})
  .refine((p) => p.environment !== 'custom' || !!p.customEnvironmentFile, {
    message: 'A custom environment needs a file with its URLs / Et egendefinert miljø trenger en fil med adressene',
    path: ['customEnvironmentFile'],
  })
  .refine((p) => !p.reportsOrgNumber || p.environment === 'sandbox' || p.environment === 'test', {
    message:
      'Et eget organisasjonsnummer for rapportene (Tenor) brukes bare i sandkasse og test / a separate reports org (Tenor) is for sandbox and test only',
    path: ['reportsOrgNumber'],
  });
export type NewProfile = z.input<typeof NewProfileSchema>;

export function profileKind(profile: Pick<Profile, 'kind'>): ProfileKind {
  return profile.kind ?? 'business';
}

/** The organisation the profile's reports are checked against and its standard systembruker belongs to. */
export function reportsOrgOf(profile: Pick<Profile, 'orgNumber' | 'reportsOrgNumber'>): string {
  return profile.reportsOrgNumber ?? profile.orgNumber;
}
