import type { Finding } from '../finding';
import { readXmlEvents, type XmlEventHandler, type XmlStartTag } from './read-xml-events';
import type { XmlElement } from './xml-element';

export type ParsedXml = { ok: true; root: XmlElement } | { ok: false; finding: Finding };

/** Parses XML text into an element tree (strict, no DOCTYPE: see `readXmlEvents`). */
export function parseXml(text: string): ParsedXml {
  const read = readXmlEvents(text, () => new XmlTreeBuilder());
  return read.ok ? { ok: true, root: read.value } : read;
}

const WHITESPACE_ONLY = /^[ \t\r\n]*$/;
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({});

/** Builds the element tree from the reader's events. */
export class XmlTreeBuilder implements XmlEventHandler<XmlElement> {
  private readonly stack: XmlElement[] = [];
  private root: XmlElement | undefined;

  open(tag: XmlStartTag, line: number, column: number): void {
    // Most elements have none; they share one frozen empty record instead of an object each.
    let attributes: Record<string, string> = NO_ATTRIBUTES;
    for (const attribute of Object.values(tag.attributes)) {
      if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') continue;
      if (attributes === NO_ATTRIBUTES) attributes = {};
      attributes[attribute.local] = attribute.value;
    }
    const element: XmlElement = { name: tag.local, ns: tag.uri, attributes, children: [], text: '', line, column };
    const parent = this.stack[this.stack.length - 1];
    if (parent) {
      // Whitespace before the first child was kept while the parent might still be a leaf; it is not one.
      if (parent.children.length === 0 && WHITESPACE_ONLY.test(parent.text)) parent.text = '';
      parent.children.push(element);
    } else this.root = element;
    this.stack.push(element);
  }

  // Indentation between child elements is dropped: for a large document it is a third of the strings kept.
  text(chunk: string): void {
    const current = this.stack[this.stack.length - 1];
    if (!current) return;
    if (current.children.length > 0 && current.text === '' && WHITESPACE_ONLY.test(chunk)) return;
    current.text += chunk;
  }

  close(): void {
    this.stack.pop();
  }

  finish(): XmlElement {
    return this.root!;
  }
}
