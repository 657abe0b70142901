import { GENESIS, entryHash, headMac, macMatches, type AuditEntry, type AuditHead } from './audit-entry';
import type { AuditDamage } from './audit-findings';
import type { AuditAnchor } from './audit-key';

/** The end of audit.jsonl as read: what the writer must fix and what verify must report are both decided from it. */
export interface LogTail {
  /** Every line up to the last entry that parses, the unterminated one included when it is a whole entry. */
  entryLines: string[];
  /** The last whole entry (seq 0 and the genesis hash for an empty log). */
  last: { seq: number; hash: string };
  /** The hash of the entry before `last`, to check a head one entry behind (a crash before the head was written). */
  previousHash: string | undefined;
  /** The last entry is whole but its line end is gone: it is repaired (`log-repaired`), never cut. */
  unterminated: boolean;
  /** Bytes after the last entry that are not one: a crash's half line, or something else that is reported. */
  rest: { bytes: number; text: string; wholeLines: boolean } | null;
  /** The last entry carries a MAC: the log was anchored (every entry after the anchor carries one). */
  lastHasMac: boolean;
}

type Parsed = Pick<AuditEntry, 'seq' | 'hash' | 'prevHash' | 'mac'>;

function parseEntry(line: string): (AuditEntry & Parsed) | undefined {
  try {
    const value = JSON.parse(line) as AuditEntry;
    return value && typeof value === 'object' && typeof value.seq === 'number' && typeof value.hash === 'string'
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}

function isWholeSuccessor(entry: AuditEntry | undefined, previous: { seq: number; hash: string }): boolean {
  if (!entry) return false;
  const { hash, mac: _mac, ...body } = entry;
  return entry.seq === previous.seq + 1 && entry.prevHash === previous.hash && entryHash(body) === hash;
}

export function readTail(text: string): LogTail {
  const lines = text.split('\n');
  // The part after the last line end: '' when the file ends with one.
  const open = lines.pop() ?? '';
  let end = lines.length;
  while (end > 0 && !parseEntry(lines[end - 1] as string)) end -= 1;
  const entryLines = lines.slice(0, end);
  const lastEntry = end > 0 ? parseEntry(lines[end - 1] as string) : undefined;
  const beforeLast = end > 1 ? parseEntry(lines[end - 2] as string) : undefined;
  let last = lastEntry ? { seq: lastEntry.seq, hash: lastEntry.hash } : { seq: 0, hash: GENESIS };
  let previousHash = beforeLast?.hash ?? (lastEntry ? GENESIS : undefined);
  let lastHasMac = !!lastEntry?.mac;
  let unterminated = false;
  const trailing = lines.slice(end);
  if (trailing.length === 0 && open !== '') {
    const candidate = parseEntry(open);
    if (candidate && isWholeSuccessor(candidate, last)) {
      entryLines.push(open);
      previousHash = last.hash;
      last = { seq: candidate.seq, hash: candidate.hash };
      lastHasMac = !!candidate.mac;
      unterminated = true;
    }
  }
  const restText = unterminated ? '' : [...trailing.map((l) => `${l}\n`), open].join('');
  return {
    entryLines,
    last,
    previousHash,
    unterminated,
    rest: restText ? { bytes: Buffer.byteLength(restText), text: restText, wholeLines: trailing.length > 0 } : null,
    lastHasMac,
  };
}

export interface TailVerdict {
  /** What is wrong with the end of the log, its head or its anchor. */
  damages: AuditDamage[];
  /** The rest is a line a crash left half-written (the head does not vouch for it): cut it and record that. */
  crashTorn: boolean;
}

/**
 * The head and the keychain's anchor against the end of the log. A head one entry behind is a crash between the
 * append and the head write, and fine; a head ahead of the log, a head with the wrong MAC, or a log that ends
 * before the entry the keychain says was written with its key, is not.
 */
export function judgeTail(
  tail: LogTail,
  head: AuditHead | null | 'unreadable',
  anchor: AuditAnchor | null,
): TailVerdict {
  const damages: AuditDamage[] = [];
  const { last, rest } = tail;
  const headHasMac = head !== null && head !== 'unreadable' && typeof head.mac === 'string';
  if (!anchor && (tail.lastHasMac || headHasMac)) damages.push({ kind: 'key-missing' });
  let restExplained = false;
  if (head === 'unreadable') {
    damages.push({ kind: 'head-unreadable' });
  } else {
    const h = head ?? { seq: 0, hash: GENESIS };
    if (anchor && head && head.seq >= anchor.since && !macMatches(headMac(anchor.key, head), head.mac)) {
      damages.push({ kind: 'head-forged', headSeq: head.seq });
    }
    if (h.seq > last.seq) {
      restExplained = true;
      damages.push({
        kind: 'tail-cut',
        headSeq: h.seq,
        lastSeq: last.seq,
        ...(rest ? { tornBytes: rest.bytes, remains: rest.text.slice(0, 2000) } : {}),
      });
    } else if (h.seq === last.seq && h.hash !== last.hash) {
      damages.push({ kind: 'tail-replaced', seq: last.seq });
    } else if (h.seq === last.seq - 1 && h.hash !== tail.previousHash) {
      damages.push({ kind: 'tail-replaced', seq: h.seq });
    } else if (h.seq < last.seq - 1 || (!head && last.seq > 0 && anchor && !anchor.pending)) {
      // No head with one entry is a crash before the first head write, unless the keychain says the anchor's
      // entry and head were both written (it confirms only after the head).
      damages.push(
        head ? { kind: 'head-behind', headSeq: h.seq, lastSeq: last.seq } : { kind: 'head-missing', lastSeq: last.seq },
      );
    }
  }
  if (anchor && last.seq < (anchor.pending ? anchor.since - 1 : anchor.since)) {
    damages.push({ kind: 'anchor-cut', since: anchor.since, lastSeq: last.seq });
  }
  // Whole lines that are not entries are never a crash's doing: an append writes one line in one write.
  if (rest && !restExplained && rest.wholeLines) {
    damages.push({ kind: 'tail-garbage', afterSeq: last.seq, bytes: rest.bytes, remains: rest.text.slice(0, 2000) });
  }
  return { damages, crashTorn: !!rest && !restExplained && !rest.wholeLines };
}
