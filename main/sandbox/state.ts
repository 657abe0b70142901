import { existsSync, readFileSync } from 'node:fs';
import { journalCodec, type JournalOp, type JournalPath } from './state-journal';
import { ChangeTracker } from './state-tracking';
import { StateWriter } from './state-writer';

export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

export interface EmulatorStateOptions {
  /** The journal is folded into a new snapshot once it is larger than this and than the snapshot (default 4 MiB). */
  compactAtBytes?: number;
}

/**
 * The emulator's memory: one JSON-serialisable slice per module (Maskinporten's clients, Altinn's systems, …).
 * With a file it survives a restart, so a sandbox session (an approved systembruker, a submission's dialogs)
 * is still there the next time the app starts.
 *
 * Saving costs what changed, not what is kept: the slices are tracked (`state-tracking.ts`), a save writes only the
 * changed paths as one journal line, and a worker thread appends it, syncs it and now and then folds the journal
 * into a new snapshot (`state-writer.ts`). Saves in the same turn of the event loop become one line.
 */
export class EmulatorState {
  private root: Record<string, unknown> = {};
  private readonly inits = new Map<string, () => unknown>();
  private readonly tracker = new ChangeTracker();
  private readonly codec = journalCodec();
  private readonly writer: StateWriter | null = null;
  private seq = 0;
  private scheduled: Promise<void> | null = null;
  private lastWrite: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly file?: string,
    options: EmulatorStateOptions = {},
  ) {
    if (!file) return;
    const journalFile = journalFileOf(file);
    const loaded = this.codec.load(readIfThere(file), readIfThere(journalFile));
    this.root = loaded.slices;
    this.seq = loaded.seq;
    this.writer = new StateWriter({
      snapshotFile: file,
      journalFile,
      compactAtBytes: options.compactAtBytes ?? 4 * 1024 * 1024,
    });
  }

  /** The module's slice; created by `init` the first time (or after a reset). Mutate it, then call `save()`. */
  slice<T>(name: string, init: () => T): T {
    this.inits.set(name, init);
    if (!(name in this.root)) {
      this.root[name] = init();
      this.tracker.mark([name]);
    }
    return this.tracker.view(this.root[name] as T, [name]);
  }

  reset(): void {
    for (const name of Object.keys(this.root)) this.tracker.mark([name]);
    this.root = Object.fromEntries([...this.inits].map(([name, init]) => [name, init()]));
    for (const name of Object.keys(this.root)) this.tracker.mark([name]);
    void this.save();
  }

  /** The whole state as plain data (the admin surface's `GET /__admin/state`). */
  snapshot(): Record<string, unknown> {
    return { ...this.root };
  }

  /**
   * The plain data behind a value read from a slice, for a scan that only reads (a filter over every submission):
   * it skips the tracking proxies' cost per property. A write through it would not be saved, hence the type.
   */
  readOnly<T>(value: T): DeepReadonly<T> {
    return this.tracker.unwrap(value) as DeepReadonly<T>;
  }

  /** A deep copy of a value read from a slice, as plain data (structuredClone refuses the tracking proxies). */
  copyOf<T>(value: T): T {
    return structuredClone(this.tracker.unwrap(value));
  }

  /**
   * Writes what changed since the last save, once the current turn of the event loop is done (so a handler's
   * several saves, and those of requests served together, become one journal line). Resolves once it is on disk.
   */
  save(): Promise<void> {
    this.scheduled ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      this.scheduled = null;
      return this.writeChanges();
    });
    return this.scheduled;
  }

  /** Waits for every save made so far. */
  async flush(): Promise<void> {
    if (this.scheduled) await this.scheduled;
    await this.lastWrite;
  }

  /** Writes what is left and ends the writer thread; the state is not used after this. */
  async close(): Promise<void> {
    await this.writeChanges();
    this.closed = true;
    await this.lastWrite;
    await this.writer?.close();
  }

  /** Folds the journal into the snapshot now (tests; the writer does it by itself as the journal grows). */
  async compact(): Promise<void> {
    await this.flush();
    await this.writer?.compact();
  }

  private writeChanges(): Promise<void> {
    const paths = this.tracker.take();
    if (!this.writer || this.closed || paths.length === 0) return this.lastWrite;
    const ops = paths.map((path) => this.opFor(path));
    this.seq += 1;
    const line = this.codec.encode({ s: this.seq, o: ops });
    // Chained, so flush() after many saves waits for the last. The sandbox is training data: a failed write is not
    // worth failing a request (or an unhandled rejection) over; the writer keeps going with the next batch.
    this.lastWrite = this.writer.write(line).catch(() => undefined);
    return this.lastWrite;
  }

  private opFor(path: JournalPath): JournalOp {
    let value: unknown = this.root;
    for (const key of path) {
      value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    }
    return value === undefined ? [path] : [path, value];
  }
}

export function journalFileOf(stateFile: string): string {
  return `${stateFile}.journal`;
}

function readIfThere(file: string): string | null {
  if (!existsSync(file)) return null;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
