import type { Finding } from './finding';

export interface SourceLocation {
  readonly line: number;
  readonly column: number;
}

/** Called with the document path of every element a reader maps onto its model, and where its start tag began. */
export type ElementVisitor = (path: string, line: number, column: number) => void;

/**
 * Where document paths start in the source file, found on demand: a reader keeps no location per element
 * (issue 4: for a 10,000-person a-melding that map cost more than the parse), and only a file with findings
 * pays for a second pass that records the few places asked for. Only XML has lines.
 */
export interface SourceLocations {
  /** Replays the reader, calling `visit` for every element it maps. */
  walk(visit: ElementVisitor): void;
}

/**
 * Places findings in the source: those with a line from the XSD validator (`byLine`) get the deepest path that
 * starts on that line; the others (`byPath`) the line and column of their path, or of its nearest located
 * ancestor. Every finding gets `file` when given. The result is `byLine` followed by `byPath`.
 */
export function locateFindings(
  findings: { byLine?: readonly Finding[]; byPath: readonly Finding[] },
  locations: SourceLocations | undefined,
  file?: string,
): Finding[] {
  const byLine = findings.byLine ?? [];
  const withFile = (finding: Finding) => (file && !finding.file ? { ...finding, file } : finding);
  const wantedLines = new Set(byLine.flatMap((f) => (f.line ? [f.line] : [])));
  const wantedPaths = new Set<string>();
  for (const finding of findings.byPath) {
    if (finding.line !== undefined) continue;
    for (let path = finding.path; path; path = parentPath(path)) wantedPaths.add(path);
  }
  const found =
    locations && (wantedLines.size || wantedPaths.size) ? find(locations, wantedPaths, wantedLines) : undefined;
  return [
    ...byLine.map((finding) =>
      withFile(finding.line ? { ...finding, path: found?.deepestAtLine.get(finding.line) ?? '' } : finding),
    ),
    ...findings.byPath.map((finding) => {
      if (!found || finding.line !== undefined) return withFile(finding);
      for (let path = finding.path; path; path = parentPath(path)) {
        const location = found.at.get(path);
        if (location) return withFile({ ...finding, line: location.line, column: location.column });
      }
      return withFile(finding);
    }),
  ];
}

/** Thrown by `find`'s visitor to end a walk once everything asked for is found; no reader reports it. */
class WalkComplete extends Error {}

/**
 * Walks until every wanted path is found and the walk is past the last wanted line. Start tags come in document
 * order, so no element later in the file can start on a line already passed, and a reader's paths are unique
 * (repeated elements carry their index), so the first place found for a path is the only one. Findings usually
 * sit near the top (the period, the sums), and stopping there saved most of the second pass: 0.35 s of 1.5 s main-
 * thread CPU on a 10,000-recipient a-melding (issue 12 item 4).
 */
function find(locations: SourceLocations, paths: ReadonlySet<string>, lines: ReadonlySet<number>) {
  const at = new Map<string, SourceLocation>();
  const deepestAtLine = new Map<number, string>();
  let lastLine = 0;
  for (const line of lines) lastLine = Math.max(lastLine, line);
  try {
    locations.walk((path, line, column) => {
      if (line > lastLine && at.size === paths.size) throw new WalkComplete();
      if (paths.has(path) && !at.has(path)) at.set(path, { line, column });
      if (lines.has(line) && path.length > (deepestAtLine.get(line)?.length ?? 0)) deepestAtLine.set(line, path);
    });
  } catch (thrown) {
    // A walk over text ends in the parser, which turns any throw into its own unread result; a walk over a tree
    // lets it through to here.
    if (!(thrown instanceof WalkComplete)) throw thrown;
  }
  return { at, deepestAtLine };
}

function parentPath(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut > 0 ? path.slice(0, cut) : '';
}
