/**
 * The only places the app sends the user's browser: Altinn (approving a systembruker), Digdir (the Maskinporten
 * self-service portal), Skatteetaten and Maskinporten's documentation. Everything else is refused, so a link
 * planted in a feedback document cannot open an arbitrary site.
 */
const ALLOWED_HOST_SUFFIXES = [
  'altinn.no',
  'altinn.cloud',
  'digdir.no',
  'maskinporten.no',
  'skatteetaten.no',
  'skatteetaten-test.no',
  'sits.no',
] as const;

export function isAllowedExternalUrl(raw: string, extraOrigins: readonly string[] = []): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  // The sandbox's own emulated Altinn pages (loopback) are allowed only by exact origin.
  if (extraOrigins.includes(url.origin)) return true;
  if (url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  return ALLOWED_HOST_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}
