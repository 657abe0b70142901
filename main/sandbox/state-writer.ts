import { Worker } from 'node:worker_threads';
import { journalCodec } from './state-journal';

export interface StateWriterOptions {
  snapshotFile: string;
  journalFile: string;
  /** The journal is folded into a new snapshot once it is larger than this and than the snapshot itself. */
  compactAtBytes: number;
}

type Reply = { kind: 'written'; id: number } | { kind: 'failed'; id: number; message: string };

/**
 * The one writer of the sandbox state's files, on a worker thread: the main thread (which serves every request)
 * hands it one encoded line per batch of changes and never waits on the disk. The worker appends the line and
 * syncs it, keeps its own copy of the state by replaying the line, and now and then writes that copy as a new
 * snapshot and empties the journal, so neither the journal nor a restart's replay grows without bound.
 */
export class StateWriter {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private closed: Promise<void> | null = null;
  private gone: Error | null = null;

  constructor(options: StateWriterOptions) {
    // Source text, not a file: it runs the same under tsx, Vitest and the bundled app. The modules are required
    // here, in text no tool rewrites (a bundler renames `require` inside functions); `__name` stands in for the
    // helper tsx's esbuild wraps named functions in (it lives outside the functions' text).
    const source = [
      'var __name = (fn) => fn;',
      `const journalCodec = ${journalCodec.toString()};`,
      `(${journalWorker.toString()})(journalCodec, require('node:fs'), require('node:path'), require('node:worker_threads'));`,
    ].join('\n');
    this.worker = new Worker(source, { eval: true, workerData: options });
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      const pending = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) this.worker.unref();
      if (reply.kind === 'written') pending?.resolve();
      else pending?.reject(new Error(reply.message));
    });
    // A writer that died (or was ended) answers every later call at once, so nothing waits on it forever.
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', () => this.fail(new Error('the sandbox state writer has stopped')));
  }

  /** Appends one encoded batch; resolves once it is on disk. */
  write(line: string): Promise<void> {
    return this.ask({ kind: 'batch', line });
  }

  /** Folds the journal into a new snapshot now (tests; the writer does it by itself as the journal grows). */
  compact(): Promise<void> {
    return this.ask({ kind: 'compact' });
  }

  /** Waits for every write handed over so far, then ends the thread. */
  close(): Promise<void> {
    // `sync` is handled after every message sent before it, so its answer means all earlier writes are done.
    this.closed ??= this.ask({ kind: 'sync' })
      .catch(() => undefined)
      .then(() => this.worker.terminate())
      .then(() => undefined);
    return this.closed;
  }

  private ask(message: { kind: 'batch'; line: string } | { kind: 'compact' } | { kind: 'sync' }): Promise<void> {
    if (this.gone) return Promise.reject(this.gone);
    const id = this.nextId++;
    // Held open while a write is under way, so a process that ends right after a change still writes it.
    this.worker.ref();
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  private fail(error: Error): void {
    this.gone ??= error;
    for (const pending of this.waiting.values()) pending.reject(error);
    this.waiting.clear();
  }
}

/**
 * The worker thread's body. It may use only its parameters and globals: it runs from its source text.
 * Messages are handled one at a time, in order, so batches land in the journal in the order they were made.
 */
function journalWorker(
  makeCodec: typeof journalCodec,
  fs: typeof import('node:fs'),
  path: typeof import('node:path'),
  { parentPort, workerData }: typeof import('node:worker_threads'),
): void {
  const options = workerData as StateWriterOptions;
  const codec = makeCodec();
  const read = (file: string) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  };

  fs.mkdirSync(path.dirname(options.snapshotFile), { recursive: true });
  const snapshotText = read(options.snapshotFile);
  const loaded = codec.load(snapshotText, read(options.journalFile));
  const state = loaded.slices;
  let seq = loaded.seq;
  let snapshotBytes = snapshotText === null ? 0 : Buffer.byteLength(snapshotText);
  if (loaded.unreadable) {
    // Kept aside for a look, never read again; the sandbox starts afresh from a new, empty snapshot.
    fs.renameSync(options.snapshotFile, `${options.snapshotFile}.unreadable-${Date.now()}`);
  }
  // A torn last line is cut off, so the next batch starts on a line of its own.
  const journal = fs.openSync(options.journalFile, 'a', 0o600);
  if (loaded.torn || loaded.unreadable) fs.ftruncateSync(journal, loaded.unreadable ? 0 : loaded.validBytes);
  let journalBytes = loaded.unreadable ? 0 : loaded.validBytes;
  if (loaded.unreadable) compact();

  function compact(): void {
    const text = codec.encodeSnapshot(seq, state);
    const temp = `${options.snapshotFile}.${process.pid}.tmp`;
    const handle = fs.openSync(temp, 'w', 0o600);
    try {
      fs.writeFileSync(handle, text);
      fs.fsyncSync(handle);
    } finally {
      fs.closeSync(handle);
    }
    fs.renameSync(temp, options.snapshotFile);
    // The snapshot names its last batch, so a crash before this truncate only leaves lines that are skipped.
    fs.ftruncateSync(journal, 0);
    journalBytes = 0;
    snapshotBytes = Buffer.byteLength(text);
  }

  parentPort?.on('message', (message: { kind: 'batch' | 'compact' | 'sync'; id: number; line?: string }) => {
    try {
      if (message.kind === 'batch' && message.line) {
        fs.writeSync(journal, message.line);
        fs.fdatasyncSync(journal);
        journalBytes += Buffer.byteLength(message.line);
        const batch = JSON.parse(message.line.slice(message.line.indexOf('\t') + 1)) as { s: number; o: [] };
        codec.apply(state, batch.o);
        seq = batch.s;
        if (journalBytes > Math.max(options.compactAtBytes, snapshotBytes)) compact();
      } else if (message.kind === 'compact') {
        compact();
      }
      parentPort.postMessage({ kind: 'written', id: message.id });
    } catch (error) {
      parentPort.postMessage({ kind: 'failed', id: message.id, message: (error as Error).message });
    }
  });
}
