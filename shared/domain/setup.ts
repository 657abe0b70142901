import { z } from 'zod';
import { LocalizedTextSchema } from './localized';
import { EnvironmentNameSchema } from './profile';
import { OrgNumberSchema } from './org-number';
import type { ServiceId } from './services-catalogue';
import { ACCESS_PACKAGE_NAMES } from './access-packages';
import { ProfileKindSchema } from './profile';

/**
 * What the setup wizard sees of a profile's Maskinporten and Altinn setup. Everything here is public: key ids,
 * public JWKs, client ids, request ids, a token's claims. No private key and no access token has a field here, so
 * the IPC output check (`main/ipc/dispatch.ts`) strips anything a handler might add by mistake.
 */

export const SERVICE_IDS = [
  'a-melding',
  'a-melding-avstemming',
  'aksjonaerregisteroppgave',
  'skattekort-til-arbeidsgiver',
  'tredjepart-boligselskap',
  'tredjepart-boligsameie',
  'tredjepart-gaver-frivillige',
  'tredjepart-aksjesparekonto',
  'tredjepart-finansprodukter',
  'tredjepart-skattefrie-utbetalinger',
  'tredjepart-opphaverrett',
] as const satisfies readonly ServiceId[];
// Both ways: a service added to the catalogue without being listed here fails the type check.
type Unlisted = Exclude<ServiceId, (typeof SERVICE_IDS)[number]>;
export const SERVICE_IDS_COMPLETE: [Unlisted] extends [never] ? true : Unlisted = true;

export const ServiceIdSchema = z.enum(SERVICE_IDS);

/** How a standard systembruker is granted: one single right per service, or the access packages that cover them. */
export const GrantKindSchema = z.enum(['rights', 'access-packages']);
export type GrantKind = z.infer<typeof GrantKindSchema>;

export const AccessPackageNameSchema = z.enum(ACCESS_PACKAGE_NAMES);

/** The public half of a signing key, as Maskinporten's portal and API take it. */
export const PublicJwkViewSchema = z.object({
  kty: z.literal('RSA'),
  n: z.string().min(1),
  e: z.string().min(1),
  kid: z.string().regex(/^[A-Za-z0-9._-]+$/),
  alg: z.literal('RS256'),
  use: z.literal('sig'),
});

export const KeyViewSchema = z.object({
  kid: z.string(),
  origin: z.enum(['generated', 'imported', 'certificate']),
  /** pending: not yet confirmed uploaded; active: registered on the client; retired: private key deleted. */
  status: z.enum(['pending', 'active', 'retired']),
  createdAt: z.iso.datetime(),
  registeredAt: z.iso.datetime().optional(),
  retiredAt: z.iso.datetime().optional(),
  ageDays: z.number().int(),
  /** A year after upload (or the certificate's end), once registered. */
  expiresAt: z.iso.datetime().optional(),
  daysLeft: z.number().int().optional(),
  publicJwk: PublicJwkViewSchema,
  /** The kid Samarbeidsportalen lists for the key, when the user entered one: the grant names it instead of `kid`. */
  portalKid: z.string().optional(),
  certificate: z
    .object({ subject: z.string(), issuer: z.string(), validTo: z.iso.datetime(), orgNumber: z.string().optional() })
    .optional(),
});
export type KeyView = z.infer<typeof KeyViewSchema>;

export const KeyWarningViewSchema = z.object({
  kind: z.enum(['expired', 'expiring-soon', 'not-registered', 'too-many-keys']),
  kid: z.string().optional(),
  message: LocalizedTextSchema,
});

export const ClientViewSchema = z.object({
  clientId: z.string(),
  /** sandbox: made and given its keys by the wizard; manual: pasted from Samarbeidsportalen. */
  via: z.enum(['sandbox', 'manual']),
  updatedAt: z.iso.datetime(),
});

export const SystemViewSchema = z.object({
  systemId: z.string(),
  clientId: z.string(),
  services: z.array(ServiceIdSchema),
  /** Absent in setups saved before the choice existed: single rights. */
  grant: GrantKindSchema.optional(),
  /** The access packages (names) the system offers, when granted by packages (a firm's: client packages). */
  accessPackages: z.array(AccessPackageNameSchema).optional(),
  registeredAt: z.iso.datetime(),
  /** False when the client id changed after the system was registered: register again. */
  upToDate: z.boolean(),
});

export const RequestStatusSchema = z.enum(['New', 'Accepted', 'Rejected', 'Denied', 'Timedout']);
export type RequestStatus = z.infer<typeof RequestStatusSchema>;

/** A change request's statuses: a request's, plus NoChangeNeeded (altinn-auth.md §5.6). */
export const ChangeRequestStatusSchema = z.enum([
  'New',
  'Accepted',
  'Rejected',
  'Denied',
  'Timedout',
  'NoChangeNeeded',
]);
export type ChangeRequestStatus = z.infer<typeof ChangeRequestStatusSchema>;

/** Services added to or removed from an approved system user, and where the owner's decision stands. */
export const ChangeRequestViewSchema = z.object({
  id: z.string(),
  from: z.array(ServiceIdSchema),
  to: z.array(ServiceIdSchema),
  added: z.array(ServiceIdSchema),
  removed: z.array(ServiceIdSchema),
  status: ChangeRequestStatusSchema,
  createdAt: z.iso.datetime(),
  checkedAt: z.iso.datetime(),
  /** True while main polls Altinn for the owner's decision. */
  watching: z.boolean(),
});
export type ChangeRequestView = z.infer<typeof ChangeRequestViewSchema>;

export const RequestViewSchema = z.object({
  /** `agent`: the firm's systembruker for its clients (altinn-auth.md §5.4). Absent in old setups: standard. */
  kind: z.enum(['standard', 'agent']).optional(),
  /** The approved systembruker's id, once Altinn names it (read from the system user list). */
  systemUserId: z.string().optional(),
  /** Null when Altinn said a system user already exists and no request could be read back. */
  id: z.string().nullable(),
  ownerOrgNumber: z.string(),
  externalRef: z.string(),
  status: RequestStatusSchema,
  createdAt: z.iso.datetime(),
  checkedAt: z.iso.datetime(),
  /** True while main polls Altinn for the owner's decision. */
  watching: z.boolean(),
});

export const ConnectionTestSchema = z.object({
  at: z.iso.datetime(),
  kid: z.string(),
  expiresAt: z.iso.datetime(),
  scopes: z.array(z.string()),
  clientId: z.string().optional(),
  systemUserOrg: z.string().optional(),
  systemUserIds: z.array(z.string()),
  systemId: z.string().optional(),
});
export type ConnectionTest = z.infer<typeof ConnectionTestSchema>;

/** done; ready: the user can act now; waiting: on someone else (the owner); attention: needs a fix; blocked. */
export const StepStateSchema = z.enum(['done', 'ready', 'waiting', 'attention', 'blocked']);
export type StepState = z.infer<typeof StepStateSchema>;

export const SetupOverviewSchema = z.object({
  profileId: z.uuid(),
  orgNumber: z.string(),
  displayName: z.string(),
  environment: EnvironmentNameSchema,
  kind: ProfileKindSchema,
  /** The org the reports and the standard systembruker are for (a Tenor org in TT02, else the profile's own). */
  reportsOrgNumber: z.string(),
  keys: z.array(KeyViewSchema),
  keyWarnings: z.array(KeyWarningViewSchema),
  client: ClientViewSchema.nullable(),
  /** The scopes to put on the Maskinporten client: Altinn's three, the chosen services', and the optional ones. */
  scopes: z.object({ altinn: z.array(z.string()), services: z.array(z.string()), optional: z.array(z.string()) }),
  /** Samarbeidsportalen for this environment (null in the sandbox, where the wizard does it). */
  selfServicePortalUrl: z.url().nullable(),
  services: z.array(ServiceIdSchema),
  system: SystemViewSchema.nullable(),
  request: RequestViewSchema.nullable(),
  /** The latest change of services on the approved system user, if any. */
  changeRequest: ChangeRequestViewSchema.nullable(),
  lastTest: ConnectionTestSchema.nullable(),
  steps: z.object({
    key: StepStateSchema,
    client: StepStateSchema,
    system: StepStateSchema,
    request: StepStateSchema,
    test: StepStateSchema,
  }),
});
export type SetupOverview = z.infer<typeof SetupOverviewSchema>;

/** Pasted key material (renderer → main only; nothing like it is ever sent back). */
export const KeyImportTextSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('key'), text: z.string().min(1).max(64_000) }),
  z.object({
    kind: z.literal('certificate'),
    chainPem: z.string().min(1).max(64_000),
    keyPem: z.string().min(1).max(64_000),
  }),
]);

const KID = z.string().regex(/^[A-Za-z0-9._-]{1,200}$/);
export const KidSchema = z.object({ kid: KID });
/**
 * The kid the self-service portal shows for a key (`null`: use the key's own kid again). Checked again in main, with
 * a message the user can act on, so the raw text is let through here.
 */
export const PortalKidSchema = z.object({ kid: KID, portalKid: z.string().max(200).nullable() });

/** Maskinporten client ids are UUIDs today; accept any plain token-like id so a format change does not lock users out. */
export const ClientIdSchema = z.object({
  clientId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._:-]{4,200}$/),
});

/**
 * A business chooses single rights (default) or access packages; a firm always registers client packages
 * (`accessPackages`, default: the fewest that cover the services, shared/domain/access-packages.ts).
 */
export const RegisterSystemSchema = z.object({
  services: z.array(ServiceIdSchema).min(1),
  grant: GrantKindSchema.optional(),
  /** Package names (or URNs); checked in main, so an unknown one gets a message that names it. */
  accessPackages: z.array(z.string().trim().min(1).max(120)).min(1).optional(),
  /** Another name for the system in Altinn (`<orgnr>_<name>`), when the default id is taken. */
  systemName: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9æøåÆØÅ _-]{1,60}$/)
    .optional(),
});

/** The services the approved system user should have from now on (a change request adds or removes the rest). */
export const ChangeServicesSchema = z.object({ services: z.array(ServiceIdSchema).min(1) });

export const CreateRequestSchema = z.object({ ownerOrgNumber: OrgNumberSchema });

export const SystemUserStatusEventSchema = z.object({
  profileId: z.uuid(),
  requestId: z.string().nullable(),
  status: RequestStatusSchema,
});
