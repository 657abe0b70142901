import { z } from 'zod';

/**
 * The XSD simple types the a-melding model is built from. Each leaf schema is registered with its kind so the
 * XML and JSON readers/writers can walk the one zod model (`model.ts`) instead of keeping a second description.
 */
export type LeafKind = 'string' | 'integer' | 'decimal' | 'boolean' | 'date' | 'dateTime' | 'yearMonth' | 'year';

const leafKinds = new WeakMap<z.ZodType, LeafKind>();

function leaf<T extends z.ZodType>(schema: T, kind: LeafKind): T {
  leafKinds.set(schema, kind);
  return schema;
}

export function leafKindOf(schema: z.ZodType): LeafKind | undefined {
  return leafKinds.get(schema);
}

export const LEXICAL_PATTERNS: Record<Exclude<LeafKind, 'string' | 'boolean'>, RegExp> = {
  integer: /^[+-]?\d+$/,
  decimal: /^[+-]?(\d+(\.\d*)?|\.\d+)$/,
  date: /^\d{4}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/,
  dateTime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/,
  yearMonth: /^\d{4}-\d{2}(Z|[+-]\d{2}:\d{2})?$/,
  year: /^\d{4}(Z|[+-]\d{2}:\d{2})?$/,
};

export const text = () => leaf(z.string(), 'string');
/** xsd:integer — a JSON number (the sums and forskuddstrekk are whole kroner). */
export const integer = () => leaf(z.number().int(), 'integer');
/** xsd:decimal — kept as a string in the model and in JSON ("40000.00"), never a float. */
export const decimal = () => leaf(z.string().regex(LEXICAL_PATTERNS.decimal), 'decimal');
export const boolean = () => leaf(z.boolean(), 'boolean');
export const date = () => leaf(z.string().regex(LEXICAL_PATTERNS.date), 'date');
export const dateTime = () => leaf(z.string().regex(LEXICAL_PATTERNS.dateTime), 'dateTime');
export const yearMonth = () => leaf(z.string().regex(LEXICAL_PATTERNS.yearMonth), 'yearMonth');
export const year = () => leaf(z.string().regex(LEXICAL_PATTERNS.year), 'year');
