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
  if (documents.length === 0) return new Map();
  return startXsdValidation(documents, await loadSchema(schema, options.schemaDir));
}

/**
 * The same with the schema's text at hand. The worker is started and the documents are posted to it before this
 * returns, so a caller can parse on the main thread while libxml2 validates on another core; the caller may drop
 * its references to the documents' bytes once it has returned.
 *
 * libxml2 first validates streaming (`--stream`: no document tree, about 60 MiB less for a 10,000-person
 * a-melding). Its streaming reader reports a missing child at the parent's end tag rather than its start tag,
 * so documents with errors are validated again with a tree, and those findings are the ones reported.
 */
export function startXsdValidation(
  documents: readonly XsdDocument[],
  schemaText: string,
): Promise<Map<string, Finding[]>> {
  const result = new Map<string, Finding[]>(documents.map((d) => [d.key, []]));
  if (documents.length === 0) return Promise.resolve(result);
  const streamed = runXmllint(documents, schemaText, true);
  return (async () => {
    const first = await streamed;
    if (first.kind === 'failed') return failedFor(documents, first.detail, result);
    const invalid = documents.filter((_, i) => first.errorsByDocument[i]!.length > 0);
    if (invalid.length === 0) return result;
    const second = await runXmllint(invalid, schemaText, false);
    if (second.kind === 'failed') return failedFor(invalid, second.detail, result);
    invalid.forEach((d, i) => result.set(d.key, second.errorsByDocument[i]!));
    return result;
  })();
}

type XmllintRun = { kind: 'done'; errorsByDocument: Finding[][] } | { kind: 'failed'; detail: string };

function runXmllint(documents: readonly XsdDocument[], schemaText: string, stream: boolean): Promise<XmllintRun> {
  const names = documents.map((_, i) => `document${i}.xml`);
  const totalChars = documents.reduce(
    (acc, d) => acc + (typeof d.xml === 'string' ? d.xml.length : d.xml.byteLength),
    0,
  );
  let validation: ReturnType<typeof validateXML>;
  try {
    // validateXML starts its worker and posts the documents synchronously.
    validation = validateXML({
      xml: documents.map((d, i) => ({
        fileName: names[i]!,
        contents: typeof d.xml === 'string' ? asUtf8Declared(d.xml) : d.xml,
      })),
      schema: [{ fileName: 'schema.xsd', contents: schemaText }],
      stream,
      // libxml2's tree for a large a-melding needs far more than the 32 MiB default; memory grows on demand.
      initialMemoryPages: memoryPages.defaultInitialMemoryPages,
      maxMemoryPages: Math.min(memoryPages.max, 256 * memoryPages.MiB + Math.ceil((totalChars * 16) / 65536)),
    });
  } catch (thrown) {
    return Promise.resolve({ kind: 'failed', detail: describe(thrown) });
  }
  return validation.then(
    (done): XmllintRun => {
      const errorsByDocument = documents.map((): Finding[] => []);
      for (const e of done.errors) {
        const index = e.loc ? names.indexOf(e.loc.fileName) : -1;
        const message = readable(e.message);
        const line = e.loc?.lineNumber;
        errorsByDocument[Math.max(0, index)]!.push({
          ...error(
            'XSD_INVALID',
            '',
            `Følger ikke skjemaet (XSD)${line ? ` på linje ${line}` : ''}: ${message}`,
            `Does not follow the schema (XSD)${line ? ` at line ${line}` : ''}: ${message}`,
          ),
          ...(line && line > 0 ? { line } : {}),
        });
      }
      return { kind: 'done', errorsByDocument };
    },
    (thrown: unknown): XmllintRun => ({ kind: 'failed', detail: describe(thrown) }),
  );
}

function failedFor(
  documents: readonly XsdDocument[],
  detail: string,
  result: Map<string, Finding[]>,
): Map<string, Finding[]> {
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

function describe(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message.slice(0, 300) : String(thrown);
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
