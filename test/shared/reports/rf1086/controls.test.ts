import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { severityOf } from '../../../../shared/reports/controls/control';
import {
  RF1086_CONTROLS,
  type FieldCondition,
  type FieldRequirement,
  type FieldRule,
  type Rf1086Control,
} from '../../../../shared/reports/rf1086/controls';
import type { Rf1086Hovedskjema, Rf1086Underskjema } from '../../../../shared/reports/rf1086/model';
import { groupRf1086Forms } from '../../../../shared/reports/rf1086/returns';
import { fieldControlRules } from '../../../../shared/reports/rf1086/rules/field-controls';
import { XSD_VERSIONS } from '../../../../shared/reports/xsd-versions';
import { formFrom } from './forms';

// Each row of Skatteetaten's "Valideringer" list (Skatteetaten/api-dokumentasjon,
// docs/api/innrapportering-aksjonaerregisteroppgave.md) is tested on Skatteetaten's own example forms
// (test/fixtures/skatteetaten-examples/), mutated once so the control passes and once so it fails.
const EXAMPLES = fileURLToPath(new URL('../../../fixtures/skatteetaten-examples/', import.meta.url));
const SCHEMAS = fileURLToPath(new URL('../../../../assets/schemas/', import.meta.url));
const example = {
  hovedskjema: readFileSync(`${EXAMPLES}rf1086-hovedskjema.xml`, 'utf8'),
  underskjema: readFileSync(`${EXAMPLES}rf1086-underskjema-12146.xml`, 'utf8'),
};
const xsd = {
  hovedskjema: readFileSync(SCHEMAS + XSD_VERSIONS.rf1086_hovedskjema_12144.file, 'utf8'),
  underskjema: readFileSync(SCHEMAS + XSD_VERSIONS.rf1086_underskjema_12146.file, 'utf8'),
};

type FieldControl = Rf1086Control & { fields: FieldRule };
const fieldControls = (RF1086_CONTROLS as readonly Rf1086Control[]).filter(
  (c): c is FieldControl => c.fields !== undefined,
);

/** The element name an XSD gives a datadef or group number. */
function nameOf(form: FieldRule['form'], kind: 'datadef' | 'grp', n: number): string | undefined {
  return new RegExp(`<xs:element name="([A-Za-z]+-${kind}-${n})"`).exec(xsd[form])?.[1];
}

/** Element name → the names its top-level definition refers to, for "is this field inside that group". */
function childrenIn(form: FieldRule['form']): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const match of xsd[form].matchAll(/\n {4}<xs:element name="([^"]+)">([\s\S]*?)\n {4}<\/xs:element>/g)) {
    map.set(
      match[1]!,
      [...match[2]!.matchAll(/ref="([^"]+)"/g)].map((m) => m[1]!),
    );
  }
  return map;
}

function inside(form: FieldRule['form'], group: string, field: string): boolean {
  const children = childrenIn(form);
  const queue = [group];
  const seen = new Set<string>();
  while (queue.length) {
    const next = queue.shift()!;
    if (next === field) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...(children.get(next) ?? []));
  }
  return false;
}

const numbersOf = (rule: FieldRule): number[] => [
  ...(rule.when ?? []).flatMap((c) => Object.values(c).flatMap((v) => (typeof v === 'number' ? [v] : []))),
  ...Object.values(rule.require).flat(),
  ...(rule.when ?? []).flatMap((c) => ('anyPresent' in c ? c.anyPresent : [])),
];

/** Field values that make every condition hold. */
function conditionValues(when: readonly FieldCondition[]): Map<number, string> {
  const values = new Map<number, string>();
  for (const c of when) {
    if ('present' in c) values.set(c.present, '1');
    else if ('anyPresent' in c) values.set(c.anyPresent[0]!, '1');
    else if ('positive' in c) values.set(c.positive, '5');
    else if ('in' in c) values.set(c.field, c.in[0]!);
    else if ('notIn' in c) values.set(c.field, 'XX');
  }
  return values;
}

/** Adds the fields that make the requirement hold (`pass`) or fail. */
function requirementValues(require: FieldRequirement, values: Map<number, string>, pass: boolean) {
  const set = (fields: readonly number[]) => fields.forEach((f) => values.has(f) || values.set(f, '1'));
  if ('allOrNone' in require) {
    if (pass) set(require.allOrNone);
    else if (!require.allOrNone.some((f) => values.has(f))) set(require.allOrNone.slice(0, 1));
  } else if ('allOf' in require) {
    if (pass) set(require.allOf);
    else set(require.allOf.filter((f) => !values.has(f)).slice(1));
  } else if ('anyOf' in require) {
    if (pass) set(require.anyOf.slice(0, 1));
  } else if ('noneOf' in require) {
    if (!pass) set(require.noneOf.slice(0, 1));
  } else if ('notAll' in require) {
    set(pass ? require.notAll.slice(0, 1) : require.notAll);
  } else {
    for (const f of require.zero) values.set(f, '0');
    if (!pass) values.set(require.zero[0]!, '1');
  }
}

/** The example form with the control's group holding exactly the generated fields. */
function mutated(control: FieldControl, pass: boolean): string {
  const { form, group, when = [], require } = control.fields;
  const values = conditionValues(when);
  requirementValues(require, values, pass);
  const fields = [...values]
    .map(([n, value]) => {
      const name = nameOf(form, 'datadef', n)!;
      return `<${name} orid="${n}">${value}</${name}>`;
    })
    .join('');
  let text = example[form];
  if (group === 0) {
    for (const n of numbersOf(control.fields)) {
      const name = nameOf(form, 'datadef', n)!;
      text = text.replace(new RegExp(`<${name}\\b[^>]*>[^<]*</${name}>`, 'g'), '');
    }
    return text.replace('</Skjema>', `${fields}</Skjema>`);
  }
  const groupName = nameOf(form, 'grp', group)!;
  const groupElement = new RegExp(`(<${groupName}\\b[^>]*>)[\\s\\S]*?(</${groupName}>)`);
  expect(groupElement.test(text), `${groupName} is in the example`).toBe(true);
  return text.replace(groupElement, (_, open: string, close: string) => `${open}${fields}${close}`);
}

function codesFor(form: FieldRule['form'], text: string): string[] {
  const main = (
    form === 'hovedskjema' ? formFrom(text, 'h.xml') : formFrom(example.hovedskjema, 'h.xml')
  ) as Rf1086Hovedskjema;
  const shareholder = (
    form === 'underskjema' ? formFrom(text, 'u.xml') : formFrom(example.underskjema, 'u.xml')
  ) as Rf1086Underskjema;
  const context = { environment: 'test' as const, today: '2024-01-10' };
  return fieldControlRules(groupRf1086Forms([main], [shareholder]), context).map((f) => f.code);
}

describe("Skatteetaten's RF-1086 controls (Valideringer)", () => {
  it('cover the whole published list: 46 main-form and 40 shareholder-form rows, each with its own code', () => {
    const rows = (RF1086_CONTROLS as readonly Rf1086Control[]).filter((c) => c.official?.startsWith('Valideringer'));
    expect(rows.filter((c) => c.official!.includes(' H'))).toHaveLength(46);
    expect(rows.filter((c) => c.official!.includes(' U'))).toHaveLength(40);
    expect(new Set(fieldControls.map((c) => c.code)).size).toBe(fieldControls.length);
    for (const row of rows) expect(severityOf(row.consequence), row.code).toBe('error');
  });

  it('name only fields and groups of the published XSDs, each field inside its group', () => {
    for (const control of fieldControls) {
      const { form, group } = control.fields;
      const groupName = group === 0 ? 'Skjema' : nameOf(form, 'grp', group);
      expect(groupName, `${control.code}: group ${group}`).toBeDefined();
      for (const n of numbersOf(control.fields)) {
        const field = nameOf(form, 'datadef', n);
        expect(field, `${control.code}: field ${n}`).toBeDefined();
        expect(inside(form, groupName!, field!), `${control.code}: ${field} inside ${groupName}`).toBe(true);
      }
    }
  });

  it("accept Skatteetaten's own example forms", () => {
    expect(codesFor('hovedskjema', example.hovedskjema)).toEqual([]);
  });

  it.each(fieldControls.map((c) => [c.code, c] as const))('%s: one form passes, one fails', (code, control) => {
    expect(codesFor(control.fields.form, mutated(control, true))).not.toContain(code);
    const failing = codesFor(control.fields.form, mutated(control, false));
    expect(failing.filter((c) => c === code)).toHaveLength(1);
  });
});
