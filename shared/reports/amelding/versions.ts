/** A-melding namespaces we read; `v2_3` is written by default since it is the current information model. */
export const AMELDING_VERSIONS = ['v2_0', 'v2_1', 'v2_2', 'v2_3'] as const;
export type AMeldingVersion = (typeof AMELDING_VERSIONS)[number];

export const AMELDING_NAMESPACE_PREFIX = 'urn:ske:fastsetting:innsamling:a-meldingen:';

export function namespaceOf(version: AMeldingVersion): string {
  return AMELDING_NAMESPACE_PREFIX + version;
}

export function versionOfNamespace(ns: string): AMeldingVersion | undefined {
  if (!ns.startsWith(AMELDING_NAMESPACE_PREFIX)) return undefined;
  const version = ns.slice(AMELDING_NAMESPACE_PREFIX.length);
  return (AMELDING_VERSIONS as readonly string[]).includes(version) ? (version as AMeldingVersion) : undefined;
}
