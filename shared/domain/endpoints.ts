import { z } from 'zod';
import { serviceById, type ServiceScopes } from './services-catalogue';
import { isLoopbackHost, isServiceHost } from './service-hosts';

/**
 * The Maskinporten grant, bearer tokens and reports travel to these addresses: https only, except to this machine
 * (the sandbox, a local proxy), and never with user info in the URL.
 */
function isSafeServiceUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

const HTTPS_ONLY =
  'must be an https address (http only to this machine: localhost, 127.0.0.0/8, ::1) / må være en https-adresse (http bare til denne maskinen: localhost, 127.0.0.0/8, ::1)';

const ServiceUrl = z.url({ protocol: /^https?$/ }).refine(isSafeServiceUrl, { message: HTTPS_ONLY });
/** A base URL without a trailing slash, so clients can append the documented paths. */
const BaseUrl = ServiceUrl.transform((u) => u.replace(/\/+$/, ''));

/** What stands in for `{scheme}` when the template is checked as a URL (a valid host label and path segment). */
const SCHEME_PLACEHOLDER = 'innsender-scheme';
const TREDJEPART_TEMPLATE_URL =
  'must be an https URL with {scheme} in it, e.g. https://innrapportering{scheme}.api.skatteetaten.no/v1 / må være en https-adresse med {scheme} i, f.eks. https://innrapportering{scheme}.api.skatteetaten.no/v1';

/**
 * Every address a client needs, for one environment. Clients append the paths the specs document
 * (`/token`, `/authentication/api/v1/systemregister/vendor`, `/api/v1/enduser/dialogs`, …) to these bases, so a
 * corrected host or prefix is a change here or in a custom file, never in a client.
 */
export const EndpointsSchema = z.object({
  maskinporten: z.object({
    /** The grant's `aud`, with its trailing slash exactly as Maskinporten publishes it. */
    issuer: ServiceUrl,
    tokenEndpoint: ServiceUrl,
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
    clientAdminTemplate: z
      .string()
      .refine((t) => isSafeServiceUrl(t.replaceAll('{systemUserId}', 'systemuser')), { message: HTTPS_ONLY })
      .optional(),
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
    /**
     * The a-melding avstemmingsrapport API. Its host and paths are on SwaggerHub only (skatteetaten-apis.md §7);
     * the tables hold an assumed host, and a custom file may leave it out (the report then says it is not set).
     */
    ameldingAvstemming: BaseUrl.optional(),
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
    tredjepartTemplate: z
      .string()
      .includes('{scheme}')
      .refine((t) => isSafeServiceUrl(t.replaceAll('{scheme}', SCHEME_PLACEHOLDER)), {
        message: TREDJEPART_TEMPLATE_URL,
      }),
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

/**
 * Every host the environment's calls go to, as WHATWG URL writes them (the tredjepart template's host with its
 * `{scheme}` kept), each once.
 */
export function endpointHosts(endpoints: Endpoints): string[] {
  const { skatteetaten, altinn, ...rest } = endpoints;
  const { tredjepartTemplate, skattekortScope: _scope, ...apis } = skatteetaten;
  // The client admin page is a template opened in the browser, the delegation API a switch: only hosts count.
  const { clientAdminTemplate, clientDelegationApi: _api, ...altinnUrls } = altinn;
  const urls = [
    ...Object.values(rest).flatMap((group) => Object.values(group)),
    ...Object.values(altinnUrls),
    ...Object.values(apis),
    ...(clientAdminTemplate ? [clientAdminTemplate.replaceAll('{systemUserId}', 'systemuser')] : []),
  ];
  const hosts = urls.map((u) => new URL(u).hostname);
  hosts.push(
    new URL(tredjepartTemplate.replaceAll('{scheme}', SCHEME_PLACEHOLDER)).hostname.replaceAll(
      SCHEME_PLACEHOLDER,
      '{scheme}',
    ),
  );
  return [...new Set(hosts)];
}

/**
 * The hosts outside the services' own domains and this machine: a custom environment that sends the grant, the
 * tokens and the reports there needs the user's explicit, recorded confirmation first.
 */
export function nonStandardHosts(endpoints: Endpoints): string[] {
  return endpointHosts(endpoints).filter(
    (host) => !isLoopbackHost(host) && !isServiceHost(host.replaceAll('{scheme}', SCHEME_PLACEHOLDER)),
  );
}
