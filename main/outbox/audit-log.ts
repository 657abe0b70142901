import { appendFile, mkdir, open, readFile, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AuditVerifyResult } from '../../shared/outbox/outbox-views';
import type { Submission } from '../../shared/outbox/submission';
import { writeFileAtomic } from '../disk/atomic-write';
import { entryHash, entryMac, headMac, type AuditEntry, type AuditHead, type AuditRecord } from './audit-entry';
import { describeDamage } from './audit-findings';
import type { AuditAnchor, AuditKeyring } from './audit-key';
import { judgeTail, readTail, type LogTail } from './audit-tail';
import type { AuditIndexEntry, AuditIndexRepository } from '../store/store';
import { verifyAudit } from './audit-verify';

export type { AuditEntry, AuditEvent, AuditRecord } from './audit-entry';
export type VerifyResult = AuditVerifyResult;

/**
 * The outbox's audit trail for the accounting records: JSON lines, appended and fsync'd, each entry holding the
 * previous entry's sha256, so a changed, removed or reordered entry breaks the chain at that line. A head file
 * (last seq and hash, replaced atomically) catches entries cut off the end, which a chain alone cannot.
 *
 * With a keyring, the head and every entry from the anchor on carry an HMAC with the profile's key from the OS
 * keychain: someone who can edit only the data folder can no longer rewrite the head after cutting the log, nor
 * recompute the chain after editing an entry. A log from before that opens as it is and is anchored by its next
 * entry.
 */
export class AuditLog {
  private state: { last: { seq: number; hash: string }; anchor: AuditAnchor | null } | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  /** The last seq this run knows the index holds (-1: not checked against the log yet). */
  private indexedTo = -1;

  /**
   * `index`: where each entry is, by submission, in the data dir's store (a trail is listed without reading the
   * log); the file stays the record, and the index is brought up to it whenever it is behind.
   */
  constructor(
    readonly file: string,
    private readonly now: () => Date = () => new Date(),
    private readonly keyring?: AuditKeyring,
    private readonly index?: AuditIndexRepository,
  ) {}

  private get headFile(): string {
    return `${this.file}.head`;
  }

  /** Appends one entry; entries are written one at a time, in call order. */
  append(record: AuditRecord): Promise<AuditEntry> {
    const next = this.chain.then(async () => {
      if (!this.state) await this.open();
      return this.write(record);
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async write(record: AuditRecord): Promise<AuditEntry> {
    const state = this.state as NonNullable<AuditLog['state']>;
    const { last, anchor } = state;
    const body = { ...record, seq: last.seq + 1, at: this.now().toISOString(), prevHash: last.hash };
    const hash = entryHash(body);
    const entry: AuditEntry = { ...body, hash, ...(anchor ? { mac: entryMac(anchor.key, hash) } : {}) };
    const handle = await open(this.file, 'a', 0o600);
    try {
      await handle.write(`${JSON.stringify(entry)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    state.last = { seq: entry.seq, hash };
    const head: AuditHead = { ...state.last, ...(anchor ? { mac: headMac(anchor.key, state.last) } : {}) };
    await writeFileAtomic(this.headFile, JSON.stringify(head));
    if (anchor?.pending && this.keyring) await this.keyring.confirm(anchor);
    if (this.index && this.indexedTo === entry.seq - 1) {
      // The entry is on disk: an index that fails now is behind, and catches up from the log at the next read.
      await this.index.add([indexEntryOf(entry)]).then(
        () => (this.indexedTo = entry.seq),
        () => undefined,
      );
    }
    return entry;
  }

  /** A submission's entries (seq, event, time) from the index, brought up to the log first if it is behind. */
  async trail(submissionId: string): Promise<AuditIndexEntry[]> {
    await this.chain;
    if (!this.index) {
      return (await this.entries()).filter((e) => e.submissionId === submissionId).map(indexEntryOf);
    }
    if (this.indexedTo < 0 || (this.state && this.indexedTo < this.state.last.seq)) {
      await this.catchUpIndex(readTail(await readLog(this.file)));
    }
    return this.index.forSubmission(submissionId);
  }

  /** Adds what the index lacks; a log that ends before the index (cut, or replaced) is indexed again from line 1. */
  private async catchUpIndex(tail: LogTail): Promise<void> {
    if (!this.index) return;
    let from = await this.index.lastSeq();
    if (from > tail.last.seq) {
      await this.index.clear();
      from = 0;
    }
    const missing = tail.entryLines.flatMap((line) => {
      try {
        const entry = JSON.parse(line) as Partial<AuditEntry> | null;
        // A line in the middle that is not an entry is verify's to report; the index leaves it out.
        const whole = typeof entry?.seq === 'number' && typeof entry.event === 'string' && typeof entry.at === 'string';
        return whole && (entry.seq as number) > from ? [indexEntryOf(entry as AuditEntry)] : [];
      } catch {
        return [];
      }
    });
    await this.index.add(missing);
    this.indexedTo = tail.last.seq;
  }

  /**
   * Reads where the chain ends and holds it against the head and the keychain's anchor. A half line the head does
   * not vouch for is a crash's append: it is cut off and the recovery logged. A whole last entry without its line
   * end gets it back (`log-repaired`). Anything else — entries gone from the end, a rewritten or stale head, a
   * missing key — is written into the log as `log-damaged` before anything else, so no later entry or head can
   * hide it; verify reports it from then on.
   */
  private async open(): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const text = await readLog(this.file);
    const head = await readHead(this.headFile);
    let anchor = this.keyring ? await this.keyring.read() : null;
    const tail = readTail(text);
    const { damages, crashTorn } = judgeTail(tail, head, anchor);
    // A log without a key (from before anchoring, or whose key was lost) is anchored from its next entry on. The
    // key is made before the file is touched, so a keychain that fails leaves the log as it was found.
    if (this.keyring && !anchor) anchor = await this.keyring.create(tail.last.seq + 1);
    if (tail.unterminated) await appendFile(this.file, '\n');
    if (tail.rest) await truncate(this.file, Buffer.byteLength(text) - tail.rest.bytes);
    this.state = { last: tail.last, anchor };
    await this.catchUpIndex(tail).catch(() => undefined);
    if (crashTorn && tail.rest) {
      await this.write({
        event: 'log-recovered',
        note: `cut off ${tail.rest.bytes} bytes of an entry left half-written`,
      });
    }
    if (tail.unterminated) {
      await this.write({ event: 'log-repaired', note: `restored the line end of entry ${tail.last.seq}` });
    }
    for (const damage of damages) await this.write({ event: 'log-damaged', damage, note: describeDamage(damage).en });
  }

  async entries(): Promise<AuditEntry[]> {
    await this.chain;
    // A line that is not JSON is left out here; verify names it.
    return readTail(await readLog(this.file)).entryLines.flatMap((line) => {
      try {
        return [JSON.parse(line) as AuditEntry];
      } catch {
        return [];
      }
    });
  }

  /**
   * Checks every line, the head, the keychain's anchor, and (given the outbox's records) that every submission
   * has its entries; lists each finding with its line. Reads only: what it finds is fixed or recorded by the
   * next write.
   */
  async verify(submissions?: readonly Submission[]): Promise<VerifyResult> {
    await this.chain;
    return verifyAudit({
      text: await readLog(this.file),
      head: await readHead(this.headFile),
      anchor: this.keyring ? await this.keyring.read() : null,
      ...(submissions ? { submissions } : {}),
    });
  }

  async exportJson(): Promise<string> {
    return `${JSON.stringify(await this.entries(), null, 2)}\n`;
  }

  /** One row per entry, for a spreadsheet; RFC 4180 quoting. */
  async exportCsv(): Promise<string> {
    const columns = [
      'seq',
      'at',
      'event',
      'submissionId',
      'service',
      'label',
      'idempotencyKey',
      'payloadSha256',
      'attempt',
      'dialogId',
      'forsendelseId',
      'meldingsId',
      'hovedskjemaId',
      'bestillingsreferanse',
      'errorCode',
      'httpStatus',
      'korrelasjonsid',
      'note',
      'prevHash',
      'hash',
    ];
    const rows = (await this.entries()).map((e) => [
      e.seq,
      e.at,
      e.event,
      e.submissionId,
      e.service,
      e.label,
      e.idempotencyKey,
      e.payloadSha256,
      e.attempt,
      e.ids?.dialogId,
      e.ids?.forsendelseId,
      e.ids?.meldingsId,
      e.ids?.hovedskjemaId,
      e.ids?.bestillingsreferanse,
      e.error?.code,
      e.error?.status,
      e.error?.korrelasjonsid,
      e.note,
      e.prevHash,
      e.hash,
    ]);
    return [columns, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }
}

function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  // A leading = + - @ would be a formula in a spreadsheet; prefix it so the cell stays text.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A file's text, or null when it is not there (any other failure to read is not an absent file, and throws). */
function readIfPresent(file: string): Promise<string | null> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
}

async function readLog(file: string): Promise<string> {
  return (await readIfPresent(file)) ?? '';
}

/** The head file: null when it is not there, 'unreadable' when it is there but is not a head. */
async function readHead(file: string): Promise<AuditHead | null | 'unreadable'> {
  const text = await readIfPresent(file);
  if (text === null) return null;
  try {
    const head = JSON.parse(text) as AuditHead;
    return typeof head.seq === 'number' && typeof head.hash === 'string' ? head : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

function indexEntryOf(entry: AuditEntry): AuditIndexEntry {
  return { seq: entry.seq, event: entry.event, at: entry.at, submissionId: entry.submissionId ?? null };
}
