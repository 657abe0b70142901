import { parseXml } from '../reports/xml/parse-xml';
import type { XmlElement } from '../reports/xml/xml-element';

/**
 * Feedback documents arrive as JSON or XML, and their exact trees are partly UNCONFIRMED (skatteetaten-apis.md
 * §1.5, §2.5). Both are read into one loose tree with lower-cased keys, so the interpreters look names up the
 * same way whatever the casing or format: `Mottak` and `mottak`, one object or a list of them.
 */
export type Tree = string | number | boolean | null | Tree[] | { [key: string]: Tree };
export type Node = { [key: string]: Tree };

export function readDocument(text: string, mediaType: string | null): Tree | null {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  const looksXml = trimmed.startsWith('<') || /xml/i.test(mediaType ?? '');
  if (looksXml) {
    const parsed = parseXml(trimmed);
    return parsed.ok ? { [parsed.root.name.toLowerCase()]: fromXml(parsed.root) } : null;
  }
  try {
    return lowerKeys(JSON.parse(trimmed) as unknown);
  } catch {
    return null;
  }
}

function lowerKeys(value: unknown): Tree {
  if (Array.isArray(value)) return value.map(lowerKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), lowerKeys(v)]));
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

function fromXml(element: XmlElement): Tree {
  if (element.children.length === 0) return element.text.trim();
  const out: Node = {};
  for (const child of element.children) {
    const key = child.name.toLowerCase();
    const value = fromXml(child);
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[key] = [existing, value];
  }
  return out;
}

export function isNode(value: Tree | undefined): value is Node {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** A key's value as a list: absent → [], one → [it], many → them. */
export function list(node: Tree | undefined, key: string): Tree[] {
  if (!isNode(node)) return [];
  const value = node[key];
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function nodes(node: Tree | undefined, key: string): Node[] {
  return list(node, key).filter(isNode);
}

export function child(node: Tree | undefined, ...path: string[]): Tree | undefined {
  let current: Tree | undefined = node;
  for (const key of path) {
    if (Array.isArray(current)) current = current[0];
    current = isNode(current) ? current[key] : undefined;
  }
  return Array.isArray(current) ? current[0] : current;
}

export function str(node: Tree | undefined, ...path: string[]): string | null {
  const value = child(node, ...path);
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** Amounts come as numbers in JSON and as text in XML ("12345.00"). */
export function num(node: Tree | undefined, ...path: string[]): number | null {
  const value = child(node, ...path);
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
  return null;
}

/** The first of several possible names that is present (the a-melding's JSON and XML names differ slightly). */
export function firstStr(node: Tree | undefined, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = str(node, key);
    if (value !== null) return value;
  }
  return null;
}
