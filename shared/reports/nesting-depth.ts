import { error, type Finding } from './finding';

/**
 * How deeply elements (XML) or objects and arrays (JSON) may nest in a report. The deepest real report, an
 * a-melding, nests about ten levels (melding/Leveranse/oppgave/virksomhet/inntektsmottaker/arbeidsforhold/…);
 * 256 is libxml2's own default limit (`xmlParserMaxDepth`, GNOME/libxml2 parserInternals.c), so a file this
 * check accepts is never one the XSD validator refuses for depth alone. Deeper input is hostile: refused at
 * once, before any recursive reader sees it (a JSON file 10,000 levels deep overflowed the stack, exit 3).
 */
export const MAX_NESTING_DEPTH = 256;

/** The finding for input nested deeper than the limit, at the place where it first went too deep. */
export function nestingTooDeepFinding(
  format: 'xml' | 'json',
  line: number,
  column: number,
  maxDepth = MAX_NESTING_DEPTH,
): Finding {
  const what =
    format === 'xml' ? { nb: 'elementer', en: 'elements' } : { nb: 'objekter og lister', en: 'objects and arrays' };
  return {
    ...error(
      'REPORT_NESTING_TOO_DEEP',
      '',
      `Filen har ${what.nb} nestet dypere enn ${maxDepth} nivåer (linje ${line}, kolonne ${column}). Ingen rapport er så dyp, så filen avvises.`,
      `The file has ${what.en} nested deeper than ${maxDepth} levels (line ${line}, column ${column}). No report is that deep, so the file is refused.`,
    ),
    line,
    column,
  };
}

/**
 * Where JSON text first nests deeper than `maxDepth` (1-based line and column of the bracket), or null. One
 * pass, no recursion, skipping strings, so it is linear in the text whatever its shape; it runs before
 * `JSON.parse` so that nothing downstream ever walks a hostile tree.
 */
export function jsonTooDeepAt(text: string, maxDepth = MAX_NESTING_DEPTH): { line: number; column: number } | null {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
      else if (c === 0x0a) {
        line++;
        lineStart = i + 1;
      }
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > maxDepth) return { line, column: i - lineStart + 1 };
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
    else if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return null;
}
