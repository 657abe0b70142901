/** The small element tree the report readers walk; built by `parseXml`, never by hand outside tests. */
export interface XmlElement {
  /** Local name, without prefix. */
  readonly name: string;
  /** Namespace URI, '' when none. */
  readonly ns: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** Concatenated character data directly inside this element. */
  text: string;
  readonly line: number;
  readonly column: number;
}

export function childElements(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((c) => c.name === name);
}

export function firstChild(parent: XmlElement, name: string): XmlElement | undefined {
  return parent.children.find((c) => c.name === name);
}

/** Follows a chain of child names; the text of the last one, trimmed, or undefined if any step is missing. */
export function textAt(parent: XmlElement | undefined, ...names: string[]): string | undefined {
  let current = parent;
  for (const name of names) {
    if (!current) return undefined;
    current = firstChild(current, name);
  }
  return current?.text.trim();
}
