import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import {
  decodeReportBytes,
  DEFAULT_MAX_REPORT_BYTES,
  sizeCeilingFinding,
} from '../../shared/reports/xml/decode-report-bytes';
import { error, type Finding } from '../../shared/reports/finding';

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

export type ReportFileBytes =
  { ok: true; bytes: Uint8Array } | { ok: false; path: string; finding: Finding; size?: number };

/** Only the bytes, with the same ceiling; a check hands them to the XSD worker before hashing and decoding. */
export async function readReportFileBytes(path: string, options: { maxBytes?: number } = {}): Promise<ReportFileBytes> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_REPORT_BYTES;
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (thrown) {
    return { ok: false, path, finding: openFailure(path, thrown) };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      return {
        ok: false,
        path,
        finding: error('REPORT_NOT_A_FILE', '', `${path} er ikke en fil.`, `${path} is not a file.`),
      };
    }
    if (stat.size > maxBytes)
      return { ok: false, path, finding: sizeCeilingFinding(stat.size, maxBytes), size: stat.size };
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        if (length > maxBytes) return { ok: false, path, finding: sizeCeilingFinding(length, maxBytes) };
        break;
      }
    }
    return { ok: true, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, length) };
  } finally {
    await handle.close();
  }
}

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

function openFailure(path: string, thrown: unknown): Finding {
  const code = (thrown as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return error('REPORT_FILE_NOT_FOUND', '', `Finner ikke filen ${path}.`, `The file ${path} does not exist.`);
  }
  return error(
    'REPORT_FILE_UNREADABLE',
    '',
    `Kan ikke lese ${path} (${code ?? 'ukjent feil'}).`,
    `Cannot read ${path} (${code ?? 'unknown error'}).`,
  );
}
