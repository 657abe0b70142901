import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Libxml2Line } from './libxml2-diagnostics';

/** One input of an xmllint run: a name on xmllint's command line and the bytes (or text) behind it. */
export interface XmllintFile {
  readonly fileName: string;
  readonly contents: string | Uint8Array;
  /**
   * The caller gives these bytes up: their buffer is transferred to the worker (this thread's view is emptied),
   * and freed when the worker ends, with no wait for this thread's garbage collector.
   */
  readonly handOver?: boolean;
}

export interface XmllintRequest {
  readonly xml: readonly XmllintFile[];
  readonly schema: XmllintFile;
  readonly stream: boolean;
  /** wasm memory in 64 KiB pages: what libxml2 starts with and may grow to. */
  readonly initialMemoryPages: number;
  readonly maxMemoryPages: number;
}

/** xmllint-wasm's worker script, in the package's own folder (it finds `xmllint.wasm` beside itself). */
const XMLLINT_NODE = createRequire(import.meta.url).resolve('xmllint-wasm/xmllint-node.js');
/** The tag xmllint-wasm 5.x's worker puts on the messages it takes and sends (its `messageKey`). */
const MESSAGE_KEY = 'xmllint-wasm';

/*
 * Why not xmllint-wasm's own `validateXML`: its worker copies every input into emscripten's in-memory file system
 * with `contents.slice()` (MEMFS `write` without `canOwn`), so an 83 MiB a-melding shared with it through a
 * SharedArrayBuffer was held twice while libxml2 ran (issue 12: the XSD phase of the 50,000-person check peaked at
 * 287 MiB, 204 MiB without the copy). This listener is added before xmllint-node.js adds its own, so it sees each
 * request first (an EventEmitter calls listeners in the order they were added) and gives each input a `slice` that
 * returns a view: MEMFS then keeps the shared bytes as the file and libxml2 reads from them. The inputs are never
 * written to (`--noout`), so a view is safe.
 */
const BOOT = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (request) => {
  for (const file of (request && request.inputFiles) || []) {
    const bytes = file.contents;
    if (ArrayBuffer.isView(bytes)) bytes.slice = (start, end) => bytes.subarray(start, end);
  }
});
require(${JSON.stringify(XMLLINT_NODE)});
`;

/** A worker started ahead of its request (`prestartXmllintWorker`), taken by the next run. */
let spare: Worker | undefined;

/**
 * Starts xmllint-wasm's worker before there is anything to validate, so that the thread's start and xmllint's
 * script load on the other core while this thread still loads the check (the CLI: issue 12, a check's fixed cost).
 * The next `runXmllintWorker` takes it. It does not keep the process alive; a spare left unused just ends with it.
 */
export function prestartXmllintWorker(): void {
  if (spare) return;
  spare = new Worker(BOOT, { eval: true });
  spare.unref();
}

/**
 * Runs xmllint (`--noout --schema`, with `--stream` when asked) on the files in xmllint-wasm's worker, posting the
 * request as the package's `validateXML` does. Resolves with xmllint's messages, none when every file validates;
 * rejects when xmllint did not get to validate (an abort, an unexpected exit code), with its output.
 * The worker is started (or the spare taken) and the request posted before this returns.
 */
export function runXmllintWorker(request: XmllintRequest): Promise<Libxml2Line[]> {
  const args = ['--schema', request.schema.fileName, '--noout'];
  if (request.stream) args.push('--stream');
  for (const file of request.xml) args.push(file.fileName);
  const worker = spare ?? new Worker(BOOT, { eval: true });
  spare = undefined;
  worker.ref();
  return new Promise<Libxml2Line[]>((resolve, reject) => {
    worker.on('message', (reply: { [MESSAGE_KEY]?: true; exitCode: number; stderr: string }) => {
      if (reply?.[MESSAGE_KEY] !== true) return;
      // xmllint's exit codes: 0 valid, 3 and 4 a validation error (libxml2's xmllint.c); anything else is a failure.
      if (reply.exitCode === 0) resolve([]);
      else if (reply.exitCode === 3 || reply.exitCode === 4) resolve(xmllintMessages(reply.stderr));
      else reject(Object.assign(new Error(reply.stderr), { code: reply.exitCode }));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`xmllint's worker stopped (exit code ${code})`)));
    const handedOver = request.xml.flatMap(({ contents, handOver }) =>
      handOver && typeof contents !== 'string' && contents.buffer instanceof ArrayBuffer ? [contents.buffer] : [],
    );
    const inputFiles = [...request.xml, request.schema].map(({ fileName, contents }) => ({ fileName, contents }));
    worker.postMessage(
      {
        [MESSAGE_KEY]: true,
        inputFiles,
        args,
        initialMemory: request.initialMemoryPages,
        maxMemory: request.maxMemoryPages,
      },
      handedOver,
    );
  }).finally(() => void worker.terminate());
}

/**
 * xmllint's report, one message a line, read as xmllint-wasm 5.x reads it (so findings stay as they were): the
 * last line is the last file's verdict and is left out; `file:line: message` gives a place; a "file validates"
 * line is no message.
 */
export function xmllintMessages(stderr: string): Libxml2Line[] {
  return stderr
    .split('\n')
    .slice(0, -2)
    .flatMap((line): Libxml2Line[] => {
      const [fileName, lineNumber, ...rest] = line.split(':');
      if (fileName && lineNumber && rest.length)
        return [{ message: rest.join(':').trim(), loc: { fileName, lineNumber: parseInt(lineNumber, 10) } }];
      return line.trim().endsWith(' validates') ? [] : [{ message: line, loc: null }];
    });
}
