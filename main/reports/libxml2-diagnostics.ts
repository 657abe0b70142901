import { error, type Finding } from '../../shared/reports/finding';

/**
 * One line of libxml2's diagnostics as xmllint prints it and xmllint-wasm parses it: `file:line: …` gives the
 * place; a line without one continues the message before it (a value holding a line break, a parser error's
 * source excerpt). Both XSD engines (`xsd-validate.ts`, `xsd-tree-validate.ts`) describe what libxml2 said in
 * these lines, so the one function below turns either into the same findings.
 */
export interface Libxml2Line {
  readonly message: string;
  readonly loc: { readonly fileName: string; readonly lineNumber: number } | null;
}

/**
 * The findings of each of `count` documents, named in the lines by `indexByName`. A line without a place belongs to
 * the last document named; one before any document's (the schema, libxml2 itself) concerns every document.
 */
export function findingsFromLibxml2Lines(
  lines: readonly Libxml2Line[],
  indexByName: ReadonlyMap<string, number>,
  count: number,
): Finding[][] {
  const byDocument = Array.from({ length: count }, (): Finding[] => []);
  let lastIndex: number | undefined;
  for (const e of lines) {
    // xmllint's "<file> fails to validate" summary has no line: the document's own errors say it already.
    const summary = !e.loc && /^(\S+) fails to validate$/.exec(e.message.trim());
    if (summary && indexByName.has(summary[1]!)) continue;
    const index = e.loc ? indexByName.get(e.loc.fileName) : lastIndex;
    if (index !== undefined) lastIndex = index;
    const message = readable(e.message);
    const line = e.loc?.lineNumber;
    for (const i of index === undefined ? byDocument.keys() : [index])
      byDocument[i]!.push({
        ...error(
          'XSD_INVALID',
          '',
          `Følger ikke skjemaet (XSD)${line ? ` på linje ${line}` : ''}: ${message}`,
          `Does not follow the schema (XSD)${line ? ` at line ${line}` : ''}: ${message}`,
        ),
        ...(line && line > 0 ? { line } : {}),
      });
  }
  return byDocument;
}

/**
 * One libxml2 diagnostic (a structured error: its message, which may hold line breaks, and its line) as the
 * lines xmllint would have printed for it: the first with its place, each further line of the message without.
 */
export function libxml2LinesOf(fileName: string, message: string, lineNumber: number): Libxml2Line[] {
  const parts = message.split('\n');
  // libxml2 ends every message with a line break; xmllint's output has no empty line for it.
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.map((part, i) => ({ message: part, loc: i === 0 ? { fileName, lineNumber } : null }));
}

/** libxml2 could not validate at all (a worker that broke, an internal error): every document it had gets this. */
export function validatorFailedFinding(detail: string): Finding {
  return error(
    'XSD_VALIDATOR_FAILED',
    '',
    `Skjemavalideringen (libxml2) feilet: ${detail}`,
    `Schema validation (libxml2) failed: ${detail}`,
  );
}

/** libxml2 messages without the boilerplate and namespace URIs: "Element 'foo': This element is not expected." */
function readable(message: string): string {
  return message
    .replace(/^.*?Schemas validity error\s*:\s*/, '')
    .replace(/^.*?parser error\s*:\s*/, '')
    .replace(/\{[^}]*\}/g, '')
    .trim();
}
