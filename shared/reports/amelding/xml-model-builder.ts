import type { z } from 'zod';
import { error, type Finding } from '../finding';
import type { ElementPlaces } from '../element-places';
import type { XmlEventHandler, XmlStartTag } from '../xml/read-xml-events';
import { planOf, type FieldPlan } from './model-plan';
import { LeveranseSchema, type Leveranse } from './model';
import { leafFromText } from './read-leaf';
import type { AMeldingReadResult } from './read-result';
import { structureIssue } from './structure-issue';
import { versionOfNamespace, type AMeldingVersion } from './versions';

/**
 * Maps `<melding>` onto the model straight from the XML events, with no element tree in between (issue 4: the
 * tree of a 10,000-person a-melding cost as much time and memory as the parse itself). Structure issues are
 * collected instead of stopping, in the order a walk of the model in XSD sequence order meets them, and paths
 * are only built when an issue needs one. Given `places`, it records where each mapped element starts, so
 * findings are located without parsing the text again.
 */
export class AMeldingXmlBuilder implements XmlEventHandler<AMeldingReadResult> {
  private version: AMeldingVersion | undefined;
  private notRecognised: Finding | undefined;
  private readonly stack: Frame[] = [];
  /** Depth inside an element the model does not read (unexpected, a repeat of a single field, a leaf's child). */
  private skipDepth = 0;
  private insideMelding = false;
  private readonly meldingIssues: Finding[] = [];
  private leveranse: { value: Record<string, unknown>; issues: Finding[] } | undefined;
  private leveranseSeen = false;
  private complete = true;
  private readonly leafTexts = new LeafTexts();

  constructor(private readonly places?: ElementPlaces) {}

  open(tag: XmlStartTag, line: number, column: number): void {
    if (this.skipDepth > 0) {
      this.skipDepth++;
      return;
    }
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) {
      if (!this.insideMelding) this.openRoot(tag);
      else this.openMeldingChild(tag.local, line, column);
      return;
    }
    if (top.kind === 'leaf') {
      // Character data is all a leaf has; a child element is the XSD's to report.
      if (!top.hasChild && WHITESPACE_ONLY.test(top.text)) top.text = '';
      top.hasChild = true;
      this.skipDepth = 1;
      return;
    }
    const index = top.layout.byName.get(tag.local);
    if (index === undefined) {
      top.unexpected ??= [];
      if (!top.unexpected.includes(tag.local)) top.unexpected.push(tag.local);
      this.skipDepth = 1;
      return;
    }
    const field = top.layout.plan[index]!;
    const count = ++top.counts[index]!;
    if (index < top.lastField) top.disordered = true;
    top.lastField = index;
    if (!field.repeated && count > 1) {
      // Only the first of a repeated single field is read, as a tree reader taking the first match would.
      (top.repeated ??= new Set()).add(index);
      this.complete = false;
      this.skipDepth = 1;
      return;
    }
    const position = field.repeated ? count : 0;
    const place = this.places?.add(top.place, field.key, position, line, column) ?? -1;
    const frame: Frame =
      field.node.type === 'object'
        ? new ObjectFrame(layoutOf(field.node.schema), top, index, position, place)
        : { kind: 'leaf', parent: top, field: index, position, text: '', hasChild: false };
    this.stack.push(frame);
  }

  text(chunk: string): void {
    if (this.skipDepth > 0) return;
    const top = this.stack[this.stack.length - 1];
    if (top?.kind !== 'leaf') return;
    if (top.hasChild && top.text === '' && WHITESPACE_ONLY.test(chunk)) return;
    top.text += chunk;
  }

  close(): void {
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    const frame = this.stack.pop();
    if (!frame) return; // </melding>
    if (frame.kind === 'leaf') this.closeLeaf(frame);
    else this.closeObject(frame);
  }

  finish(): AMeldingReadResult {
    if (this.notRecognised) return { ok: false, finding: this.notRecognised };
    if (!this.leveranse) return { ok: false, finding: structureIssue.missing('leveranse') };
    return {
      ok: true,
      document: { version: this.version!, format: 'xml', leveranse: this.leveranse.value as Leveranse },
      issues: [...this.meldingIssues, ...this.leveranse.issues],
      complete: this.complete,
    };
  }

  private openRoot(tag: XmlStartTag): void {
    this.version = versionOfNamespace(tag.uri);
    if (tag.local !== 'melding' || !this.version) {
      this.notRecognised = error(
        'AMELDING_NOT_RECOGNISED',
        '',
        `Rotelementet {${tag.uri}}${tag.local} er ikke en a-melding (forventet <melding> i navnerommet urn:ske:fastsetting:innsamling:a-meldingen:v2_x).`,
        `The root element {${tag.uri}}${tag.local} is not an a-melding (expected <melding> in namespace urn:ske:fastsetting:innsamling:a-meldingen:v2_x).`,
      );
      this.skipDepth = 1;
      return;
    }
    this.insideMelding = true;
  }

  private openMeldingChild(name: string, line: number, column: number): void {
    if (name !== 'Leveranse') this.meldingIssues.push(structureIssue.unexpected(`melding/${name}`));
    if (name !== 'Leveranse' || this.leveranseSeen) {
      this.skipDepth = 1;
      return;
    }
    this.leveranseSeen = true;
    const place = this.places?.add(-1, 'leveranse', 0, line, column) ?? -1;
    this.stack.push(new ObjectFrame(layoutOf(LeveranseSchema), undefined, 0, 0, place));
  }

  private closeLeaf(frame: LeafFrame): void {
    const parent = frame.parent;
    const field = parent.layout.plan[frame.field]!;
    if (field.node.type !== 'leaf') return;
    const text = this.leafTexts.of(field, frame.text);
    let value = leafFromText(text, field.node.kind);
    const allowed = field.node.values;
    if (value === undefined) {
      parent.issue(frame.field, structureIssue.invalidValue(pathOf(frame), field.node.kind, text));
      this.complete = false;
    } else if (allowed) {
      const known = allowed.indexOf(String(value));
      if (known < 0) {
        parent.issue(frame.field, structureIssue.notInEnumeration(pathOf(frame), String(value), allowed));
        this.complete = false;
        value = undefined;
      } else if (typeof value === 'string') {
        // The code list's own string: one shared copy for 100,000 "fordel" values instead of one each.
        value = allowed[known]!;
      }
    }
    if (field.repeated) appendTo(parent.out, field.key, value);
    else if (value !== undefined) parent.out[field.key] = value;
  }

  private closeObject(frame: ObjectFrame): void {
    const missing = frame.layout.required.some((i) => frame.counts[i] === 0);
    if (missing) this.complete = false;
    const issues = frame.collectIssues(missing);
    trimLists(frame.out, frame.layout.plan);
    const value = frame.disordered ? inPlanOrder(frame.out, frame.layout.plan) : frame.out;
    const parent = frame.parent;
    if (!parent) {
      this.leveranse = { value, issues };
      return;
    }
    const field = parent.layout.plan[frame.field]!;
    if (field.repeated) appendTo(parent.out, field.key, value);
    else parent.out[field.key] = value;
    for (const issue of issues) parent.issue(frame.field, issue);
  }
}

const WHITESPACE_ONLY = /^[ \t\r\n]*$/;

/** Distinct values remembered per field; a field with more (ids, amounts) is left to copy each value. */
const DISTINCT_LEAF_TEXTS = 256;

/**
 * A leaf's text, one string per distinct value of a field: a date, a code or a percentage repeated for every
 * person is then one string in the model instead of one each. A field whose values keep varying stops being
 * remembered after DISTINCT_LEAF_TEXTS, so the table stays small. Issue 12: with the lists below, the model of
 * the generated 50,000-person a-melding fell from 82 to 36 MiB of heap (its 10,000-person one held 177,000
 * strings, 8.5 MiB, and 30,000 lists with room for 16, 4.6 MiB).
 */
class LeafTexts {
  private readonly byField = new Map<FieldPlan, Map<string, string> | null>();

  of(field: FieldPlan, raw: string): string {
    const seen = this.byField.get(field);
    if (seen === null) return detached(raw);
    const known = seen?.get(raw);
    if (known !== undefined) return known;
    const text = detached(raw);
    if (!seen) this.byField.set(field, new Map([[text, text]]));
    else if (seen.size < DISTINCT_LEAF_TEXTS) seen.set(text, text);
    else this.byField.set(field, null);
    return text;
  }
}

/**
 * Adds to a repeated field's list. A list starts as a one-element literal: V8 gives an empty array that is pushed
 * to room for 16, which for the one or two employments, deductions and incomes of each person was most of the
 * model's array memory.
 */
function appendTo(out: Record<string, unknown>, key: string, value: unknown): void {
  const list = out[key] as unknown[] | undefined;
  if (list) list.push(value);
  else out[key] = [value];
}

/** A list that grew past one element is copied to its exact length once its object is complete. */
function trimLists(out: Record<string, unknown>, plan: readonly FieldPlan[]): void {
  for (const field of plan) {
    if (!field.repeated) continue;
    const list = out[field.key] as unknown[] | undefined;
    if (list && list.length > 1) out[field.key] = list.slice();
  }
}

/**
 * The text as a string of its own. The parser's character data are slices of the file's text, and V8 keeps a
 * substring of 13 characters or more as a view into its parent: one such value in the model kept the whole text
 * (83 MiB for a 50,000-person a-melding) alive to the end of the check. Prepending a character and slicing it
 * off again makes V8 copy the characters into a new string, whose slice the result is.
 */
function detached(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

interface ObjectLayout {
  readonly schema: z.ZodObject;
  readonly plan: FieldPlan[];
  readonly byName: Map<string, number>;
  readonly required: number[];
}

const layouts = new WeakMap<z.ZodObject, ObjectLayout>();

function layoutOf(schema: z.ZodObject): ObjectLayout {
  let layout = layouts.get(schema);
  if (!layout) {
    const plan = planOf(schema);
    layout = {
      schema,
      plan,
      byName: new Map(plan.map((field, i) => [field.key, i])),
      required: plan.flatMap((field, i) => (field.optional ? [] : [i])),
    };
    layouts.set(schema, layout);
  }
  return layout;
}

interface LeafFrame {
  readonly kind: 'leaf';
  readonly parent: ObjectFrame;
  readonly field: number;
  /** 1-based among the elements of a repeated field, 0 for a single one. */
  readonly position: number;
  text: string;
  hasChild: boolean;
}

type Frame = LeafFrame | ObjectFrame;

/** One model object being filled; issues are kept per field so they come out in XSD sequence order. */
class ObjectFrame {
  readonly kind = 'object';
  readonly out: Record<string, unknown> = {};
  readonly counts: Uint32Array;
  lastField = -1;
  disordered = false;
  path: string | undefined;
  issuesByField: (Finding[] | undefined)[] | undefined;
  repeated: Set<number> | undefined;
  unexpected: string[] | undefined;

  constructor(
    readonly layout: ObjectLayout,
    readonly parent: ObjectFrame | undefined,
    readonly field: number,
    readonly position: number,
    /** Its number in the builder's `ElementPlaces`, -1 when none are recorded. */
    readonly place: number,
  ) {
    this.counts = new Uint32Array(layout.plan.length);
  }

  issue(field: number, finding: Finding): void {
    ((this.issuesByField ??= [])[field] ??= []).push(finding);
  }

  /** Missing, repeated and nested issues field by field, then the unexpected elements, as `readObject` did. */
  collectIssues(missing: boolean): Finding[] {
    if (!missing && !this.issuesByField && !this.repeated && !this.unexpected) return [];
    const path = pathOf(this);
    const issues: Finding[] = [];
    this.layout.plan.forEach((field, i) => {
      if (this.counts[i] === 0) {
        if (!field.optional) issues.push(structureIssue.missing(`${path}/${field.key}`));
        return;
      }
      if (this.repeated?.has(i)) issues.push(structureIssue.repeated(`${path}/${field.key}`));
      issues.push(...(this.issuesByField?.[i] ?? []));
    });
    for (const name of this.unexpected ?? []) issues.push(structureIssue.unexpected(`${path}/${name}`));
    return issues;
  }
}

function pathOf(frame: Frame): string {
  if (frame.kind === 'object' && frame.path !== undefined) return frame.path;
  const parent = frame.parent;
  let path = 'leveranse';
  if (parent) {
    const key = parent.layout.plan[frame.field]!.key;
    path = `${pathOf(parent)}/${key}${frame.position > 0 ? `[${frame.position}]` : ''}`;
  }
  if (frame.kind === 'object') frame.path = path;
  return path;
}

/** An object whose elements came out of XSD order gets its keys in model order, as the writers expect. */
function inPlanOrder(out: Record<string, unknown>, plan: FieldPlan[]): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const field of plan) if (field.key in out) ordered[field.key] = out[field.key];
  return ordered;
}
