import { memoryPages } from 'xmllint-wasm';
import type { XsdUsed } from '../../shared/reports/check-result';
import { XSD_VERSIONS } from '../../shared/reports/xsd-versions';
import type { Finding } from '../../shared/reports/finding';
import { findingsFromLibxml2Lines, validatorFailedFinding, type Libxml2Line } from './libxml2-diagnostics';
import { loadSchema } from './schema-files';
import { asUtf8Declared } from './utf8-declared';
import { validateTreesInWorker } from './xsd-tree-in-worker';
import { runXmllintWorker } from './xmllint-worker';

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
 * The two builds of libxml2 Innsender validates with, behind one interface (`validateAgainstXsd`, `startXsdCheck`):
 * - `libxml2-wasm` (`xsd-tree-validate.ts`, in a worker of its own: `xsd-tree-in-worker.ts`): each document a tree,
 *   against one compiled schema kept for every later document; for RF-1086 forms, thousands of small files (5,000
 *   forms: ≈ 0.5 s, where xmllint-wasm took ≈ 1.4 s of CPU in four runs that each started a worker and compiled the
 *   wasm module and the schema).
 * - `xmllint-wasm` (below): runs in a worker of its own, beside the parse, and can stream a large document without
 *   building its tree (an a-melding of 50,000 people: 83 MiB, whose tree would take 545 MiB in libxml2-wasm).
 * Both give libxml2's diagnostics as the same findings (`libxml2-diagnostics.ts`).
 */
export type XsdEngine = 'libxml2-wasm' | 'xmllint-wasm';

/** RF-1086 forms are many small documents; an a-melding is one document that may be large. */
export function xsdEngineFor(schema: XsdUsed): XsdEngine {
  return 'rf1086' in XSD_VERSIONS[schema] ? 'libxml2-wasm' : 'xmllint-wasm';
}

/**
 * Validates documents against one of the project's XSDs with the engine for it (or the one asked for).
 * Returns the findings per document key, with libxml2's line numbers.
 */
export async function validateAgainstXsd(
  documents: readonly XsdDocument[],
  schema: XsdUsed,
  options: { schemaDir?: string; engine?: XsdEngine } = {},
): Promise<Map<string, Finding[]>> {
  if (documents.length === 0) return new Map();
  return (await startXsdCheck(documents, schema, options)).findings;
}

/**
 * Starts validating: once this resolves, the workers have their documents (xmllint-wasm's first runs, or the tree
 * worker's batches), so the caller can parse while they validate.
 */
export async function startXsdCheck(
  documents: readonly XsdDocument[],
  schema: XsdUsed,
  { schemaDir, engine = xsdEngineFor(schema) }: { schemaDir?: string; engine?: XsdEngine } = {},
): Promise<{ findings: Promise<Map<string, Finding[]>>; schemaText: string }> {
  const schemaText = await loadSchema(schema, schemaDir);
  const findings =
    engine === 'libxml2-wasm'
      ? validateTreesInWorker(documents, { key: `${schemaDir ?? ''}|${schema}`, text: schemaText })
      : startXsdValidation(documents, schemaText);
  return { findings, schemaText };
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
  let validation: Promise<Libxml2Line[]>;
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
    (errors): XmllintRun => ({
      kind: 'done',
      errorsByDocument: findingsFromLibxml2Lines(errors, indexByName, count),
    }),
    (thrown: unknown): XmllintRun => ({ kind: 'failed', detail: describe(thrown) }),
  );
}

function failedFor(keys: readonly string[], detail: string, result: Map<string, Finding[]>): Map<string, Finding[]> {
  for (const key of keys) result.set(key, [validatorFailedFinding(detail)]);
  return result;
}

function describe(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message.slice(0, 300) : String(thrown);
}
