import { parseXml } from '../reports/xml/parse-xml';
import type { XmlElement } from '../reports/xml/xml-element';
import { SCHEME_IDS, schemeById, type SchemeId } from './schemes';

/**
 * The TPO file reception takes XML (`Content-Type: application/xml`, GLD_1031), while the scheme's own API takes
 * the same melding as JSON. Both shapes are Skatteetaten's examples of the same aksjesparekonto melding
 * (Skatteetaten/api-dokumentasjon `docs/api/innrapportering-aksjesparekonto.md` @ 11f2ca86, "Eksempel på innsending";
 * `docs/api/innrapportering-tpo-filmottak.md` @ 0a722698, "POST /opplastinger"): one element per JSON field, a list
 * as repeated elements, `<melding xmlns="{the scheme's namespace}">` around the leveranser, and one difference: the
 * JSON nests a person owner in `oppgaveeier.person`, the XML has its fields directly in `<oppgaveeier>`.
 *
 * UNCONFIRMED: the XSD (`aksjesparekonto_v3_3.xsd`) is not published, so the element order is the JSON's order and
 * fields the examples do not show are carried over by the same rule.
 */
export function meldingAsXml(json: string, scheme: SchemeId): string {
  const namespace = schemeById(scheme).fileReception?.namespace;
  if (!namespace) throw new Error(`${scheme} does not go through the file reception`);
  const melding = JSON.parse(json) as { leveranse: unknown };
  const leveranser = Array.isArray(melding.leveranse) ? melding.leveranse : [melding.leveranse];
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>', `<melding xmlns="${escapeXml(namespace)}">`];
  for (const leveranse of leveranser) parts.push(element('leveranse', leveranse, []));
  parts.push('</melding>');
  return parts.join('');
}

/** The elements that repeat (a JSON list); a single one must still read back as a list. */
const REPEATED = new Set(['leveranse', 'oppgave', 'sletteoppgave', 'produkt']);

export type ReadFileReception =
  { ok: true; scheme: SchemeId; json: string } | { ok: false; reason: 'not-xml' | 'unknown-namespace' };

/**
 * The sandbox's reading of an uploaded file: which scheme its namespace names, and the melding as the JSON the
 * scheme's checks take (strings stay strings; the owner's fields stay flat, which the checks read as well).
 */
export function readFileReceptionXml(xml: string): ReadFileReception {
  // The reports' own strict reader (namespace-aware, no DOCTYPE): what Innsender trusts for every XML it reads.
  const parsed = parseXml(xml);
  if (!parsed.ok || parsed.root.name !== 'melding') return { ok: false, reason: 'not-xml' };
  const scheme = SCHEME_IDS.find((id) => schemeById(id).fileReception?.namespace === parsed.root.ns);
  if (!scheme) return { ok: false, reason: 'unknown-namespace' };
  const melding = asJson(parsed.root) as Record<string, unknown>;
  return { ok: true, scheme, json: JSON.stringify({ leveranse: melding.leveranse ?? [] }) };
}

/** An element with child elements is an object, one without is its text; the repeating ones are lists. */
function asJson(element: XmlElement): unknown {
  if (element.children.length === 0) return element.text.trim();
  const fields: Record<string, unknown> = {};
  for (const child of element.children) {
    const value = asJson(child);
    if (REPEATED.has(child.name)) ((fields[child.name] ??= []) as unknown[]).push(value);
    else fields[child.name] = value;
  }
  return fields;
}

function element(name: string, value: unknown, path: readonly string[]): string {
  if (Array.isArray(value)) return value.map((item) => element(name, item, path)).join('');
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return `<${name}>${escapeXml(String(value))}</${name}>`;
  const here = [...path, name];
  const fields = Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    // The one shape difference: a person owner's fields sit directly in <oppgaveeier>.
    key === 'person' && name === 'oppgaveeier' && typeof child === 'object' && child !== null
      ? Object.entries(child as Record<string, unknown>)
      : [[key, child] as const],
  );
  return `<${name}>${fields.map(([key, child]) => element(key, child, here)).join('')}</${name}>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`);
}
