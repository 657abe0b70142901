import { memoryPages } from 'xmllint-wasm';
import type { XsdUsed } from '../../shared/reports/check-result';
import { error, type Finding } from '../../shared/reports/finding';
import { loadSchema } from './schema-files';
import { runXmllintWorker, type XmllintMessage } from './xmllint-worker';

export interface XsdDocument {
  /** A key of the caller's choosing; findings come back under it. */
  readonly key: string;
  /** The text, or its bytes when they are UTF-8 (handed to libxml2 without re-encoding). */
  readonly xml: string | Uint8Array;
  /**
   * The document again, should a large one that was validated streaming have to be validated once more with a
   * tree (see `startXsdValidation`); without it, its bytes are kept until then.
   */
  readonly again?: () => string | Uint8Array;
  /** The caller gives the bytes up to the worker (see `XmllintFile.handOver`); `again` must then be given. */
  readonly handOver?: boolean;
}

/**
 * Validates documents against one of the project's XSDs with libxml2 (xmllint-wasm), in as few xmllint runs as
 * the limits below allow (see `planXsdRuns`).
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
 * How documents are grouped into xmllint runs. Each run starts a worker and compiles the wasm module and the
 * schema (about 0.3 s of CPU on the shared dev machine, measured in test/bench/reports.bench.ts), so small
 * documents share as few runs as possible, validated as trees: one schema compilation per run, where `--stream`
 * recompiled the schema for every document (2,000 RF-1086 shareholder forms took 6.7 s).
 *
 * xmllint-wasm copies xmllint's arguments onto the wasm stack (emscripten's default is 64 KiB), which libxml2's
 * own calls share: 2,250 RF-1086 forms with long file names hung it, 5,000 overflowed it ("memory access out of
 * bounds"), and with short names one run broke between 3,000 and 3,238 forms (about 23 KiB of arguments). Files are
 * therefore named by a short base-36 number and a run's argument bytes are held to about half of that breaking
 * point (about 1,650 documents a run). xmllint-wasm has no `--filelist`, which would have avoided the stack.
 */
export const XSD_RUN_LIMITS = {
  /** Argument bytes per run: each file costs its name, a NUL and a 4-byte pointer. */
  argvBytes: 12 * 1024,
  /** Document bytes per tree run, so libxml2's trees of one batch stay small. */
  batchBytes: 32 * 1024 * 1024,
  /** A document this large is validated on its own, streaming (no tree: about 60 MiB less at 10,000 people). */
  streamFromBytes: 4 * 1024 * 1024,
  /** Runs at a time: the machine's two cores, one of which the caller's own parse is also using. */
  concurrentRuns: 2,
} as const;

type Run = { documents: XsdDocument[]; stream: boolean };

/** Plans the runs: each large document alone and streaming, the rest in tree batches within the limits. */
export function planXsdRuns(documents: readonly XsdDocument[], limits = XSD_RUN_LIMITS): Run[] {
  const runs: Run[] = [];
  let batch: XsdDocument[] = [];
  let batchBytes = 0;
  let argvBytes = 0;
  for (const document of documents) {
    const size = sizeOf(document);
    if (size >= limits.streamFromBytes) {
      runs.push({ documents: [document], stream: true });
      continue;
    }
    const argv = argvCost(batch.length);
    if (batch.length && (batchBytes + size > limits.batchBytes || argvBytes + argv > limits.argvBytes)) {
      runs.push({ documents: batch, stream: false });
      batch = [];
      batchBytes = 0;
      argvBytes = 0;
    }
    argvBytes += argvCost(batch.length);
    batch.push(document);
    batchBytes += size;
  }
  if (batch.length) runs.push({ documents: batch, stream: false });
  return runs;
}

/**
 * The same with the schema's text at hand. The first runs' workers are started and their documents posted
 * before this returns, so a caller can parse on the main thread while libxml2 validates on another core.
 *
 * A large document is validated streaming first (no tree). libxml2's streaming reader reports a missing child at
 * the parent's end tag rather than its start tag, so a large document with errors is validated again with a
 * tree, and those findings are the ones reported. Batched small documents are trees from the start.
 */
export function startXsdValidation(
  documents: readonly XsdDocument[],
  schemaText: string,
  limits = XSD_RUN_LIMITS,
): Promise<Map<string, Finding[]>> {
  const result = new Map<string, Finding[]>(documents.map((d) => [d.key, []]));
  const queue = planXsdRuns(documents, limits);
  const runOne = async (run: Run) => {
    // Only the keys, and for a streamed document how to get it again, outlive the start of a run: the documents'
    // bytes can go once the worker has its copy (83 MiB for a 50,000-person a-melding).
    const documents = run.documents.splice(0);
    const keys = documents.map((d) => d.key);
    const again = run.stream
      ? documents.map(
          (d) =>
            d.again ??
            (
              (xml) => () =>
                xml
            )(d.xml),
        )
      : [];
    const started = runXmllint(documents, schemaText, run.stream);
    documents.length = 0;
    const first = await started;
    if (first.kind === 'failed') return void failedFor(keys, first.detail, result);
    if (!run.stream) return keys.forEach((key, i) => result.set(key, first.errorsByDocument[i]!));
    const invalid = keys.flatMap((key, i) => (first.errorsByDocument[i]!.length > 0 ? [i] : []));
    if (invalid.length === 0) return;
    const retry = invalid.map((i) => ({ key: keys[i]!, xml: again[i]!() }));
    const second = await runXmllint(retry, schemaText, false);
    if (second.kind === 'failed')
      return void failedFor(
        invalid.map((i) => keys[i]!),
        second.detail,
        result,
      );
    invalid.forEach((i, n) => result.set(keys[i]!, second.errorsByDocument[n]!));
  };
  // A small pool: each lane takes the next run when its last one is done; the first runs start synchronously.
  const lane = async (first: Run | undefined): Promise<void> => {
    for (let run = first; run; run = queue.shift()) await runOne(run);
  };
  const lanes = Array.from({ length: Math.min(limits.concurrentRuns, queue.length) }, () => lane(queue.shift()));
  return Promise.all(lanes).then(() => result);
}

type XmllintRun = { kind: 'done'; errorsByDocument: Finding[][] } | { kind: 'failed'; detail: string };

/** A short name for the i-th document of a run: base 36, so 46,656 documents need at most three characters. */
function fileName(index: number): string {
  return index.toString(36);
}

/** What the i-th file of a run costs on the wasm stack: its name, a NUL and a 4-byte pointer. */
function argvCost(index: number): number {
  return fileName(index).length + 5;
}

function sizeOf(document: XsdDocument): number {
  return typeof document.xml === 'string' ? document.xml.length : document.xml.byteLength;
}

function runXmllint(documents: readonly XsdDocument[], schemaText: string, stream: boolean): Promise<XmllintRun> {
  const count = documents.length;
  const indexByName = new Map(documents.map((_, i) => [fileName(i), i]));
  const totalChars = documents.reduce((acc, d) => acc + sizeOf(d), 0);
  let validation: Promise<XmllintMessage[]>;
  try {
    // The worker is started and the documents posted synchronously.
    validation = runXmllintWorker({
      xml: documents.map((d, i) => ({
        fileName: fileName(i),
        contents: typeof d.xml === 'string' ? asUtf8Declared(d.xml) : d.xml,
        ...(d.handOver ? { handOver: true } : {}),
      })),
      schema: { fileName: 'schema.xsd', contents: schemaText },
      stream,
      // libxml2's tree for a large a-melding needs far more than the 32 MiB default; memory grows on demand.
      initialMemoryPages: memoryPages.defaultInitialMemoryPages,
      maxMemoryPages: Math.min(memoryPages.max, 256 * memoryPages.MiB + Math.ceil((totalChars * 16) / 65536)),
    });
  } catch (thrown) {
    return Promise.resolve({ kind: 'failed', detail: describe(thrown) });
  }
  return validation.then(
    (errors): XmllintRun => {
      const errorsByDocument = Array.from({ length: count }, (): Finding[] => []);
      let lastIndex: number | undefined;
      for (const e of errors) {
        // xmllint's "<file> fails to validate" summary has no line: the document's own errors say it already.
        const summary = !e.loc && /^(\S+) fails to validate$/.exec(e.message.trim());
        if (summary && indexByName.has(summary[1]!)) continue;
        // A line without a place continues the last document's message (a parser error's source excerpt); one
        // before any document's (the schema, libxml2 itself) concerns every document of the run.
        const index = e.loc ? indexByName.get(e.loc.fileName) : lastIndex;
        if (index !== undefined) lastIndex = index;
        const message = readable(e.message);
        const line = e.loc?.lineNumber;
        for (const i of index === undefined ? errorsByDocument.keys() : [index])
          errorsByDocument[i]!.push({
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

function failedFor(keys: readonly string[], detail: string, result: Map<string, Finding[]>): Map<string, Finding[]> {
  for (const key of keys) {
    result.set(key, [
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
