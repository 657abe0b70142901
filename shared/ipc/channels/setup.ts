import { z } from 'zod';
import { channel } from './define';
import { NoInput } from '../schemas';
import {
  ChangeServicesSchema,
  ClientIdSchema,
  CreateRequestSchema,
  KeyImportTextSchema,
  KidSchema,
  PortalKidSchema,
  PublicJwkViewSchema,
  RegisterSystemSchema,
  SetupOverviewSchema,
} from '../../domain/setup';

/**
 * The setup wizard's channels (issue 3): the profile's Maskinporten key, its Maskinporten client, the system in
 * Altinn's system register, the systembruker request and the connection test. Changes answer with the whole
 * overview, so the wizard redraws from one source. No output carries a private key or a token.
 */
export const setupChannels = {
  'setup.status': channel(NoInput, SetupOverviewSchema),

  /** Writes, reads and deletes a throwaway entry: the keychain works (or KEYCHAIN_UNAVAILABLE says what to do). */
  'keys.checkKeychain': channel(NoInput, z.object({ usable: z.literal(true) })),
  'keys.generate': channel(NoInput, SetupOverviewSchema),
  'keys.importText': channel(KeyImportTextSchema, SetupOverviewSchema),
  /**
   * The native open dialog; `cancelled` when the user closed it. A PKCS#12 file's password crosses here, once, on
   * its way in; no answer carries it.
   */
  'keys.importFile': channel(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.enum(['key', 'certificate']) }),
      z.object({ kind: z.literal('pkcs12'), password: z.string().max(1024) }),
    ]),
    z.object({ cancelled: z.boolean(), overview: SetupOverviewSchema }),
  ),
  'keys.markRegistered': channel(KidSchema, SetupOverviewSchema),
  'keys.retire': channel(KidSchema, SetupOverviewSchema),
  /**
   * The kid Samarbeidsportalen lists for the key when it assigned its own (a pasted PEM gets a UUID); the grant then
   * names that kid. `portalKid: null` goes back to the key's own.
   */
  'keys.setPortalKid': channel(PortalKidSchema, SetupOverviewSchema),
  /** Copies the key as Samarbeidsportalen's "Egne public nøkler" field takes it: a JSON array of one JWK. */
  'keys.copyPublicJwk': channel(KidSchema, z.object({ copied: z.literal(true) })),
  /** The native save dialog; `path` null when cancelled. */
  'keys.savePublicJwk': channel(KidSchema, z.object({ path: z.string().nullable() })),
  /** The JWKS for the self-service API: every live key that is not an enterprise certificate. */
  'keys.publicJwks': channel(NoInput, z.object({ keys: z.array(PublicJwkViewSchema) })),

  /** Sandbox only: creates the client (or reuses it) and uploads the JWKS, as Samarbeidsportalen would. */
  'maskinporten.registerSandboxClient': channel(NoInput, SetupOverviewSchema),
  /** Test and production: the client id the user made in Samarbeidsportalen. */
  'maskinporten.setClientId': channel(ClientIdSchema, SetupOverviewSchema),
  /** Fetches a systembruker token and keeps only its non-secret claims. */
  'maskinporten.testConnection': channel(NoInput, SetupOverviewSchema),

  'systemuser.registerSystem': channel(RegisterSystemSchema, SetupOverviewSchema),
  'systemuser.createRequest': channel(CreateRequestSchema, SetupOverviewSchema),
  /** Opens the request's confirmUrl (as Altinn gave it, allow-listed) in the OS browser and watches for a decision. */
  'systemuser.openApproval': channel(NoInput, z.object({ opened: z.literal(true) })),
  'systemuser.refreshStatus': channel(NoInput, SetupOverviewSchema),
  /** Deletes a rejected, denied or timed-out request in Altinn so a new one can be made. */
  'systemuser.discardRequest': channel(NoInput, SetupOverviewSchema),

  /**
   * Once the systembruker is approved: updates the system to offer the new services' rights and asks the owner to
   * approve the change (a change request), so no new systembruker is needed.
   */
  'systemuser.changeServices': channel(ChangeServicesSchema, SetupOverviewSchema),
  /** Opens the change request's confirmUrl (as Altinn gave it, allow-listed) and watches for the decision. */
  'systemuser.openChangeApproval': channel(NoInput, z.object({ opened: z.literal(true) })),
  'systemuser.refreshChange': channel(NoInput, SetupOverviewSchema),
  /** Withdraws a change still waiting for the owner (or clears a decided one from the page). */
  'systemuser.discardChange': channel(NoInput, SetupOverviewSchema),
} as const;
