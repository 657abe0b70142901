import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  describeFileReadFailure,
  readRegularFile,
  readRegularFileHeadSync,
  readRegularFileSync,
} from '../../../main/disk/read-regular-file';
import { loadCustomEndpoints } from '../../../main/environments/custom-file';
import { readKeyFile } from '../../../main/keys/key-file';
import { createDraftStore } from '../../../main/reports/draft-store';
import {
  readReportFileBytes,
  readReportFilesBytes,
  readReportFilesBytesSync,
  SHARED_FROM_BYTES,
} from '../../../main/reports/read-report-file';
import { personsFromCsvFile } from '../../../main/skattekort/person-sources';
import { TredjepartService } from '../../../main/tredjepart/tredjepart-service';
import { TredjepartDraftStore } from '../../../main/tredjepart/tredjepart-drafts';
import { realOnlyResolver } from '../../../main/environments/resolve';
import type { Profile } from '../../../shared/domain/profile';
import { DEFAULT_MAX_REPORT_BYTES } from '../../../shared/reports/xml/decode-report-bytes';
import { fifoHasReader, makeFifo, measuringBytesRead } from '../support/special-files';

const tmp = mkdtempSync(join(tmpdir(), 'innsender-regular-file-'));

const fifos: string[] = [];
/** A FIFO with no writer: opening it for reading without O_NONBLOCK would wait forever. */
function fifo(name: string): string {
  const path = makeFifo(join(tmp, name));
  fifos.push(path);
  return path;
}
// A reader that opened a FIFO blocking never settles, so its test fails on vitest's timeout; this then releases the
// thread it holds.
afterEach(() => {
  for (const path of fifos.splice(0)) fifoHasReader(path);
});

/** A sparse file of `size` bytes: no disk space, and no reader may read it to find out its size. */
function sparse(name: string, size: number): string {
  const path = join(tmp, name);
  const fd = openSync(path, 'w');
  ftruncateSync(fd, size);
  closeSync(fd);
  return path;
}

describe('readRegularFile', () => {
  it('reads a regular file whole', async () => {
    const path = join(tmp, 'plain.txt');
    writeFileSync(path, 'hei');
    const read = await readRegularFile(path, 10);
    expect(read.ok && read.bytes.toString('utf8')).toBe('hei');
  });

  it('holds a small file in a buffer of about its size, since a worker is sent the whole buffer', async () => {
    const path = join(tmp, 'form.xml');
    writeFileSync(path, 'x'.repeat(1800));
    const read = await readRegularFile(path, 1024 * 1024);
    expect(read.ok && read.bytes.length).toBe(1800);
    expect(read.ok && read.bytes.buffer.byteLength).toBeLessThanOrEqual(1801);
  });

  it('reads a file from a given size into shared memory, so a worker it is posted to shares it, not a clone', async () => {
    const path = join(tmp, 'shared.xml');
    writeFileSync(path, 'æ'.repeat(900));
    const read = await readRegularFile(path, 1024 * 1024, { sharedFromBytes: 1000 });
    expect(read.ok && read.bytes.toString('utf8')).toBe('æ'.repeat(900));
    expect(read.ok && read.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    const small = await readRegularFile(path, 1024 * 1024, { sharedFromBytes: 4000 });
    expect(small.ok && small.bytes.buffer).toBeInstanceOf(ArrayBuffer);
    // A file stating size 0 is read in chunks, joined in shared memory too.
    const proc = await readRegularFile('/proc/self/status', 1024 * 1024, { sharedFromBytes: 1 });
    expect(proc.ok && proc.bytes.toString('utf8')).toMatch(/^Name:/);
    expect(proc.ok && proc.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    // Report files are read this way from SHARED_FROM_BYTES: a large one's bytes go to the XSD worker.
    const large = join(tmp, 'large.xml');
    writeFileSync(large, 'x'.repeat(SHARED_FROM_BYTES));
    const report = await readReportFileBytes(large);
    expect(report.ok && report.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    const form = await readReportFileBytes(path);
    expect(form.ok && form.bytes.buffer).toBeInstanceOf(ArrayBuffer);
  });

  it('refuses a FIFO without waiting for a writer, leaving no reader on it', async () => {
    const path = fifo('pipe');
    const read = await readRegularFile(path, 1024);
    expect(read).toEqual({ ok: false, failure: { reason: 'not-a-file', found: 'fifo' } });
    expect(fifoHasReader(path)).toBe(false);
  });

  it('refuses /dev/zero (a device stating size 0) without reading from it, and a directory', async () => {
    const limit = 1024 * 1024;
    const zero = await measuringBytesRead(() => readRegularFile('/dev/zero', limit));
    expect(zero.value).toEqual({ ok: false, failure: { reason: 'not-a-file', found: 'character-device' } });
    // A reader bounded only by its limit would read limit + 1 zeros before refusing.
    expect(zero.bytesRead).toBeLessThan(limit / 4);
    expect(await readRegularFile(tmp, 1024)).toEqual({
      ok: false,
      failure: { reason: 'not-a-file', found: 'directory' },
    });
  });

  it('refuses an oversize file from its size, and one whose stated size is 0 after reading limit + 1 bytes', async () => {
    expect(await readRegularFile(sparse('big', 2048), 1024)).toEqual({
      ok: false,
      failure: { reason: 'too-large', size: 2048, maxBytes: 1024 },
    });
    // /proc files are regular files that state size 0 and yet have content.
    expect(await readRegularFile('/proc/self/status', 16)).toEqual({
      ok: false,
      failure: { reason: 'too-large', size: 17, maxBytes: 16 },
    });
  });

  it('reads and refuses the same way synchronously, for a check on a thread of its own', async () => {
    const plain = join(tmp, 'sync.txt');
    writeFileSync(plain, 'æ'.repeat(900));
    const pipe = fifo('sync-pipe');
    const cases: [string, number, { sharedFromBytes?: number }?][] = [
      [plain, 1024 * 1024],
      [plain, 1024 * 1024, { sharedFromBytes: 1000 }],
      [plain, 100],
      [pipe, 1024],
      ['/dev/zero', 1024 * 1024],
      [tmp, 1024],
      [join(tmp, 'missing.txt'), 1024],
      [sparse('sync-big', 2048), 1024],
      ['/proc/self/status', 16],
    ];
    for (const [path, maxBytes, options] of cases) {
      const sync = await measuringBytesRead(async () => readRegularFileSync(path, maxBytes, options));
      expect(sync.value, path).toEqual(await readRegularFile(path, maxBytes, options));
      // Refused from what stat says, not by reading up to the limit (/dev/zero would give limit + 1 bytes).
      expect(sync.bytesRead, path).toBeLessThan(64 * 1024);
      if (sync.value.ok) expect(sync.value.bytes.buffer.constructor).toBe(options ? SharedArrayBuffer : ArrayBuffer);
    }
    expect(fifoHasReader(pipe)).toBe(false);
    // A report check's many files (RF-1086 forms), through the report reader: the same bytes and refusals.
    const paths = [plain, join(tmp, 'missing.xml'), tmp];
    expect(readReportFilesBytesSync(paths)).toEqual(await readReportFilesBytes(paths));
  });

  it('reads only the head of a regular file, of any size, and refuses what is not one as the whole read does', async () => {
    const plain = join(tmp, 'head.txt');
    writeFileSync(plain, 'abcdefgh'.repeat(100));
    expect(readRegularFileHeadSync(plain, 10)).toEqual({ ok: true, bytes: Buffer.from('abcdefghab') });
    expect(readRegularFileHeadSync(plain, 4096)).toEqual({ ok: true, bytes: Buffer.from('abcdefgh'.repeat(100)) });
    // No size limit: a head is all it reads (the check refuses an oversize file itself).
    const big = await measuringBytesRead(async () => readRegularFileHeadSync(sparse('head-big', 64 * 1024 * 1024), 16));
    expect(big.value).toEqual({ ok: true, bytes: Buffer.alloc(16) });
    expect(big.bytesRead).toBeLessThan(64 * 1024);
    const pipe = fifo('head-pipe');
    for (const path of [pipe, '/dev/zero', tmp, join(tmp, 'missing.txt')]) {
      const head = readRegularFileHeadSync(path, 16);
      expect(head, path).toEqual(readRegularFileSync(path, 1024));
    }
    expect(fifoHasReader(pipe)).toBe(false);
  });

  it('names the problem in both languages without quoting the content', () => {
    expect(describeFileReadFailure({ reason: 'not-a-file', found: 'fifo' }, 'x.json')).toEqual({
      nb: 'X.json er en navngitt pipe (FIFO), ikke en vanlig fil, og leses ikke. Velg en fil.',
      en: 'X.json is a named pipe (FIFO), not a regular file, and is not read. Choose a file.',
    });
    expect(describeFileReadFailure({ reason: 'too-large', size: 9e9, maxBytes: 5 * 1024 * 1024 }, '/a.csv').en).toBe(
      '/a.csv is larger than 5 MiB; is it the right file?',
    );
  });
});

const profile: Profile = {
  id: '7d1c1c55-54a5-4f54-9d6b-37b1a4f0a0a1',
  orgNumber: '314768949',
  displayName: 'Fjellstue AS',
  environment: 'sandbox',
  createdAt: '2026-01-01T00:00:00.000Z',
};

const tredjepart = new TredjepartService({
  activeProfile: () => profile,
  desktop: { pickFiles: async () => [] },
  drafts: new TredjepartDraftStore(join(tmp, 'tredjepart')),
  endpoints: realOnlyResolver,
  outbox: { enqueue: async () => Promise.reject(new Error('not used')), list: async () => [] },
  language: () => 'en',
});

/** Each reader of a file a person names, reduced to the error code it gives (or 'ok'). */
const readers: {
  name: string;
  limit: number;
  codes: { notAFile: string; tooLarge: string };
  read: (path: string) => Promise<string>;
}[] = [
  {
    name: 'report files (validate, check)',
    limit: DEFAULT_MAX_REPORT_BYTES,
    codes: { notAFile: 'REPORT_NOT_A_FILE', tooLarge: 'REPORT_TOO_LARGE' },
    read: async (path) => {
      const got = await readReportFileBytes(path);
      return got.ok ? 'ok' : got.finding.code;
    },
  },
  {
    name: 'the custom environment file',
    limit: 64 * 1024,
    codes: { notAFile: 'CUSTOM_ENV_UNREADABLE', tooLarge: 'CUSTOM_ENV_TOO_LARGE' },
    read: (path) => loadCustomEndpoints(path).then(() => 'ok', codeOf),
  },
  {
    name: 'CSV person lists',
    limit: 5 * 1024 * 1024,
    codes: { notAFile: 'SKATTEKORT_CSV_UNREADABLE', tooLarge: 'SKATTEKORT_CSV_TOO_LARGE' },
    read: (path) => personsFromCsvFile(path, profile).then(() => 'ok', codeOf),
  },
  {
    name: 'tredjepart files',
    limit: 10 * 1024 * 1024,
    codes: { notAFile: 'TREDJEPART_NOT_A_FILE', tooLarge: 'TREDJEPART_FILE_TOO_LARGE' },
    read: async (path) => {
      const check = await tredjepart.checkPath('boligselskap', path);
      return check.result.findings[0]?.code ?? 'ok';
    },
  },
  {
    name: 'key, certificate and PKCS#12 files',
    limit: 256 * 1024,
    codes: { notAFile: 'KEY_FILE_UNREADABLE', tooLarge: 'KEY_FILE_TOO_LARGE' },
    read: (path) => readKeyFile(path).then(() => 'ok', codeOf),
  },
  {
    name: "a report draft's source (draft list status)",
    limit: DEFAULT_MAX_REPORT_BYTES,
    codes: { notAFile: 'REFUSED', tooLarge: 'REFUSED' },
    read: async (path) => {
      const status = await createDraftStore(join(tmp, 'drafts')).sourceStatus({
        files: [{ sourcePath: path, origin: 'path', sha256: '0'.repeat(64), size: 1 }],
      });
      return status === 'missing' ? 'REFUSED' : status;
    },
  },
];

function codeOf(error: unknown): string {
  return (error as { code?: string }).code ?? String(error);
}

describe.each(readers)('$name go through the one reader', ({ name, limit, codes, read }) => {
  it('refuse a FIFO, /dev/zero, a directory and an oversize file, each before reading as much as the limit', async () => {
    mkdirSync(join(tmp, name), { recursive: true });
    const inputs = [
      ['fifo', fifo(`${name}.fifo`), codes.notAFile],
      ['/dev/zero', '/dev/zero', codes.notAFile],
      ['directory', join(tmp, name), codes.notAFile],
      ['oversize', sparse(`${name}.big`, limit + 1), codes.tooLarge],
    ] as const;
    for (const [kind, path, expected] of inputs) {
      // A FIFO opened blocking never settles (the test then fails on its timeout); /dev/zero and the sparse file
      // read to the limit would show limit + 1 bytes read.
      const { value, bytesRead } = await measuringBytesRead(() => read(path));
      expect(value, kind).toBe(expected);
      expect(bytesRead, kind).toBeLessThan(limit / 4);
    }
  });
});
