import type { Finding } from './finding';

/** Where each document path starts in the source file, so findings can point at a line. Only XML has lines. */
export type SourceLocations = Map<string, { line: number; column: number }>;

/** Adds line/column to findings whose path (or its nearest ancestor) has a known location. */
export function locateFindings(findings: Finding[], locations: SourceLocations | undefined, file?: string): Finding[] {
  return findings.map((finding) => {
    const withFile = file && !finding.file ? { ...finding, file } : finding;
    if (!locations || finding.line !== undefined) return withFile;
    let path = finding.path;
    while (path) {
      const location = locations.get(path);
      if (location) return { ...withFile, line: location.line, column: location.column };
      const cut = path.lastIndexOf('/');
      path = cut > 0 ? path.slice(0, cut) : '';
    }
    return withFile;
  });
}

/** The deepest path whose element starts on `line` (xmllint reports lines only). */
export function pathAtLine(locations: SourceLocations | undefined, line: number): string {
  if (!locations) return '';
  let best = '';
  for (const [path, location] of locations) {
    if (location.line === line && path.length > best.length) best = path;
  }
  return best;
}
