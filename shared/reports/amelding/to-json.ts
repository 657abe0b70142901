import type { z } from 'zod';
import { planOf } from './model-plan';
import { LeveranseSchema, type Leveranse } from './model';

/** The JSON body for the Altinn 3 a-melding API, keys in XSD order whatever order they were read in. */
export function writeAMeldingJson(leveranse: Leveranse): string {
  return JSON.stringify({ leveranse: ordered(leveranse as Record<string, unknown>, LeveranseSchema) }, null, 2);
}

function ordered(value: Record<string, unknown>, schema: z.ZodObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of planOf(schema)) {
    const fieldValue = value[field.key];
    if (fieldValue === undefined) continue;
    if (field.node.type !== 'object') out[field.key] = fieldValue;
    else if (field.repeated) {
      const schemaOfItem = field.node.schema;
      out[field.key] = (fieldValue as Record<string, unknown>[]).map((item) => ordered(item, schemaOfItem));
    } else out[field.key] = ordered(fieldValue as Record<string, unknown>, field.node.schema);
  }
  return out;
}
