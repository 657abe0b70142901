// saxes rather than fast-xml-parser: saxes is a strict, namespace-aware XML 1.0 well-formedness checker that
// reports exact line/column, never expands DTD entities (it has no DTD processing at all, so an unknown entity
// is a well-formedness error), and lets us stop at the first `<!DOCTYPE` event. fast-xml-parser is lenient by
// design, resolves DOCTYPE entities when asked, and its entity handling has needed several security fixes.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { error, type Finding } from '../finding';
import type { XmlElement } from './xml-element';

export type ParsedXml = { ok: true; root: XmlElement } | { ok: false; finding: Finding };

class DoctypeRejected extends Error {}

const WHITESPACE_ONLY = /^[ \t\r\n]*$/;
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({});

/**
 * Parses XML text into an element tree. A DOCTYPE is refused outright: the formats we read have none, and a
 * DTD is the only door to external entities (XXE) and entity expansion (billion laughs).
 */
export function parseXml(text: string): ParsedXml {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  // Where the start tag began; by `opentag` the parser has already moved past a possibly multi-line tag.
  let tagLine = 1;
  let tagColumn = 1;

  parser.on('doctype', () => {
    throw new DoctypeRejected();
  });
  parser.on('opentagstart', () => {
    tagLine = parser.line;
    tagColumn = parser.column;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    // Most elements have none; they share one frozen empty record instead of an object each.
    let attributes: Record<string, string> = NO_ATTRIBUTES;
    for (const attribute of Object.values(tag.attributes)) {
      if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') continue;
      if (attributes === NO_ATTRIBUTES) attributes = {};
      attributes[attribute.local] = attribute.value;
    }
    const element: XmlElement = {
      name: tag.local,
      ns: tag.uri,
      attributes,
      children: [],
      text: '',
      line: tagLine,
      column: tagColumn,
    };
    const parent = stack[stack.length - 1];
    if (parent) {
      // Whitespace before the first child was kept while the parent might still be a leaf; it is not one.
      if (parent.children.length === 0 && WHITESPACE_ONLY.test(parent.text)) parent.text = '';
      parent.children.push(element);
    } else root = element;
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  // Indentation between child elements is dropped: for a large a-melding it is a third of the strings kept.
  const appendText = (chunk: string) => {
    const current = stack[stack.length - 1];
    if (!current) return;
    if (current.children.length > 0 && current.text === '' && WHITESPACE_ONLY.test(chunk)) return;
    current.text += chunk;
  };
  parser.on('text', appendText);
  parser.on('cdata', appendText);

  try {
    parser.write(text).close();
  } catch (thrown) {
    if (thrown instanceof DoctypeRejected) {
      return {
        ok: false,
        finding: {
          ...error(
            'XML_DOCTYPE_FORBIDDEN',
            '',
            `Filen inneholder en DOCTYPE-deklarasjon (linje ${parser.line}). Rapporter skal ikke ha DTD eller entiteter, så filen avvises av sikkerhetshensyn.`,
            `The file contains a DOCTYPE declaration (line ${parser.line}). Reports must not have a DTD or entities, so the file is refused for safety.`,
          ),
          line: parser.line,
          column: Math.max(1, parser.column),
        },
      };
    }
    return { ok: false, finding: malformed(parser.line, parser.column, describe(thrown)) };
  }
  if (!root) return { ok: false, finding: malformed(parser.line, parser.column, 'no root element') };
  return { ok: true, root };
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
