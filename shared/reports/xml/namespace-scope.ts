import type { SaxesAttributeNS } from 'saxes';

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/** A namespace well-formedness error (Namespaces in XML 1.0 §3–§6); the reader reports it with line and column. */
export class NamespaceError extends Error {}

/** An element's start tag with its names resolved: what the readers see (`XmlStartTag`). */
export interface ResolvedStartTag {
  local: string;
  uri: string;
  attributes: Record<string, SaxesAttributeNS>;
}

const NONE: readonly string[] = Object.freeze([]);
const NO_ATTRIBUTES: Record<string, SaxesAttributeNS> = Object.freeze({}) as Record<string, SaxesAttributeNS>;

/**
 * Namespace resolution (W3C Namespaces in XML 1.0, https://www.w3.org/TR/xml-names/) from one scoped map, prefix → stack of URIs: a start tag pushes the prefixes it declares,
 * its end tag pops them, and a lookup is the top of one stack, so each element is resolved in time proportional
 * to its own attributes. saxes's own `xmlns` mode (saxes 6.0.0, `resolve()` in lddubeau/saxes `src/saxes.ts`) looks
 * a prefix up by walking the stack of open elements for every element that does not declare it, which is quadratic in the depth: a 274 KiB file of nested tags held the
 * main thread for 15 s (issue 11).
 */
export class NamespaceScope {
  private readonly bindings = new Map<string, string[]>([
    ['xml', [XML_NAMESPACE]],
    ['xmlns', [XMLNS_NAMESPACE]],
  ]);
  /** The prefixes each open element declared, innermost last. */
  private readonly declared: (readonly string[])[] = [];

  /** Enters an element: binds its `xmlns` attributes, then resolves its name and its attributes' names. */
  open(name: string, attributes: Readonly<Record<string, string>>): ResolvedStartTag {
    let declaredHere: string[] | undefined;
    for (const attribute in attributes) {
      const prefix = attribute === 'xmlns' ? '' : attribute.startsWith('xmlns:') ? attribute.slice(6) : undefined;
      if (prefix === undefined) continue;
      const uri = attributes[attribute]!.trim();
      checkBinding(prefix, uri);
      let stack = this.bindings.get(prefix);
      if (!stack) this.bindings.set(prefix, (stack = []));
      stack.push(uri);
      (declaredHere ??= []).push(prefix);
    }
    this.declared.push(declaredHere ?? NONE);

    const element = splitName(name);
    if (element.prefix === 'xmlns') throw new NamespaceError('tags may not have "xmlns" as prefix.');
    const uri = this.uriOf(element.prefix);
    if (uri === undefined) throw new NamespaceError(`unbound namespace prefix: ${JSON.stringify(element.prefix)}.`);

    let resolved = NO_ATTRIBUTES;
    let seen: Set<string> | undefined;
    for (const attribute in attributes) {
      const { prefix, local } = splitName(attribute);
      // The default namespace does not apply to attributes (Namespaces in XML 1.0 §6.2).
      const attributeUri = prefix === '' ? (attribute === 'xmlns' ? XMLNS_NAMESPACE : '') : this.uriOf(prefix);
      if (attributeUri === undefined) {
        throw new NamespaceError(`unbound namespace prefix: ${JSON.stringify(prefix)}.`);
      }
      if (prefix !== '') {
        const expanded = `{${attributeUri}}${local}`;
        seen ??= new Set();
        if (seen.has(expanded)) throw new NamespaceError(`duplicate attribute: ${expanded}.`);
        seen.add(expanded);
      }
      if (resolved === NO_ATTRIBUTES) resolved = {};
      resolved[attribute] = { name: attribute, prefix, local, uri: attributeUri, value: attributes[attribute]! };
    }
    return { local: element.local, uri, attributes: resolved };
  }

  /** Leaves the innermost element: its declarations go out of scope. */
  close(): void {
    for (const prefix of this.declared.pop() ?? NONE) this.bindings.get(prefix)!.pop();
  }

  private uriOf(prefix: string): string | undefined {
    const stack = this.bindings.get(prefix);
    const uri = stack?.[stack.length - 1];
    // An unbound default namespace is no namespace; `xmlns=""` undeclares it the same way.
    return uri === undefined && prefix === '' ? '' : uri;
  }
}

function splitName(name: string): { prefix: string; local: string } {
  const colon = name.indexOf(':');
  if (colon === -1) return { prefix: '', local: name };
  const prefix = name.slice(0, colon);
  const local = name.slice(colon + 1);
  if (prefix === '' || local === '' || local.includes(':')) throw new NamespaceError(`malformed name: ${name}.`);
  return { prefix, local };
}

/** The reserved prefixes and names (Namespaces in XML 1.0 §3); XML 1.0 namespaces cannot undeclare a prefix. */
function checkBinding(prefix: string, uri: string): void {
  if (prefix === 'xmlns') throw new NamespaceError('the xmlns prefix cannot be declared.');
  if (prefix === 'xml' && uri !== XML_NAMESPACE) {
    throw new NamespaceError(`xml prefix must be bound to ${XML_NAMESPACE}.`);
  }
  if (prefix !== 'xml' && uri === XML_NAMESPACE) throw new NamespaceError(`${XML_NAMESPACE} can only be bound to xml.`);
  if (uri === XMLNS_NAMESPACE) throw new NamespaceError(`${XMLNS_NAMESPACE} cannot be bound to any prefix.`);
  if (prefix !== '' && uri === '') throw new NamespaceError('invalid attempt to undefine prefix in XML 1.0.');
}
