import type { z } from 'zod';
import { error, type Finding } from '../finding';
import type { SourceLocations } from '../source-locations';
import type { XmlElement } from '../xml/xml-element';
import { planOf, type FieldPlan } from './model-plan';
import { LeveranseSchema, type Leveranse } from './model';
import { leafFromText } from './read-leaf';
import type { AMeldingReadResult } from './read-result';
import { structureIssue } from './structure-issue';
import { versionOfNamespace } from './versions';

/** Maps a parsed `<melding>` element onto the model, collecting structure issues instead of stopping. */
export function readAMeldingXml(root: XmlElement): AMeldingReadResult {
  const version = versionOfNamespace(root.ns);
  if (root.name !== 'melding' || !version) {
    return {
      ok: false,
      finding: error(
        'AMELDING_NOT_RECOGNISED',
        '',
        `Rotelementet {${root.ns}}${root.name} er ikke en a-melding (forventet <melding> i navnerommet urn:ske:fastsetting:innsamling:a-meldingen:v2_x).`,
        `The root element {${root.ns}}${root.name} is not an a-melding (expected <melding> in namespace urn:ske:fastsetting:innsamling:a-meldingen:v2_x).`,
      ),
    };
  }
  const state = { issues: [] as Finding[], complete: true, locations: new Map() as SourceLocations };
  const leveranseElements = root.children.filter((c) => c.name === 'Leveranse');
  for (const other of root.children) {
    if (other.name !== 'Leveranse') state.issues.push(structureIssue.unexpected(`melding/${other.name}`));
  }
  const first = leveranseElements[0];
  if (!first) {
    return { ok: false, finding: structureIssue.missing('leveranse') };
  }
  const leveranse = readObject(first, LeveranseSchema, 'leveranse', state) as Leveranse;
  return { ok: true, document: { version, format: 'xml', leveranse }, ...state };
}

interface ReadState {
  issues: Finding[];
  complete: boolean;
  locations: SourceLocations;
}

function readObject(element: XmlElement, schema: z.ZodObject, path: string, state: ReadState): Record<string, unknown> {
  state.locations.set(path, { line: element.line, column: element.column });
  const plan = planOf(schema);
  const byName = new Map<string, XmlElement[]>();
  for (const child of element.children) {
    const list = byName.get(child.name);
    if (list) list.push(child);
    else byName.set(child.name, [child]);
  }
  const out: Record<string, unknown> = {};
  for (const field of plan) {
    const found = byName.get(field.key);
    byName.delete(field.key);
    if (!found) {
      if (!field.optional) {
        state.issues.push(structureIssue.missing(`${path}/${field.key}`));
        state.complete = false;
      }
      continue;
    }
    if (field.repeated) {
      out[field.key] = found.map((el, i) => readNode(el, field, `${path}/${field.key}[${i + 1}]`, state));
    } else {
      if (found.length > 1) {
        state.issues.push(structureIssue.repeated(`${path}/${field.key}`));
        state.complete = false;
      }
      const value = readNode(found[0]!, field, `${path}/${field.key}`, state);
      if (value !== undefined) out[field.key] = value;
    }
  }
  for (const name of byName.keys()) state.issues.push(structureIssue.unexpected(`${path}/${name}`));
  return out;
}

function readNode(element: XmlElement, field: FieldPlan, path: string, state: ReadState): unknown {
  if (field.node.type === 'object') return readObject(element, field.node.schema, path, state);
  state.locations.set(path, { line: element.line, column: element.column });
  const value = leafFromText(element.text, field.node.kind);
  const allowed = field.node.values;
  if (value === undefined) {
    state.issues.push(structureIssue.invalidValue(path, field.node.kind, element.text));
    state.complete = false;
  } else if (allowed && !allowed.includes(String(value))) {
    state.issues.push(structureIssue.notInEnumeration(path, String(value), allowed));
    state.complete = false;
    return undefined;
  }
  return value;
}
