/**
 * The domains of the services Innsender talks to and links to: Altinn (authentication, Dialogporten, approval
 * pages), Digdir (the self-service portal), Maskinporten and Skatteetaten (its APIs and the old `sits.no`
 * gateway, skatteetaten-apis.md §2–3). One list, for the external-link allow-list and for the custom environment
 * file's "non-standard host" confirmation alike.
 */
export const SERVICE_DOMAINS = [
  'altinn.no',
  'altinn.cloud',
  'digdir.no',
  'maskinporten.no',
  'skatteetaten.no',
  'skatteetaten-test.no',
  'sits.no',
] as const;

/** A host name (as WHATWG URL gives it: lower case) at one of the services' domains or below one. */
export function isServiceHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return SERVICE_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/**
 * This machine: `localhost`, 127.0.0.0/8 and `::1`, as WHATWG URL normalises them (`127.1` and `0x7f.0.0.1`
 * become `127.0.0.1`, IPv6 keeps its brackets). Plain http is allowed only here (the sandbox, a local proxy).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
