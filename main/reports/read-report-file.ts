import { createHash } from 'node:crypto';
import {
  decodeReportBytes,
  DEFAULT_MAX_REPORT_BYTES,
  sizeCeilingFinding,
} from '../../shared/reports/xml/decode-report-bytes';
import { error, type Finding } from '../../shared/reports/finding';
import {
  describeFileReadFailure,
  readRegularFile,
  readRegularFileChunks,
  readRegularFileSync,
  type FileRead,
} from '../disk/read-regular-file';

export interface ReportFile {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly text: string;
  readonly encoding: string;
  readonly sha256: string;
  readonly size: number;
}

export type ReadReportFileResult =
  { ok: true; file: ReportFile } | { ok: false; path: string; finding: Finding; sha256?: string; size?: number };

/**
 * Reads a report file with a size ceiling enforced before and while reading (never more than maxBytes + 1
 * bytes are held, even if the file grows or is a pipe), hashes it and decodes its text.
 */
export async function readReportFile(path: string, options: { maxBytes?: number } = {}): Promise<ReadReportFileResult> {
  const loaded = await readReportFileBytes(path, options);
  return loaded.ok ? readReportBytes(path, loaded.bytes, options) : loaded;
}

/** From this size a report file is read into shared memory (see `readRegularFile`). */
export const SHARED_FROM_BYTES = 1024 * 1024;

/**
 * From this size a report file is read into memory of its own instead, which the check hands over (transfers) to
 * the XSD worker, and is then parsed from the file again in chunks (`readReportFileAgain`, check-report-files.ts):
 * memory shared with a worker is only freed once this thread's garbage collector gets to it, which held a
 * 50,000-person a-melding's 83 MiB through the whole parse (issue 12).
 */
export const READ_AGAIN_FROM_BYTES = 32 * 1024 * 1024;

/** Which report files are read into shared memory: from 1 MiB, below the size that is read again. */
const SHARED_MEMORY = { sharedFromBytes: SHARED_FROM_BYTES, sharedBelowBytes: READ_AGAIN_FROM_BYTES };

export type ReportFileBytes =
  { ok: true; bytes: Uint8Array } | { ok: false; path: string; finding: Finding; size?: number };

/**
 * Only the bytes, with the same ceiling, through the one file reader (a FIFO, a device or a folder is refused
 * before it is opened); a check hands them to the XSD worker before hashing and decoding.
 */
export async function readReportFileBytes(path: string, options: { maxBytes?: number } = {}): Promise<ReportFileBytes> {
  // A large file in shared memory: the XSD worker reads the same bytes instead of a clone of them.
  const read = await readRegularFile(path, options.maxBytes ?? DEFAULT_MAX_REPORT_BYTES, SHARED_MEMORY);
  return asReportFileBytes(path, read);
}

function asReportFileBytes(path: string, read: FileRead): ReportFileBytes {
  if (read.ok) return { ok: true, bytes: new Uint8Array(read.bytes.buffer, read.bytes.byteOffset, read.bytes.length) };
  const { failure } = read;
  if (failure.reason === 'too-large') {
    return { ok: false, path, finding: sizeCeilingFinding(failure.size, failure.maxBytes), size: failure.size };
  }
  const message = describeFileReadFailure(failure, path);
  return { ok: false, path, finding: error(REPORT_READ_CODES[failure.reason], '', message.nb, message.en) };
}

/**
 * Reads a UTF-8 report file once more, a chunk at a time, handing its text to `onText` piece by piece, so the
 * whole text never exists: for a file whose bytes were read, hashed and checked as UTF-8 before and have gone to
 * the XSD worker. The bytes must be the same as then (`sha256`); if the file changed meanwhile, the result says so
 * (the XSD's verdict would be about other bytes than the rules').
 */
export async function readReportFileAgain(
  path: string,
  expected: { sha256: string; maxBytes?: number },
  onText: (text: string) => void,
): Promise<{ ok: true } | { ok: false; finding: Finding }> {
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  let undecodable = false;
  const read = await readRegularFileChunks(path, expected.maxBytes ?? DEFAULT_MAX_REPORT_BYTES, (chunk) => {
    hash.update(chunk);
    if (undecodable) return;
    // A byte order mark is not text (decodeReportBytes skips it the same way).
    const body = first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? chunk.subarray(3) : chunk;
    first = false;
    try {
      onText(decoder.decode(body, { stream: true }));
    } catch {
      undecodable = true;
    }
  });
  if (!read.ok) {
    // Grown past the ceiling since the first read: changed, like any other difference.
    if (read.failure.reason === 'too-large') return { ok: false, finding: changedWhileChecked() };
    const message = describeFileReadFailure(read.failure, path);
    return { ok: false, finding: error(REPORT_READ_CODES[read.failure.reason], '', message.nb, message.en) };
  }
  if (!undecodable) {
    try {
      onText(decoder.decode());
    } catch {
      undecodable = true;
    }
  }
  if (undecodable || hash.digest('hex') !== expected.sha256) return { ok: false, finding: changedWhileChecked() };
  return { ok: true };
}

function changedWhileChecked(): Finding {
  return error(
    'REPORT_FILE_CHANGED',
    '',
    'Filen ble endret mens den ble kontrollert. Kontroller den på nytt når den er ferdig lagret.',
    'The file changed while it was being checked. Check it again once it has been saved completely.',
  );
}

/** Files read at a time by `readReportFilesBytes`: one at a time, 5,000 shareholder forms took 1.4 s, 16 at a time 0.35 s. */
const CONCURRENT_READS = 16;

/**
 * The bytes of many files, by path, a few at a time: each read is several round trips to libuv's thread pool, and
 * awaiting them one file after the other left both cores idle. For the app's main thread (routing picked files);
 * a check, off that thread, reads with `readReportFilesBytesSync`.
 */
export async function readReportFilesBytes(
  paths: readonly string[],
  options: { maxBytes?: number } = {},
): Promise<Map<string, ReportFileBytes>> {
  const read = new Map<string, ReportFileBytes>();
  let next = 0;
  const reader = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      read.set(path, await readReportFileBytes(path, options));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_READS, paths.length) }, reader));
  return read;
}

/**
 * The same, one file after the other in this thread, through the same reader (`readRegularFileSync`): for a
 * check, which runs in a worker thread of its own (or the CLI). 5,001 files: 0.08–0.15 s, where the 16-at-a-time
 * promise reads above kept the thread busy for 0.63–1.05 s.
 */
export function readReportFilesBytesSync(
  paths: readonly string[],
  options: { maxBytes?: number } = {},
): Map<string, ReportFileBytes> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_REPORT_BYTES;
  return new Map(
    paths.map((path) => [path, asReportFileBytes(path, readRegularFileSync(path, maxBytes, SHARED_MEMORY))]),
  );
}

/** The finding codes of a file that could not be read, as they were before the one reader (the UI keys on them). */
const REPORT_READ_CODES = {
  missing: 'REPORT_FILE_NOT_FOUND',
  'not-a-file': 'REPORT_NOT_A_FILE',
  unreadable: 'REPORT_FILE_UNREADABLE',
} as const;

/**
 * The same, for bytes already in memory (a file dropped on the window): `name` stands in for the path in the
 * result and in findings.
 */
export function readReportBytes(
  name: string,
  bytes: Uint8Array,
  options: { maxBytes?: number } = {},
): ReadReportFileResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_REPORT_BYTES;
  const size = bytes.byteLength;
  if (size > maxBytes) return { ok: false, path: name, finding: sizeCeilingFinding(size, maxBytes), size };
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const decoded = decodeReportBytes(bytes, maxBytes);
  if (!decoded.ok) return { ok: false, path: name, finding: decoded.finding, sha256, size };
  return { ok: true, file: { path: name, bytes, text: decoded.text, encoding: decoded.encoding, sha256, size } };
}
