/**
 * Are Skatteetaten's published XSDs still the ones Innsender ships? Reads the published files (from a folder, or
 * from URLs: by default the current RF-1086 XSDs on raw.githubusercontent.com), takes each one's SHA-256 and the
 * spesifikasjonsnummer it fixes, and compares them with `assets/schemas/PROVENANCE.md`: a file is shipped (same
 * bytes), changed (a shipped number, other bytes) or new (a number Innsender has no XSD for).
 *
 *   npm run schemas:check                      # the default URLs (network; refused when CI is set)
 *   npm run schemas:check -- --dir <folder>    # every *.xsd in a folder, offline
 *   npm run schemas:check -- <url>…            # other URLs
 *
 * Exit code 0: nothing new; 1: something new or changed (add it: PROVENANCE.md, "Adding a version"); 2: bad
 * usage, or a source that could not be read. CI must only ever run it with --dir.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const DEFAULT_SOURCES = [
  'https://raw.githubusercontent.com/Skatteetaten/api-dokumentasjon/main/static/download/aksjonaerregisteroppgaveHovedskjema.xsd',
  'https://raw.githubusercontent.com/Skatteetaten/api-dokumentasjon/main/static/download/aksjonaerregisteroppgaveUnderskjema.xsd',
];
export const PROVENANCE_PATH = fileURLToPath(new URL('../assets/schemas/PROVENANCE.md', import.meta.url));

export interface PublishedXsd {
  /** The folder path or URL it was read from. */
  readonly source: string;
  readonly bytes: Uint8Array;
}

/** A row of PROVENANCE.md's table: a shipped file, the number it fixes ('–' for none) and its SHA-256. */
export interface ShippedXsd {
  readonly file: string;
  readonly spesifikasjonsnummer: string | null;
  readonly sha256: string;
}

export type SchemaVersionStatus =
  | { readonly source: string; readonly status: 'shipped'; readonly file: string }
  | {
      readonly source: string;
      readonly status: 'changed';
      readonly file: string;
      readonly spesifikasjonsnummer: string;
      readonly sha256: string;
    }
  | {
      readonly source: string;
      readonly status: 'new';
      readonly spesifikasjonsnummer: string | null;
      readonly skjemanummer: string | null;
      readonly sha256: string;
    };

/** The shipped files as PROVENANCE.md's table lists them (columns found by their header, in any order). */
export function parseProvenance(markdown: string): ShippedXsd[] {
  const lines = markdown.split('\n');
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim().replace(/^`|`$/g, ''));
  const start = lines.findIndex((l) => /^\|\s*file\s*\|/.test(l.trim()));
  if (start < 0) throw new Error('PROVENANCE.md has no table with a "file" column.');
  const header = cells(lines[start]!);
  const column = (name: string) => {
    const at = header.indexOf(name);
    if (at < 0) throw new Error(`PROVENANCE.md's table has no "${name}" column.`);
    return at;
  };
  const [file, number, sha] = [column('file'), column('spesifikasjonsnummer'), column('sha256')];
  const rows: ShippedXsd[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.trim().startsWith('|')) break;
    const row = cells(line);
    const spesifikasjonsnummer = /^\d+$/.test(row[number] ?? '') ? row[number]! : null;
    rows.push({ file: row[file]!, spesifikasjonsnummer, sha256: row[sha]!.toLowerCase() });
  }
  return rows;
}

/** The fixed value of a root attribute an Altinn 2 style XSD declares (`skjemanummer`, `spesifikasjonsnummer`). */
export function fixedAttribute(xsd: string, name: string): string | null {
  const declaration = new RegExp(`<xs:attribute\\b[^>]*\\bname="${name}"[^>]*>`).exec(xsd)?.[0];
  return declaration ? (/\bfixed="([^"]*)"/.exec(declaration)?.[1] ?? null) : null;
}

export function compareWithProvenance(
  published: readonly PublishedXsd[],
  shipped: readonly ShippedXsd[],
): SchemaVersionStatus[] {
  return published.map(({ source, bytes }) => {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const same = shipped.find((s) => s.sha256 === sha256);
    if (same) return { source, status: 'shipped', file: same.file };
    const text = new TextDecoder().decode(bytes);
    const spesifikasjonsnummer = fixedAttribute(text, 'spesifikasjonsnummer');
    const sameNumber = spesifikasjonsnummer && shipped.find((s) => s.spesifikasjonsnummer === spesifikasjonsnummer);
    if (sameNumber) return { source, status: 'changed', file: sameNumber.file, spesifikasjonsnummer, sha256 };
    return { source, status: 'new', spesifikasjonsnummer, skjemanummer: fixedAttribute(text, 'skjemanummer'), sha256 };
  });
}

export function formatReport(statuses: readonly SchemaVersionStatus[]): string {
  const lines = statuses.map((s) => {
    if (s.status === 'shipped') return `shipped  ${s.source}\n         = assets/schemas/${s.file}`;
    if (s.status === 'changed')
      return `CHANGED  ${s.source}\n         spesifikasjonsnummer ${s.spesifikasjonsnummer} is shipped as assets/schemas/${s.file}, but these bytes differ (sha256 ${s.sha256})`;
    const number = s.spesifikasjonsnummer ?? 'none found';
    return `NEW      ${s.source}\n         spesifikasjonsnummer ${number}${s.skjemanummer ? ` (skjemanummer ${s.skjemanummer})` : ''}, sha256 ${s.sha256}: not shipped`;
  });
  const news = statuses.filter((s) => s.status !== 'shipped').length;
  lines.push(
    news
      ? `${news} of ${statuses.length} published file(s) new or changed: see "Adding a version" in assets/schemas/PROVENANCE.md.`
      : `All ${statuses.length} published file(s) are shipped.`,
  );
  return lines.join('\n');
}

export async function readPublishedFromDir(dir: string): Promise<PublishedXsd[]> {
  const names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.xsd')).sort();
  if (!names.length) throw new Error(`No .xsd files in ${dir}.`);
  return Promise.all(names.map(async (n) => ({ source: join(dir, n), bytes: await readFile(join(dir, n)) })));
}

export async function fetchPublished(urls: readonly string[], fetchImpl: typeof fetch): Promise<PublishedXsd[]> {
  return Promise.all(
    urls.map(async (url) => {
      const response = await fetchImpl(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return { source: url, bytes: new Uint8Array(await response.arrayBuffer()) };
    }),
  );
}

export interface CheckSchemaVersionsIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly out: (text: string) => void;
  readonly fetch: typeof fetch;
  readonly provenancePath?: string;
}

/** The command: parses arguments, reads the sources, prints the report; resolves to the exit code. */
export async function checkSchemaVersions(args: readonly string[], io: CheckSchemaVersionsIo): Promise<number> {
  const dirAt = args.indexOf('--dir');
  const dir = dirAt >= 0 ? args[dirAt + 1] : undefined;
  if (dirAt >= 0 && !dir) {
    io.out('Usage: check-schema-versions [--dir <folder> | <url>…]');
    return 2;
  }
  const urls = dirAt >= 0 ? [] : args.length ? [...args] : DEFAULT_SOURCES;
  // A build must not depend on, or hammer, GitHub: in CI only a folder fetched some other way is compared.
  if (!dir && io.env.CI) {
    io.out('Refusing to read published XSDs over the network in CI; pass --dir <folder> instead.');
    return 2;
  }
  try {
    const shipped = parseProvenance(await readFile(io.provenancePath ?? PROVENANCE_PATH, 'utf8'));
    const published = dir ? await readPublishedFromDir(dir) : await fetchPublished(urls, io.fetch);
    const statuses = compareWithProvenance(published, shipped);
    io.out(formatReport(statuses));
    return statuses.every((s) => s.status === 'shipped') ? 0 : 1;
  } catch (e) {
    io.out(`Could not check: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await checkSchemaVersions(process.argv.slice(2), {
    env: process.env,
    out: (text) => console.log(text),
    fetch,
  });
}
