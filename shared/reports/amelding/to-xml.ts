import type { z } from 'zod';
import { planOf } from './model-plan';
import { LeveranseSchema, type Leveranse } from './model';
import { leafToText, type LeafValue } from './read-leaf';
import { namespaceOf, type AMeldingVersion } from './versions';

/**
 * Writes the model as a-melding XML in XSD sequence order. v2_3-only fields are written as they are; writing
 * them under the v2_2 namespace gives a file the v2_2 XSD rejects, which is the truth about that file.
 */
export function writeAMeldingXml(leveranse: Leveranse, version: AMeldingVersion = 'v2_3'): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<melding xmlns="${namespaceOf(version)}">`];
  writeObject(lines, 'Leveranse', leveranse as Record<string, unknown>, LeveranseSchema, '  ');
  lines.push('</melding>', '');
  return lines.join('\n');
}

function writeObject(
  lines: string[],
  name: string,
  value: Record<string, unknown>,
  schema: z.ZodObject,
  indent: string,
) {
  lines.push(`${indent}<${name}>`);
  for (const field of planOf(schema)) {
    const fieldValue = value[field.key];
    if (fieldValue === undefined) continue;
    const items = field.repeated ? (fieldValue as unknown[]) : [fieldValue];
    for (const item of items) {
      if (field.node.type === 'object') {
        writeObject(lines, field.key, item as Record<string, unknown>, field.node.schema, `${indent}  `);
      } else {
        lines.push(`${indent}  <${field.key}>${escapeXml(leafToText(item as LeafValue))}</${field.key}>`);
      }
    }
  }
  lines.push(`${indent}</${name}>`);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
