import { createHash } from 'node:crypto';
import { open, readFile, truncate, stat } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../disk/atomic-write';

export type AuditEvent =
  'queued' | 'attempt' | 'resumed' | 'received' | 'rejected' | 'failed' | 'retry' | 'cancelled' | 'log-recovered';

/** What the caller records; the log adds seq, time and the chain. */
export interface AuditRecord {
  event: AuditEvent;
  submissionId?: string;
  service?: string;
  label?: string;
  idempotencyKey?: string;
  payloadSha256?: string;
  attempt?: number;
  /** The ids the service returned: dialogId, forsendelseId, meldingsId, hovedskjemaId … */
  ids?: Record<string, string>;
  error?: { code: string; status?: number; korrelasjonsid?: string };
  note?: string;
}

export interface AuditEntry extends AuditRecord {
  seq: number;
  at: string;
  /** sha256 of the previous entry (64 zeros for the first). */
  prevHash: string;
  /** sha256 of this entry without `hash`, canonical JSON (keys sorted). */
  hash: string;
}

export type VerifyResult =
  { ok: true; entries: number; lastHash: string } | { ok: false; entries: number; line: number; reason: string };

const GENESIS = '0'.repeat(64);

/**
 * The outbox's audit trail for the accounting records: JSON lines, appended and fsync'd, each entry holding the
 * previous entry's sha256, so a changed, removed or reordered entry breaks the chain at that line. A head file
 * (last seq and hash, replaced atomically) catches entries cut off the end, which a chain alone cannot.
 */
export class AuditLog {
  private last: { seq: number; hash: string } | undefined;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get headFile(): string {
    return `${this.file}.head`;
  }

  /** Appends one entry; entries are written one at a time, in call order. */
  append(record: AuditRecord): Promise<AuditEntry> {
    const next = this.chain.then(() => this.write(record));
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async write(record: AuditRecord): Promise<AuditEntry> {
    if (!this.last) await this.open();
    const last = this.last as { seq: number; hash: string };
    const body = { ...record, seq: last.seq + 1, at: this.now().toISOString(), prevHash: last.hash };
    const entry: AuditEntry = { ...body, hash: entryHash(body) };
    const handle = await open(this.file, 'a', 0o600);
    try {
      await handle.write(`${JSON.stringify(entry)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    this.last = { seq: entry.seq, hash: entry.hash };
    await writeFileAtomic(this.headFile, JSON.stringify(this.last));
    return entry;
  }

  /**
   * Reads where the chain ends. A last line without its newline is a write cut short by a crash, not tampering:
   * it is cut off and the recovery itself is logged.
   */
  private async open(): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const text = await readFile(this.file, 'utf8').catch(() => '');
    let torn = 0;
    let whole = text;
    if (text.length > 0 && !text.endsWith('\n')) {
      whole = text.slice(0, text.lastIndexOf('\n') + 1);
      torn = Buffer.byteLength(text) - Buffer.byteLength(whole);
      await truncate(this.file, Buffer.byteLength(whole));
    }
    const lines = whole.split('\n').filter(Boolean);
    const lastLine = lines.at(-1);
    const parsed = lastLine ? (JSON.parse(lastLine) as AuditEntry) : undefined;
    this.last = parsed ? { seq: parsed.seq, hash: parsed.hash } : { seq: 0, hash: GENESIS };
    if (torn > 0)
      await this.write({ event: 'log-recovered', note: `cut off ${torn} bytes of an entry left half-written` });
  }

  async entries(): Promise<AuditEntry[]> {
    await this.chain;
    const text = await readFile(this.file, 'utf8').catch(() => '');
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as AuditEntry);
  }

  /** Checks every line's hash and link, and the head; reports the first line (1-based) that is wrong. */
  async verify(): Promise<VerifyResult> {
    await this.chain;
    const text = await readFile(this.file, 'utf8').catch(() => '');
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    let prev = GENESIS;
    for (let i = 0; i < lines.length; i++) {
      const line = i + 1;
      let entry: AuditEntry;
      try {
        entry = JSON.parse(lines[i] as string) as AuditEntry;
      } catch {
        return { ok: false, entries: lines.length, line, reason: 'not valid JSON' };
      }
      const { hash, ...body } = entry;
      if (entry.seq !== line)
        return {
          ok: false,
          entries: lines.length,
          line,
          reason: `sequence ${entry.seq} where ${line} was expected (an entry removed or moved)`,
        };
      if (entry.prevHash !== prev)
        return {
          ok: false,
          entries: lines.length,
          line,
          reason: 'does not link to the entry before it (an entry removed, moved or changed)',
        };
      if (entryHash(body) !== hash)
        return {
          ok: false,
          entries: lines.length,
          line,
          reason: 'its content does not match its hash (the entry was changed)',
        };
      prev = hash;
    }
    const head = await readFile(this.headFile, 'utf8')
      .then((t) => JSON.parse(t) as { seq: number; hash: string })
      .catch(() => undefined);
    const exists = await stat(this.file).then(
      () => true,
      () => false,
    );
    if (head && (head.seq > lines.length || (head.seq === lines.length && head.hash !== prev))) {
      return {
        ok: false,
        entries: lines.length,
        line: Math.min(head.seq, lines.length + 1),
        reason: `the log ends at entry ${lines.length} but entry ${head.seq} was written (entries removed from the end)`,
      };
    }
    if (!head && exists && lines.length > 0) {
      return { ok: false, entries: lines.length, line: 1, reason: 'the head file is missing' };
    }
    return { ok: true, entries: lines.length, lastHash: prev };
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

export function entryHash(body: Omit<AuditEntry, 'hash'>): string {
  return createHash('sha256').update(canonical(body)).digest('hex');
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
