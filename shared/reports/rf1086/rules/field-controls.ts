import { findingFor } from '../../controls/control';
import type { Finding } from '../../finding';
import type { XmlElement } from '../../xml/xml-element';
import {
  RF1086_CONTROLS,
  type FieldCondition,
  type FieldRequirement,
  type FieldRule,
  type Rf1086Control,
} from '../controls';
import { formsOf } from '../returns';
import { at, type Rf1086Rule } from './rule-context';

type FieldControl = Rf1086Control & { readonly fields: FieldRule };
const FIELD_CONTROLS = (RF1086_CONTROLS as readonly Rf1086Control[]).filter(
  (c): c is FieldControl => c.fields !== undefined,
);

/** Skatteetaten's published RF-1086 controls ("Valideringer"), each a data rule in `../controls.ts`. */
export const fieldControlRules: Rf1086Rule = (set) => {
  const findings: Finding[] = [];
  for (const form of formsOf(set)) {
    // One walk of the form serves all its controls: walking it again for each of the 86 rows, building a path
    // for every element each time, was most of the rules' time for 5,000 shareholder forms (issue 12).
    const groups = indexGroups(form.tree);
    for (const control of FIELD_CONTROLS) {
      if (control.fields.form !== form.form) continue;
      for (const group of groupsOf(groups, form.tree, control.fields.group)) {
        if (!(control.fields.when ?? []).every((c) => holds(c, group.element))) continue;
        if (satisfied(control.fields.require, group.element)) continue;
        findings.push(at(findingFor(control, pathOf(group)), { file: form.file, line: group.element.line }));
      }
    }
  }
  return findings;
};

/** A group's element and how to name it: its parent's place and its own step (`name[index]`). */
interface Located {
  readonly element: XmlElement;
  readonly parent: Step | undefined;
  readonly step: string;
}
interface Step {
  readonly parent: Step | undefined;
  readonly step: string;
}

/** The document path (`Skjema/…-grp-3987[1]/…`), built only for a group that gets a finding. */
function pathOf(located: Located): string {
  const steps: string[] = [];
  for (let at: Step | undefined = located; at; at = at.parent) steps.push(at.step);
  return steps.reverse().join('/');
}

const GROUP_ID = /-grp-(\d+)$/;

/**
 * Every group of a form by its gruppeid, in document order. A group nested in a group of the same id is not an
 * occurrence of its own (a control's group is looked for outside groups of that id, as the walk per control did).
 */
function indexGroups(root: XmlElement): Map<number, Located[]> {
  const byId = new Map<number, Located[]>();
  const walk = (element: XmlElement, at: Step, open: readonly number[]) => {
    const seen = new Map<string, number>();
    for (const child of element.children) {
      const index = (seen.get(child.name) ?? 0) + 1;
      seen.set(child.name, index);
      const step: Step = { parent: at, step: `${child.name}[${index}]` };
      const id = GROUP_ID.exec(child.name)?.[1];
      const gruppeid = id === undefined ? undefined : Number(id);
      if (gruppeid !== undefined && !open.includes(gruppeid)) {
        const found = byId.get(gruppeid);
        const located = { element: child, ...step };
        if (found) found.push(located);
        else byId.set(gruppeid, [located]);
      }
      walk(child, step, gruppeid === undefined ? open : [...open, gruppeid]);
    }
  };
  walk(root, { parent: undefined, step: root.name }, []);
  return byId;
}

/** Every occurrence of group `gruppeid` (0: the form itself). */
function groupsOf(groups: Map<number, Located[]>, root: XmlElement, gruppeid: number): readonly Located[] {
  if (gruppeid === 0) return [{ element: root, parent: undefined, step: root.name }];
  return groups.get(gruppeid) ?? [];
}

/** The trimmed, non-empty values of field `datadef` anywhere inside the group. */
function valuesOf(group: XmlElement, datadef: number): string[] {
  const suffix = `-datadef-${datadef}`;
  const values: string[] = [];
  const walk = (element: XmlElement) => {
    for (const child of element.children) {
      if (child.name.endsWith(suffix)) {
        const value = child.text.trim();
        if (value !== '') values.push(value);
      } else walk(child);
    }
  };
  walk(group);
  return values;
}

const present = (group: XmlElement, datadef: number) => valuesOf(group, datadef).length > 0;

function holds(condition: FieldCondition, group: XmlElement): boolean {
  if ('present' in condition) return present(group, condition.present);
  if ('absent' in condition) return !present(group, condition.absent);
  if ('anyPresent' in condition) return condition.anyPresent.some((f) => present(group, f));
  if ('positive' in condition) return valuesOf(group, condition.positive).some((v) => Number(v) > 0);
  const values = valuesOf(group, condition.field);
  if ('in' in condition) return values.some((v) => condition.in.includes(v));
  // "X er IKKE SD" holds when X is not given at all: the rows that use it then ask for X itself.
  return values.every((v) => !condition.notIn.includes(v));
}

function satisfied(requirement: FieldRequirement, group: XmlElement): boolean {
  if ('allOrNone' in requirement) {
    const count = requirement.allOrNone.filter((f) => present(group, f)).length;
    return count === 0 || count === requirement.allOrNone.length;
  }
  if ('allOf' in requirement) return requirement.allOf.every((f) => present(group, f));
  if ('anyOf' in requirement) return requirement.anyOf.some((f) => present(group, f));
  if ('noneOf' in requirement) return requirement.noneOf.every((f) => !present(group, f));
  if ('notAll' in requirement) return !requirement.notAll.every((f) => present(group, f));
  // A liquidated company's figures are all 0; an absent field is not a figure (row H2 asks for post 6 itself).
  return requirement.zero.every((f) => valuesOf(group, f).every((v) => Number(v) === 0));
}
