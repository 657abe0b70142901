import { z } from 'zod';
import { serviceById, type ServiceScopes } from './services-catalogue';

const HttpUrl = z.url({ protocol: /^https?$/ });
/** A base URL without a trailing slash, so clients can append the documented paths. */
const BaseUrl = HttpUrl.transform((u) => u.replace(/\/+$/, ''));

/**
 * Every address a client needs, for one environment. Clients append the paths the specs document
 * (`/token`, `/authentication/api/v1/systemregister/vendor`, `/api/v1/enduser/dialogs`, …) to these bases, so a
 * corrected host or prefix is a change here or in a custom file, never in a client.
 */
export const EndpointsSchema = z.object({
  maskinporten: z.object({
    /** The grant's `aud`, with its trailing slash exactly as Maskinporten publishes it. */
    issuer: HttpUrl,
    tokenEndpoint: HttpUrl,
  }),
  altinn: z.object({
    /** platform.altinn.no: authentication (system register, system user requests) and events live below it. */
    platform: BaseUrl,
    /** Where the owner approves a system user request (the API also returns the full confirmUrl). */
    accessManagementUi: BaseUrl,
    /**
     * Where a firm's klientadministrator attaches clients to the agent systembruker; `{systemUserId}` is replaced.
     * Altinn's UI path is UNCONFIRMED (the portal's "system access" overview is documented, a deep link is not).
     */
    clientAdminTemplate: z.string().optional(),
    /**
     * Read the agent systembruker's clients from Altinn's client delegation API (altinn:clientdelegations.read).
     * Off unless set: Altinn documents the API for a person's or a client-administrator systembruker's token,
     * and its scope is granted by Altinn support (main/altinn/client-delegations.ts).
     */
    clientDelegationApi: z.boolean().optional(),
  }),
  dialogporten: z.object({ base: BaseUrl }),
  skatteetaten: z.object({
    amelding: BaseUrl,
    aksjonaerregister: BaseUrl,
    /** The old gateway host that skattekort til arbeidsgiver is served from. */
    skattekort: BaseUrl,
    /**
     * The scope skattekort's token asks for. The sources conflict (skatteetaten-apis.md §3, altinn-auth.md §6):
     * the official page says `skatteetaten:forskudd` (the default here), NAV's production configuration
     * `skatteetaten:skattekorttilarbeidsgiver`. A custom environment file may set either; left out, the documented
     * one (the catalogue's) is used.
     */
    skattekortScope: z
      .string()
      .regex(/^[a-z0-9]+:[a-z0-9._/-]+$/i)
      .optional(),
    /** `{scheme}` is replaced by the tredjepartsopplysning scheme's API name. */
    tredjepartTemplate: z.string().includes('{scheme}'),
  }),
  digdir: z.object({ selfServicePortal: BaseUrl }),
});
export type Endpoints = z.infer<typeof EndpointsSchema>;
export type EndpointsInput = z.input<typeof EndpointsSchema>;

/** The environment's scope choices, in the shape the services catalogue takes. */
export function serviceScopes(endpoints: Endpoints): ServiceScopes {
  return {
    'skattekort-til-arbeidsgiver':
      endpoints.skatteetaten.skattekortScope ?? serviceById('skattekort-til-arbeidsgiver').scope,
  };
}
