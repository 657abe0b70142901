import { error, type Finding } from '../finding';

/**
 * Files larger than this are refused before anything is parsed. 256 MiB holds a 150,000-person a-melding (a
 * 50,000-person one is 83 MiB); past the XSD/parse overlap threshold the phases run one after the other, so the
 * peak stays within what a desktop has (see `SEQUENTIAL_FROM_BYTES` in `main/reports/check-report-files.ts`).
 */
export const DEFAULT_MAX_REPORT_BYTES = 256 * 1024 * 1024;

export type DecodedReport = { ok: true; text: string; encoding: string } | { ok: false; finding: Finding };

const LATIN1_NAMES = new Set(['iso-8859-1', 'latin1', 'iso-8859-15', 'windows-1252', 'cp1252']);
const UTF8_NAMES = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);

export function sizeCeilingFinding(size: number, maxBytes: number): Finding {
  const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
  return error(
    'REPORT_TOO_LARGE',
    '',
    `Filen er ${mib(size)} MiB; grensen er ${mib(maxBytes)} MiB. Del opp rapporten eller øk grensen i innstillingene.`,
    `The file is ${mib(size)} MiB; the limit is ${mib(maxBytes)} MiB. Split the report or raise the limit in the settings.`,
  );
}

/**
 * Turns a report file's bytes into text. UTF-8 (with or without BOM) is the norm; UTF-16 with a BOM and an
 * XML declaration naming ISO-8859-1/windows-1252 are also understood. Invalid bytes are reported with line and
 * column instead of being replaced by U+FFFD, because a silently mangled name or amount is worse than a refusal.
 */
export function decodeReportBytes(bytes: Uint8Array, maxBytes = DEFAULT_MAX_REPORT_BYTES): DecodedReport {
  if (bytes.byteLength > maxBytes) return { ok: false, finding: sizeCeilingFinding(bytes.byteLength, maxBytes) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const declared = declaredEncoding(body);
  if (declared && LATIN1_NAMES.has(declared)) return decodeWith('windows-1252', body);
  if (declared && !UTF8_NAMES.has(declared)) {
    return {
      ok: false,
      finding: error(
        'REPORT_ENCODING_UNSUPPORTED',
        '',
        `Tegnkodingen «${declared}» støttes ikke. Lagre filen som UTF-8.`,
        `The character encoding "${declared}" is not supported. Save the file as UTF-8.`,
      ),
    };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { ok: false, finding: invalidUtf8Finding(body) };
  }
}

function decodeWith(encoding: string, bytes: Uint8Array): DecodedReport {
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    return {
      ok: false,
      finding: error(
        'REPORT_ENCODING_INVALID',
        '',
        `Filen er ikke gyldig ${encoding}.`,
        `The file is not valid ${encoding}.`,
      ),
    };
  }
}

/**
 * True when the bytes are meant as UTF-8 (no UTF-16 byte order mark, no other encoding declared), so they can go
 * to libxml2 as they are; whether they really are valid UTF-8 is `decodeReportBytes`'s to say.
 */
export function isDeclaredUtf8(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const declared = declaredEncoding(body);
  return declared === undefined || UTF8_NAMES.has(declared);
}

const LATIN1 = new TextDecoder('latin1');

/** The encoding named in `<?xml … encoding="…"?>`, lower-cased, if the file starts with one. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  // One character per byte, as the spread into String.fromCharCode gave, at a fraction of its
  // cost (a third of a second's profile for 5,000 shareholder forms, issue 12).
  const head = LATIN1.decode(bytes.subarray(0, 200));
  const match = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return match?.[1]?.toLowerCase();
}

function invalidUtf8Finding(bytes: Uint8Array): Finding {
  const offset = firstInvalidUtf8Offset(bytes);
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      line++;
      column = 1;
    } else if ((b & 0xc0) !== 0x80) {
      column++;
    }
  }
  const hex = bytes[offset]?.toString(16).toUpperCase().padStart(2, '0') ?? '??';
  return {
    ...error(
      'REPORT_ENCODING_INVALID',
      '',
      `Filen er ikke gyldig UTF-8: ugyldig byte 0x${hex} på linje ${line}, kolonne ${column}. Lagre filen som UTF-8 fra lønnssystemet.`,
      `The file is not valid UTF-8: invalid byte 0x${hex} at line ${line}, column ${column}. Save the file as UTF-8 from the payroll system.`,
    ),
    line,
    column,
  };
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let codePoint = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (c & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
