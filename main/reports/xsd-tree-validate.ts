import type { ErrorDetail, XsdValidator } from 'libxml2-wasm';
import type { Finding } from '../../shared/reports/finding';
import {
  findingsFromLibxml2Lines,
  libxml2LinesOf,
  validatorFailedFinding,
  type Libxml2Line,
} from './libxml2-diagnostics';
import { asUtf8Declared } from './utf8-declared';
import type { XsdDocument } from './xsd-validate';

/**
 * Many small documents (an RF-1086 return's shareholder forms) validated as trees by libxml2-wasm, in the thread that
 * calls it (the tree worker, `xsd-tree-worker.ts`), against one schema compiled once per XSD for that thread's life: xmllint-wasm pays a worker start, a wasm
 * compile and a schema compile on every run (≈ 0.3 s), and can take only about 1,650 documents a run.
 * Measured on 5,000 generated forms (shared/reports/README.md, issue 12): schema 0.06–0.08 s, all forms 0.39–0.45 s,
 * where xmllint-wasm's four runs took ≈ 1.4 s of CPU.
 *
 * Each document is parsed, validated and freed before the next, so libxml2's memory holds one tree at a time; the
 * documents are taken in batches between which the thread is let go.
 */
export const TREE_BATCH = 250;

type Libxml2 = typeof import('libxml2-wasm');
let loading: Promise<Libxml2> | undefined;
/** libxml2-wasm (its wasm is inside its JavaScript) is loaded on first use: an a-melding check never pays for it. */
export const libxml2 = () => (loading ??= import('libxml2-wasm'));

/**
 * The parse options of xmllint itself (xmllint.c: XML_PARSE_COMPACT | XML_PARSE_BIG_LINES, so line numbers past
 * 65,535 stay right) and no network. No NOENT/DTDLOAD: entities are never substituted nor a DTD fetched.
 */
const parseOptions = ({ ParseOption }: Libxml2) =>
  ParseOption.XML_PARSE_COMPACT | ParseOption.XML_PARSE_BIG_LINES | ParseOption.XML_PARSE_NONET;

export interface TreeSchema {
  /** What the compiled schema is cached under (an `XsdUsed` and the folder it came from). */
  readonly key: string;
  readonly text: string;
}

type Compiled = { ok: true; validator: XsdValidator } | { ok: false; detail: string };
const compiled = new Map<string, Compiled>();

/** The compiled schema, made on first use; it lives as long as the thread, as one is reused for every check. */
function compiledSchema(lib: Libxml2, schema: TreeSchema): Compiled {
  let found = compiled.get(schema.key);
  if (!found) {
    let xsd: InstanceType<Libxml2['XmlDocument']> | undefined;
    try {
      xsd = lib.XmlDocument.fromString(schema.text, { url: 'schema.xsd', option: parseOptions(lib) });
      found = { ok: true, validator: lib.XsdValidator.fromDoc(xsd) };
    } catch (thrown) {
      found = { ok: false, detail: describe(thrown) };
    } finally {
      xsd?.dispose();
    }
    compiled.set(schema.key, found);
  }
  return found;
}

/** Validates the documents against the schema, as trees in batches; the findings by each document's key. */
export async function validateTrees(
  documents: readonly XsdDocument[],
  schema: TreeSchema,
): Promise<Map<string, Finding[]>> {
  const result = new Map<string, Finding[]>();
  const lib = await libxml2();
  const validator = compiledSchema(lib, schema);
  for (let start = 0; start < documents.length; start += TREE_BATCH) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const document of documents.slice(start, start + TREE_BATCH)) {
      result.set(
        document.key,
        validator.ok ? validateOne(lib, validator.validator, document.xml) : [validatorFailedFinding(validator.detail)],
      );
    }
  }
  return result;
}

/** The name a document has in libxml2's diagnostics; each document is validated on its own, so one name serves. */
const NAME = 'document.xml';
const DOCTYPE = '<!DOCTYPE';

function validateOne(lib: Libxml2, validator: XsdValidator, xml: string | Uint8Array): Finding[] {
  // The reader refuses any DOCTYPE before a finding of this is shown; libxml2 is not even handed one to parse.
  if (hasDoctype(xml)) return [];
  const option = parseOptions(lib);
  let doc: InstanceType<Libxml2['XmlDocument']> | undefined;
  let lines: Libxml2Line[];
  try {
    doc =
      typeof xml === 'string'
        ? lib.XmlDocument.fromString(asUtf8Declared(xml), { url: NAME, option })
        : lib.XmlDocument.fromBuffer(xml, { url: NAME, option });
    validator.validate(doc);
    return [];
  } catch (thrown) {
    // A parse error (XmlParseError) or validity errors (XmlValidateError) carry libxml2's own diagnostics.
    if (!(thrown instanceof lib.XmlLibError) || thrown.details.length === 0)
      return [validatorFailedFinding(describe(thrown))];
    lines = thrown.details.flatMap((d: ErrorDetail) => libxml2LinesOf(NAME, d.message, d.line ?? 0));
  } finally {
    doc?.dispose();
  }
  return findingsFromLibxml2Lines(lines, new Map([[NAME, 0]]), 1)[0]!;
}

function hasDoctype(xml: string | Uint8Array): boolean {
  if (typeof xml === 'string') return xml.includes(DOCTYPE);
  return Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength).includes(DOCTYPE);
}

function describe(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message.trim().slice(0, 300) : String(thrown);
}
