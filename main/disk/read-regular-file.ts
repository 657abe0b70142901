import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import type { LocalizedText } from '../../shared/domain/localized';

/** What stood at the path instead of a regular file. */
export type NotAFileKind = 'directory' | 'fifo' | 'character-device' | 'block-device' | 'socket' | 'other';

export type FileReadFailure =
  | { reason: 'missing' }
  | { reason: 'not-a-file'; found: NotAFileKind }
  /** `size` is what the file was found to hold: its stated size, or more than the limit once read. */
  | { reason: 'too-large'; size: number; maxBytes: number }
  | { reason: 'unreadable'; errno: string };

export type FileRead = { ok: true; bytes: Buffer } | { ok: false; failure: FileReadFailure };

// O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer (the fstat below then refuses
// it); O_NOCTTY keeps a terminal device from becoming the process's controlling terminal. Neither exists on
// Windows, which has no FIFOs at a file path.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const CHUNK = 64 * 1024;

/**
 * The one way main reads a file a person named (a report, the custom environment file, a CSV list, a tredjepart
 * file, a key or certificate): the path must be a regular file before it is opened, the opened handle must still
 * be one (the path may be swapped in between), and at most `maxBytes + 1` bytes are read whatever the size says,
 * because `/dev/zero` and `/proc` files state size 0 and a file may grow while it is read.
 */
export async function readRegularFile(path: string, maxBytes: number, options: SharedMemory = {}): Promise<FileRead> {
  return runAsync(readingSteps(path, maxBytes, options));
}

/**
 * Which files are read into shared memory (posted to a worker, shared rather than cloned): those of
 * `sharedFromBytes` or more and below `sharedBelowBytes`.
 */
export interface SharedMemory {
  readonly sharedFromBytes?: number;
  readonly sharedBelowBytes?: number;
}

/**
 * The same file, guarded the same way, handed to `onChunk` a piece at a time (`chunkBytes` each, the last one
 * shorter) instead of held whole: for a reader that needs each byte once. A piece is only valid during its call
 * (the buffer is reused). Resolves with the number of bytes read. 64 KiB by default: text decoded from a piece that
 * size is a young object, collected cheaply once parsed, where a 1 MiB piece's went to V8's large-object space; the
 * 50,000-person a-melding's check took 4.3–4.7 s of CPU with 1 MiB pieces and 3.5–3.7 s with 64 KiB ones (4 runs
 * each, paired), and peaked 15–20 MiB lower.
 */
export async function readRegularFileChunks(
  path: string,
  maxBytes: number,
  onChunk: (chunk: Uint8Array) => void,
  chunkBytes = CHUNK,
): Promise<{ ok: true; size: number } | { ok: false; failure: FileReadFailure }> {
  return runAsync(
    guardedSteps(path, maxBytes, function* (fd) {
      const buffer = Buffer.allocUnsafeSlow(chunkBytes);
      let total = 0;
      for (;;) {
        const into = buffer.subarray(0, Math.min(chunkBytes, maxBytes + 1 - total));
        const bytesRead = (yield { op: 'read', fd, into }) as number;
        if (bytesRead === 0) break;
        total += bytesRead;
        if (total > maxBytes) return { ok: false, failure: { reason: 'too-large', size: total, maxBytes } };
        onChunk(buffer.subarray(0, bytesRead));
      }
      return { ok: true, size: total };
    }),
  );
}

/** Carries out a reading's file-system calls with the promise API. */
async function runAsync<T>(steps: Generator<FsStep, T, FsAnswer>): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    try {
      step = steps.next(await doAsync(step.value));
    } catch (thrown) {
      step = steps.throw(thrown);
    }
  }
  return step.value;
}

/**
 * The same, synchronously, for a thread that has nothing else to do meanwhile: a report check (in its worker, or
 * the CLI) reading an RF-1086 return's 5,001 files took 0.63–1.05 s of its thread with the promise API (six
 * promise round trips a file) and 0.08–0.15 s with this. Never on the app's main thread, which must not block.
 */
export function readRegularFileSync(path: string, maxBytes: number, options: SharedMemory = {}): FileRead {
  return runSync(readingSteps(path, maxBytes, options));
}

/**
 * The first `headBytes` bytes of a regular file (fewer if it is shorter), with the same guard as the whole read and
 * no limit on its size: what the CLI reads to start the XSD worker a check will want (`xsd-warm-up.ts`).
 */
export function readRegularFileHeadSync(path: string, headBytes: number): FileRead {
  const steps = guardedSteps(path, Infinity, function* (fd) {
    const head = Buffer.allocUnsafe(headBytes);
    const bytesRead = (yield { op: 'read', fd, into: head }) as number;
    return { ok: true as const, bytes: head.subarray(0, bytesRead) };
  });
  return runSync(steps);
}

/** Carries out a reading's file-system calls synchronously. */
function runSync<T>(steps: Generator<FsStep, T, FsAnswer>): T {
  let step = steps.next();
  while (!step.done) {
    try {
      step = steps.next(doSync(step.value));
    } catch (thrown) {
      step = steps.throw(thrown);
    }
  }
  return step.value;
}

/** One file-system call the reading asks for; the async and the sync reader each carry it out their way. */
type FsStep =
  | { op: 'stat'; path: string }
  | { op: 'open'; path: string }
  | { op: 'fstat'; fd: Handle }
  | { op: 'read'; fd: Handle; into: Buffer }
  | { op: 'close'; fd: Handle };
type Handle = FileHandle | number;
type FsAnswer = Stats | Handle | number | undefined;

async function doAsync(step: FsStep): Promise<FsAnswer> {
  switch (step.op) {
    case 'stat':
      return stat(step.path);
    case 'open':
      return open(step.path, OPEN_FLAGS);
    case 'fstat':
      return (step.fd as FileHandle).stat();
    case 'read':
      return (await (step.fd as FileHandle).read(step.into, 0, step.into.length, null)).bytesRead;
    case 'close':
      await (step.fd as FileHandle).close();
      return undefined;
  }
}

function doSync(step: FsStep): FsAnswer {
  switch (step.op) {
    case 'stat':
      return statSync(step.path);
    case 'open':
      return openSync(step.path, OPEN_FLAGS);
    case 'fstat':
      return fstatSync(step.fd as number);
    case 'read':
      return readSync(step.fd as number, step.into, 0, step.into.length, null);
    case 'close':
      closeSync(step.fd as number);
      return undefined;
  }
}

/** The reading itself, written once: it yields each file-system call and is handed its answer (or its error). */
function* readingSteps(
  path: string,
  maxBytes: number,
  { sharedFromBytes = Infinity, sharedBelowBytes = Infinity }: SharedMemory,
): Generator<FsStep, FileRead, FsAnswer> {
  const allocate = (size: number) =>
    size >= sharedFromBytes && size < sharedBelowBytes ? allocateShared(size) : Buffer.allocUnsafeSlow(size);
  return yield* guardedSteps(path, maxBytes, function* (fd, opened) {
    const chunks: Buffer[] = [];
    let total = 0;
    // The stated size only sizes the first read (a regular file is then read in one go); it bounds nothing. The
    // buffer is no larger than that: a small file's bytes sent to a worker are cloned with their whole buffer
    // (5,000 shareholder forms of 1.8 KiB each in 64 KiB buffers posted 320 MiB to the XSD worker).
    let want = opened.size > 0 ? opened.size + 1 : CHUNK;
    while (total <= maxBytes) {
      const chunk = allocate(Math.min(want, maxBytes + 1 - total));
      want = CHUNK;
      const bytesRead = (yield { op: 'read', fd, into: chunk }) as number;
      if (bytesRead === 0) break;
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total > maxBytes) return { ok: false, failure: { reason: 'too-large', size: total, maxBytes } };
    return { ok: true, bytes: joined(chunks, total, allocate) };
  });
}

type Failed = { ok: false; failure: FileReadFailure };

/**
 * The guard around every reading: `path` must be a regular file within `maxBytes`, and the opened handle still
 * one; then `read` reads from it, and the handle is closed whatever happens.
 */
function* guardedSteps<T>(
  path: string,
  maxBytes: number,
  read: (fd: Handle, opened: Stats) => Generator<FsStep, T | Failed, FsAnswer>,
): Generator<FsStep, T | Failed, FsAnswer> {
  let before: Stats;
  try {
    before = (yield { op: 'stat', path }) as Stats;
  } catch (thrown) {
    return { ok: false, failure: openFailure(thrown) };
  }
  const refused = notRegular(before, maxBytes);
  if (refused) return { ok: false, failure: refused };

  let fd: Handle;
  try {
    fd = (yield { op: 'open', path }) as Handle;
  } catch (thrown) {
    return { ok: false, failure: openFailure(thrown) };
  }
  try {
    const opened = (yield { op: 'fstat', fd }) as Stats;
    const changed = notRegular(opened, maxBytes);
    if (changed) return { ok: false, failure: changed };
    return yield* read(fd, opened);
  } catch (thrown) {
    return { ok: false, failure: openFailure(thrown) };
  } finally {
    yield { op: 'close', fd };
  }
}

/**
 * The chunks as one buffer of its own (never a slice of Node's shared pool: the bytes may be transferred to a
 * worker, which would detach the pool for everyone).
 */
function joined(chunks: readonly Buffer[], total: number, allocate: (size: number) => Buffer): Buffer {
  if (chunks.length === 1) return chunks[0]!;
  const out = allocate(total);
  let at = 0;
  for (const chunk of chunks) at += chunk.copy(out, at);
  return out;
}

/**
 * A buffer over a SharedArrayBuffer: posted to a worker thread it is shared, not cloned. A report's bytes go to the
 * XSD worker, whose clone was a third copy of the file beside this thread's and libxml2's (50,000-person
 * a-melding: 83 MiB each). Only for large files: each shared buffer takes whole pages, which 5,000 shareholder
 * forms of 1.8 KiB paid for with 16 MiB more than their clones.
 */
function allocateShared(size: number): Buffer {
  return Buffer.from(new SharedArrayBuffer(size), 0, size);
}

function notRegular(stats: Stats, maxBytes: number): FileReadFailure | null {
  if (!stats.isFile()) return { reason: 'not-a-file', found: kindOf(stats) };
  if (stats.size > maxBytes) return { reason: 'too-large', size: stats.size, maxBytes };
  return null;
}

function kindOf(stats: Stats): NotAFileKind {
  if (stats.isDirectory()) return 'directory';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isCharacterDevice()) return 'character-device';
  if (stats.isBlockDevice()) return 'block-device';
  if (stats.isSocket()) return 'socket';
  return 'other';
}

function openFailure(thrown: unknown): FileReadFailure {
  const code = (thrown as NodeJS.ErrnoException).code ?? 'UNKNOWN';
  if (code === 'ENOENT' || code === 'ENOTDIR') return { reason: 'missing' };
  if (code === 'EISDIR') return { reason: 'not-a-file', found: 'directory' };
  return { reason: 'unreadable', errno: code };
}

const KIND_NAMES: Record<NotAFileKind, LocalizedText> = {
  directory: { nb: 'en mappe', en: 'a folder' },
  fifo: { nb: 'en navngitt pipe (FIFO)', en: 'a named pipe (FIFO)' },
  'character-device': { nb: 'en enhet', en: 'a device' },
  'block-device': { nb: 'en diskenhet', en: 'a disk device' },
  socket: { nb: 'en socket', en: 'a socket' },
  other: { nb: 'noe annet', en: 'something else' },
};

/** A size a person reads: "64 KiB", "5 MiB", "1.5 MiB". */
export function formatByteLimit(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KiB`;
  const mib = bytes / 1024 / 1024;
  return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
}

/**
 * The failure in words, naming the file as the caller shows it (a path, a base name, or words per language such
 * as "Miljøfilen x.json" / "The environment file x.json"). It never quotes the file's content, which may be
 * anything a person picked by mistake (or a secret).
 */
export function describeFileReadFailure(failure: FileReadFailure, name: string | LocalizedText): LocalizedText {
  const { nb, en } = typeof name === 'string' ? { nb: name, en: name } : name;
  switch (failure.reason) {
    case 'missing':
      return { nb: `Finner ikke ${nb}.`, en: `Cannot find ${en}.` };
    case 'not-a-file': {
      const kind = KIND_NAMES[failure.found];
      return {
        nb: `${capital(nb)} er ${kind.nb}, ikke en vanlig fil, og leses ikke. Velg en fil.`,
        en: `${capital(en)} is ${kind.en}, not a regular file, and is not read. Choose a file.`,
      };
    }
    case 'too-large':
      return {
        nb: `${capital(nb)} er større enn ${formatByteLimit(failure.maxBytes)}; er det riktig fil?`,
        en: `${capital(en)} is larger than ${formatByteLimit(failure.maxBytes)}; is it the right file?`,
      };
    case 'unreadable':
      return { nb: `Kan ikke lese ${nb} (${failure.errno}).`, en: `Cannot read ${en} (${failure.errno}).` };
  }
}

function capital(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
