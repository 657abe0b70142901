import { z } from 'zod';
import { channel } from './define';
import { NoInput } from '../schemas';
import { FirmClientsViewSchema } from '../../domain/firm';
import { ClientOverviewSchema } from '../../domain/client-overview';
import { ServiceIdSchema } from '../../domain/setup';

/** Raw text: main checks the number and answers with a message that names the client (FIRM_CLIENT_ORG_INVALID). */
const OrgText = z.string().trim().max(40);

/**
 * An accounting firm's clients (shared/domain/firm.ts): who they are, and whether Altinn has them delegated to the
 * firm's agent systembruker. Every change answers with the whole view.
 */
export const firmChannels = {
  'firm.clients': channel(NoInput, FirmClientsViewSchema),
  'firm.addClient': channel(
    z.object({ orgNumber: OrgText, name: z.string().trim().max(175), services: z.array(ServiceIdSchema).optional() }),
    FirmClientsViewSchema,
  ),
  'firm.removeClient': channel(z.object({ orgNumber: OrgText }), FirmClientsViewSchema),
  /** Reads the agent systembruker's client list from Altinn (where the environment allows its API). */
  'firm.syncDelegations': channel(NoInput, FirmClientsViewSchema),
  /** Where Altinn's list cannot be read: the klientadministrator's word that a client is (or is no longer) attached. */
  'firm.confirmDelegation': channel(z.object({ orgNumber: OrgText, delegated: z.boolean() }), FirmClientsViewSchema),
  /** Opens Altinn's page where the klientadministrator attaches clients (allow-listed, in the OS browser). */
  'firm.openClientAdmin': channel(NoInput, z.object({ opened: z.literal(true) })),
  /**
   * The firm's home: each client of the active firm profile (each profile, for a standard one) with what needs
   * attention, in one answer the page searches, sorts and filters without asking again.
   */
  'firm.overview': channel(NoInput, ClientOverviewSchema),
} as const;
