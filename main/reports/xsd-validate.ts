import { memoryPages, validateXML } from 'xmllint-wasm';
import type { XsdUsed } from '../../shared/reports/check-result';
import { error, type Finding } from '../../shared/reports/finding';
import { loadSchema } from './schema-files';

export interface XsdDocument {
  /** A key of the caller's choosing; findings come back under it. */
  readonly key: string;
  /** The text, or its bytes when they are UTF-8 (handed to libxml2 without re-encoding). */
  readonly xml: string | Uint8Array;
}

/**
 * Validates documents against one of the project's XSDs with libxml2 (xmllint-wasm). Documents sharing a schema
 * go through one xmllint run, because each run starts a worker and compiles the schema (~100 ms).
 * Returns the findings per document key, with xmllint's line numbers.
 */
export async function validateAgainstXsd(
  documents: readonly XsdDocument[],
  schema: XsdUsed,
  options: { schemaDir?: string } = {},
): Promise<Map<string, Finding[]>> {
  const result = new Map<string, Finding[]>(documents.map((d) => [d.key, []]));
  if (documents.length === 0) return result;
  const schemaText = await loadSchema(schema, options.schemaDir);
  const names = documents.map((_, i) => `document${i}.xml`);
  const totalChars = documents.reduce(
    (acc, d) => acc + (typeof d.xml === 'string' ? d.xml.length : d.xml.byteLength),
    0,
  );
  let validation;
  try {
    validation = await validateXML({
      xml: documents.map((d, i) => ({
        fileName: names[i]!,
        contents: typeof d.xml === 'string' ? asUtf8Declared(d.xml) : d.xml,
      })),
      schema: [{ fileName: 'schema.xsd', contents: schemaText }],
      // libxml2's tree for a large a-melding needs far more than the 32 MiB default; memory grows on demand.
      initialMemoryPages: memoryPages.defaultInitialMemoryPages,
      maxMemoryPages: Math.min(memoryPages.max, 256 * memoryPages.MiB + Math.ceil((totalChars * 16) / 65536)),
    });
  } catch (thrown) {
    const detail = thrown instanceof Error ? thrown.message.slice(0, 300) : String(thrown);
    for (const d of documents) {
      result.set(d.key, [
        error(
          'XSD_VALIDATOR_FAILED',
          '',
          `Skjemavalideringen (xmllint) feilet: ${detail}`,
          `Schema validation (xmllint) failed: ${detail}`,
        ),
      ]);
    }
    return result;
  }
  for (const e of validation.errors) {
    const index = e.loc ? names.indexOf(e.loc.fileName) : -1;
    const key = documents[index]?.key ?? documents[0]!.key;
    const message = readable(e.message);
    const line = e.loc?.lineNumber;
    const finding: Finding = {
      ...error(
        'XSD_INVALID',
        '',
        `Følger ikke skjemaet (XSD)${line ? ` på linje ${line}` : ''}: ${message}`,
        `Does not follow the schema (XSD)${line ? ` at line ${line}` : ''}: ${message}`,
      ),
      ...(line && line > 0 ? { line } : {}),
    };
    result.get(key)!.push(finding);
  }
  return result;
}

/** The text is handed over as UTF-8, so a declaration naming another encoding must not mislead libxml2. */
function asUtf8Declared(xml: string): string {
  return xml.replace(/^(\s*<\?xml[^>]*?encoding\s*=\s*["'])[^"']*/, '$1UTF-8');
}

/** libxml2 messages without the boilerplate and namespace URIs: "Element 'foo': This element is not expected." */
function readable(message: string): string {
  return message
    .replace(/^.*?Schemas validity error\s*:\s*/, '')
    .replace(/^.*?parser error\s*:\s*/, '')
    .replace(/\{[^}]*\}/g, '')
    .trim();
}
