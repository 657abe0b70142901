// saxes rather than fast-xml-parser: saxes is a strict, namespace-aware XML 1.0 well-formedness checker that
// reports exact line/column, never expands DTD entities (it has no DTD processing at all, so an unknown entity
// is a well-formedness error), and lets us stop at the first `<!DOCTYPE` event. fast-xml-parser is lenient by
// design, resolves DOCTYPE entities when asked, and its entity handling has needed several security fixes.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { error, type Finding } from '../finding';
import { MAX_NESTING_DEPTH, nestingTooDeepFinding } from '../nesting-depth';
import { NamespaceScope, type ResolvedStartTag } from './namespace-scope';

/** What a handler sees of a start tag: the local name, the namespace URI and the attributes. */
export type XmlStartTag = ResolvedStartTag;

/**
 * What a reader does with the document's elements, in document order. `open` and `close` pair up (a
 * self-closing tag gives both); `text` is character data (text and CDATA) inside the root element.
 */
export interface XmlEventHandler<T> {
  open(tag: XmlStartTag, line: number, column: number): void;
  text(chunk: string): void;
  close(): void;
  finish(): T;
}

/** The same handler with its result mapped, so one pass can pick between readers of different results. */
export function mapXmlEventHandler<T, U>(handler: XmlEventHandler<T>, map: (value: T) => U): XmlEventHandler<U> {
  return {
    open: (tag, line, column) => handler.open(tag, line, column),
    text: (chunk) => handler.text(chunk),
    close: () => handler.close(),
    finish: () => map(handler.finish()),
  };
}

export type XmlEventsRead<T> = { ok: true; value: T } | { ok: false; finding: Finding };

class DoctypeRejected extends Error {}
class NestingTooDeep extends Error {}

/**
 * Runs one strict saxes pass over `text`, handing the events to the handler `handlerFor` picks once it has
 * seen the root element, so a reader can map a large document straight onto its model without a tree.
 * A DOCTYPE is refused outright: the formats we read have none, and a DTD is the only door to external
 * entities (XXE) and entity expansion (billion laughs).
 */
export function readXmlEvents<T>(
  text: string,
  handlerFor: (root: XmlStartTag) => XmlEventHandler<T>,
): XmlEventsRead<T> {
  const reader = xmlEventsReader(handlerFor);
  reader.write(text);
  return reader.close();
}

/** The same pass fed in pieces: a large file's text, decoded chunk by chunk, never has to exist whole. */
export interface XmlEventsReader<T> {
  /** The next piece of the text (a piece may end anywhere, even inside a tag). */
  write(chunk: string): void;
  /** The end of the text: the handler's result, or the first thing wrong with the document. */
  close(): XmlEventsRead<T>;
}

export function xmlEventsReader<T>(handlerFor: (root: XmlStartTag) => XmlEventHandler<T>): XmlEventsReader<T> {
  // Namespaces are resolved here, not by saxes's `xmlns` mode (see NamespaceScope: that one is quadratic in depth).
  const parser = new SaxesParser({ xmlns: false, position: true });
  const scope = new NamespaceScope();
  let handler: XmlEventHandler<T> | undefined;
  let depth = 0;
  // Where the start tag began; by `opentag` the parser has already moved past a possibly multi-line tag.
  let tagLine = 1;
  let tagColumn = 1;
  // The first error stops the pass: later pieces are not read.
  let failed: Finding | undefined;

  parser.on('doctype', () => {
    throw new DoctypeRejected();
  });
  parser.on('opentagstart', () => {
    tagLine = parser.line;
    tagColumn = parser.column;
  });
  parser.on('opentag', (plain: SaxesTagPlain) => {
    const tag = scope.open(plain.name, plain.attributes);
    handler ??= handlerFor(tag);
    // Bounded before any reader builds on it: a tree or model that deep is only ever hostile input.
    if (++depth > MAX_NESTING_DEPTH) throw new NestingTooDeep();
    handler.open(tag, tagLine, tagColumn);
  });
  parser.on('closetag', () => {
    depth--;
    scope.close();
    handler!.close();
  });
  const onText = (chunk: string) => {
    if (depth > 0) handler!.text(chunk);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  const failure = (thrown: unknown): Finding => {
    if (thrown instanceof DoctypeRejected) {
      return {
        ...error(
          'XML_DOCTYPE_FORBIDDEN',
          '',
          `Filen inneholder en DOCTYPE-deklarasjon (linje ${parser.line}). Rapporter skal ikke ha DTD eller entiteter, så filen avvises av sikkerhetshensyn.`,
          `The file contains a DOCTYPE declaration (line ${parser.line}). Reports must not have a DTD or entities, so the file is refused for safety.`,
        ),
        line: parser.line,
        column: Math.max(1, parser.column),
      };
    }
    if (thrown instanceof NestingTooDeep) return nestingTooDeepFinding('xml', tagLine, Math.max(1, tagColumn));
    return malformed(parser.line, parser.column, describe(thrown));
  };
  const guarded = (step: () => void) => {
    if (failed) return;
    try {
      step();
    } catch (thrown) {
      failed = failure(thrown);
    }
  };

  return {
    write: (chunk) => guarded(() => parser.write(chunk)),
    close: () => {
      guarded(() => parser.close());
      if (failed) return { ok: false, finding: failed };
      if (!handler) return { ok: false, finding: malformed(parser.line, parser.column, 'no root element') };
      return { ok: true, value: handler.finish() };
    },
  };
}

function describe(thrown: unknown): string {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  // saxes prefixes "line:column: "; the finding carries those separately.
  return message.replace(/^(?:[^:]*:)?\d+:\d+:\s*/, '');
}

function malformed(line: number, rawColumn: number, detail: string): Finding {
  const column = Math.max(1, rawColumn);
  return {
    ...error(
      'XML_MALFORMED',
      '',
      `Filen er ikke velformet XML (linje ${line}, kolonne ${column}): ${detail}`,
      `The file is not well-formed XML (line ${line}, column ${column}): ${detail}`,
    ),
    line: Math.max(1, line),
    column,
  };
}
