import type { z } from 'zod';
import { error, type Finding } from '../finding';
import { jsonTooDeepAt, nestingTooDeepFinding } from '../nesting-depth';
import { planOf, type FieldPlan } from './model-plan';
import { LeveranseSchema, type Leveranse } from './model';
import { leafFromJson } from './read-leaf';
import type { AMeldingReadResult } from './read-result';
import { structureIssue } from './structure-issue';

/** Parses the Altinn 3 API's JSON (`{"leveranse": …}`) onto the model; malformed JSON is reported with line/column. */
export function readAMeldingJsonText(text: string): AMeldingReadResult {
  const tooDeep = jsonTooDeepAt(text);
  if (tooDeep) return { ok: false, finding: nestingTooDeepFinding('json', tooDeep.line, tooDeep.column) };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (thrown) {
    return { ok: false, finding: malformedJson(text, thrown) };
  }
  return readAMeldingJson(value);
}

export function readAMeldingJson(value: unknown): AMeldingReadResult {
  if (!isPlainObject(value) || !isPlainObject(value.leveranse)) {
    return {
      ok: false,
      finding: error(
        'AMELDING_NOT_RECOGNISED',
        '',
        'JSON-filen er ikke en a-melding: den mangler objektet "leveranse" på toppnivå.',
        'The JSON file is not an a-melding: it has no top-level "leveranse" object.',
      ),
    };
  }
  const state = { issues: [] as Finding[], complete: true };
  for (const key of Object.keys(value)) {
    if (key !== 'leveranse') state.issues.push(structureIssue.unexpected(key));
  }
  const leveranse = readObject(value.leveranse, LeveranseSchema, 'leveranse', state) as Leveranse;
  // JSON carries no version; it is the current information model.
  return { ok: true, document: { version: 'v2_3', format: 'json', leveranse }, ...state };
}

interface ReadState {
  issues: Finding[];
  complete: boolean;
}

function readObject(source: Record<string, unknown>, schema: z.ZodObject, path: string, state: ReadState) {
  const plan = planOf(schema);
  const out: Record<string, unknown> = {};
  const known = new Set<string>();
  for (const field of plan) {
    known.add(field.key);
    const raw = source[field.key];
    const fieldPath = `${path}/${field.key}`;
    if (raw === undefined || raw === null) {
      if (!field.optional) {
        state.issues.push(structureIssue.missing(fieldPath));
        state.complete = false;
      }
      continue;
    }
    if (field.repeated) {
      if (!Array.isArray(raw)) {
        state.issues.push(structureIssue.notAList(fieldPath));
        state.complete = false;
        continue;
      }
      out[field.key] = raw.map((item, i) => readNode(item, field, `${fieldPath}[${i + 1}]`, state));
    } else {
      const value = readNode(raw, field, fieldPath, state);
      if (value !== undefined) out[field.key] = value;
    }
  }
  for (const key of Object.keys(source)) {
    if (!known.has(key)) state.issues.push(structureIssue.unexpected(`${path}/${key}`));
  }
  return out;
}

function readNode(raw: unknown, field: FieldPlan, path: string, state: ReadState): unknown {
  if (field.node.type === 'object') {
    if (isPlainObject(raw)) return readObject(raw, field.node.schema, path, state);
    state.issues.push(structureIssue.invalidValue(path, 'string', JSON.stringify(raw) ?? ''));
    state.complete = false;
    return undefined;
  }
  const value = leafFromJson(raw, field.node.kind);
  if (value === undefined) {
    state.issues.push(structureIssue.invalidValue(path, field.node.kind, JSON.stringify(raw) ?? ''));
    state.complete = false;
    return undefined;
  }
  const allowed = field.node.values;
  if (allowed && !allowed.includes(String(value))) {
    state.issues.push(structureIssue.notInEnumeration(path, String(value), allowed));
    state.complete = false;
    return undefined;
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function malformedJson(text: string, thrown: unknown): Finding {
  const detail = thrown instanceof Error ? thrown.message : String(thrown);
  const position = Number(/position (\d+)/.exec(detail)?.[1] ?? NaN);
  let line: number | undefined;
  let column: number | undefined;
  if (Number.isFinite(position)) {
    const before = text.slice(0, position);
    line = before.split('\n').length;
    column = position - before.lastIndexOf('\n');
  }
  const where = line ? ` (linje ${line}, kolonne ${column})` : '';
  const whereEn = line ? ` (line ${line}, column ${column})` : '';
  return {
    ...error(
      'JSON_MALFORMED',
      '',
      `Filen er ikke gyldig JSON${where}: ${detail}`,
      `The file is not valid JSON${whereEn}: ${detail}`,
    ),
    ...(line ? { line, column } : {}),
  };
}
