/**
 * The sandbox state's files: a snapshot (`state.json`) and a journal of changes made since (`state.json.journal`),
 * one line per batch of changes. A batch is `<checksum>\t{"s":seq,"o":[[path,value]|[path]]}\n`: each op sets the
 * value at `path` (an array of keys below the root of slices) or, with no value, deletes it. Values are the
 * current ones when the batch was written, so replaying the batches in order rebuilds the state.
 *
 * Everything here is in one self-contained function with no imports and no outer names, because the journal
 * writer runs on a worker thread from this function's source text (`state-writer.ts`).
 */
export type JournalPath = string[];
export type JournalOp = [JournalPath, unknown] | [JournalPath];
export interface JournalBatch {
  /** Increases by one per batch; the snapshot names the last batch it holds, so older lines are skipped. */
  s: number;
  o: JournalOp[];
}

export interface LoadedState {
  slices: Record<string, unknown>;
  seq: number;
  /** The journal's bytes that hold whole, intact batches; anything after them is a torn or damaged write. */
  validBytes: number;
  /** A torn or damaged tail was found (and ignored) after `validBytes`. */
  torn: boolean;
  /** The snapshot could not be read: the sandbox starts afresh (it is training data, not the user's records). */
  unreadable: boolean;
}

export interface JournalCodec {
  encode(batch: JournalBatch): string;
  encodeSnapshot(seq: number, slices: Record<string, unknown>): string;
  apply(root: Record<string, unknown>, ops: JournalOp[]): void;
  load(snapshotText: string | null, journalText: string | null): LoadedState;
}

export const SNAPSHOT_FORMAT = 'innsender-sandbox-state';

export function journalCodec(): JournalCodec {
  const FORMAT = 'innsender-sandbox-state';

  // FNV-1a over the UTF-16 code units: enough to tell a torn or garbled line from a whole one.
  function checksum(text: string): string {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, '0');
  }

  function encode(batch: JournalBatch): string {
    const json = JSON.stringify(batch);
    return `${checksum(json)}\t${json}\n`;
  }

  function encodeSnapshot(seq: number, slices: Record<string, unknown>): string {
    return JSON.stringify({ format: FORMAT, version: 2, seq, slices });
  }

  function isContainer(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null;
  }

  function apply(root: Record<string, unknown>, ops: JournalOp[]): void {
    for (const op of ops) {
      const path = op[0];
      let container: unknown = root;
      for (let i = 0; i < path.length - 1 && isContainer(container); i++) container = container[path[i] as string];
      // A path whose parent is gone was overtaken by a later change to that parent, in this batch or a later one.
      if (!isContainer(container) || path.length === 0) continue;
      const key = path[path.length - 1] as string;
      if (op.length === 2) container[key] = op[1];
      else delete container[key];
    }
  }

  function parseSnapshot(text: string): { seq: number; slices: Record<string, unknown> } | null {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return null;
    }
    if (!isContainer(parsed) || Array.isArray(parsed)) return null;
    if (parsed.format === FORMAT && isContainer(parsed.slices) && typeof parsed.seq === 'number') {
      return { seq: parsed.seq, slices: parsed.slices };
    }
    // A state.json from before the journal: the whole object is the slices.
    return { seq: 0, slices: parsed };
  }

  function load(snapshotText: string | null, journalText: string | null): LoadedState {
    const snapshot = snapshotText === null ? { seq: 0, slices: {} } : parseSnapshot(snapshotText);
    if (!snapshot) return { slices: {}, seq: 0, validBytes: 0, torn: false, unreadable: true };
    const slices = snapshot.slices;
    let seq = snapshot.seq;
    let validBytes = 0;
    let torn = false;
    const text = journalText ?? '';
    let start = 0;
    while (start < text.length) {
      const end = text.indexOf('\n', start);
      const line = end === -1 ? null : text.slice(start, end);
      const tab = line === null ? -1 : line.indexOf('\t');
      const json = line !== null && tab > 0 ? line.slice(tab + 1) : null;
      let batch: JournalBatch | null = null;
      if (json !== null && checksum(json) === line?.slice(0, tab)) {
        try {
          batch = JSON.parse(json) as JournalBatch;
        } catch {
          batch = null;
        }
      }
      // A line cut short by a crash, or damaged: what came before it stands, nothing after it is trusted.
      if (!batch || typeof batch.s !== 'number' || !Array.isArray(batch.o)) {
        torn = true;
        break;
      }
      if (batch.s > seq) {
        apply(slices, batch.o);
        seq = batch.s;
      }
      start = (end as number) + 1;
      validBytes += Buffer.byteLength(line as string, 'utf8') + 1;
    }
    return { slices, seq, validBytes, torn, unreadable: false };
  }

  return { encode, encodeSnapshot, apply, load };
}
