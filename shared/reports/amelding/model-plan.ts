import { z } from 'zod';
import { leafKindOf, type LeafKind } from './leaf-types';

/** How one field of a model object is read and written; derived once per zod object and cached. */
export type FieldPlan =
  | {
      key: string;
      optional: boolean;
      repeated: boolean;
      node: { type: 'leaf'; kind: LeafKind; values?: readonly string[] };
    }
  | { key: string; optional: boolean; repeated: boolean; node: { type: 'object'; schema: z.ZodObject } };

const plans = new WeakMap<z.ZodObject, FieldPlan[]>();

export function planOf(schema: z.ZodObject): FieldPlan[] {
  let plan = plans.get(schema);
  if (!plan) {
    plan = Object.entries(schema.shape).map(([key, field]) => planField(key, field as z.ZodType));
    plans.set(schema, plan);
  }
  return plan;
}

function planField(key: string, field: z.ZodType): FieldPlan {
  let optional = false;
  let repeated = false;
  let inner = field;
  if (inner instanceof z.ZodOptional) {
    optional = true;
    inner = inner.unwrap() as z.ZodType;
  }
  if (inner instanceof z.ZodArray) {
    repeated = true;
    inner = inner.element as z.ZodType;
  }
  if (inner instanceof z.ZodObject) return { key, optional, repeated, node: { type: 'object', schema: inner } };
  if (inner instanceof z.ZodEnum) {
    return { key, optional, repeated, node: { type: 'leaf', kind: 'string', values: inner.options as string[] } };
  }
  const kind = leafKindOf(inner);
  if (!kind) throw new Error(`a-melding model field ${key} has no leaf kind`);
  return { key, optional, repeated, node: { type: 'leaf', kind } };
}
