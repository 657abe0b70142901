import { z } from 'zod';
import { OrgNumberSchema } from './org-number';
import { ServiceIdSchema } from './setup';
import { LocalizedTextSchema } from './localized';

/**
 * An accounting firm (regnskapsfører) and the organisations it reports for. The firm's one agent systembruker is
 * approved by its hovedadministrator; its klientadministrator then attaches clients to it in Altinn
 * (altinn-auth.md §5.4; Skatteetaten's "Sjekkliste ved rapportering" for accountants). Tokens name the firm in
 * `systemuser_org`; each report names the client as opplysningspliktig.
 */

/**
 * Where a client's delegation to the agent systembruker stands, as Innsender last saw it in Altinn:
 * `not-delegated` (added in Innsender, not yet attached by the klientadministrator), `delegated`, `removed`
 * (was delegated, no longer is: sending for it is refused until it is attached again).
 */
export const DelegationStateSchema = z.enum(['not-delegated', 'delegated', 'removed']);
export type DelegationState = z.infer<typeof DelegationStateSchema>;

/** One client of the firm: a record background work (issue 14) iterates over. */
export const FirmClientSchema = z.object({
  orgNumber: OrgNumberSchema,
  name: z.string().trim().min(1).max(175),
  /** The services the firm handles for this client (a subset of the firm's registered ones). */
  services: z.array(ServiceIdSchema),
  delegation: z.object({
    state: DelegationStateSchema,
    /** When Innsender last read the client list from Altinn (null: never). */
    checkedAt: z.iso.datetime().nullable(),
    /** Altinn's party uuid for the client, once the delegation list named it. */
    altinnClientId: z.string().optional(),
  }),
  addedAt: z.iso.datetime(),
});
export type FirmClient = z.infer<typeof FirmClientSchema>;

/**
 * A client Altinn lists on the firm's agent systembruker that Innsender's client list lacks: most often the real
 * number of a client typed with another company's valid number (which then shows _Ikke lagt til_). Kept from the last
 * good read of Altinn's list (ClientInfo: `clientOrganizationNumber`, `clientOrganizationName`, which Altinn may
 * leave out, and `clientId`; Altinn/altinn-authentication src/Authentication/Model/ClientInfo.cs @ ad4f6f36).
 */
export const AltinnOnlyClientSchema = z.object({
  orgNumber: OrgNumberSchema,
  name: z.string().trim().min(1).max(175).nullable(),
  altinnClientId: z.string(),
});
export type AltinnOnlyClient = z.infer<typeof AltinnOnlyClientSchema>;

export const NewFirmClientSchema = z.object({
  orgNumber: OrgNumberSchema,
  name: z.string().trim().min(1).max(175),
  /** Empty: every service the firm registered. */
  services: z.array(ServiceIdSchema).default([]),
});
export type NewFirmClient = z.input<typeof NewFirmClientSchema>;

export const FirmClientsViewSchema = z.object({
  profileId: z.uuid(),
  firmOrgNumber: z.string(),
  /** The approved agent systembruker's id, or null before approval. */
  agentSystemUserId: z.string().nullable(),
  clients: z.array(FirmClientSchema),
  /** Delegated in Altinn, not in `clients`: what the firm can add with one click (empty until Altinn was read). */
  altinnOnly: z.array(AltinnOnlyClientSchema),
  /** Where the klientadministrator attaches clients in Altinn (null until the agent systembruker is approved). */
  clientAdminUrl: z.string().nullable(),
  /** Whether the delegation list is read from Altinn's API (else the klientadministrator's word is asked for). */
  delegationApi: z.boolean(),
  /** Why the last read of Altinn's list failed, if it did. */
  lastSyncError: LocalizedTextSchema.nullable(),
});
export type FirmClientsView = z.infer<typeof FirmClientsViewSchema>;

export const ClientOrgSchema = z.object({ orgNumber: OrgNumberSchema });
