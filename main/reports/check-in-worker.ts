import type { ResourceLimits } from 'node:worker_threads';
import { AppError } from '../../shared/domain/app-error';
import { checkHeapLimitFor, inputBytes, inputBytesSync, retryHeapLimit, type CheckHeapLimit } from './check-heap-limit';
import { READ_AGAIN_FROM_BYTES } from './read-report-file';
import type { CheckResult } from '../../shared/reports/check-result';
import type { CheckReportOptions, ReportInput } from './check-report-files';
import type { IdentifyInput, ReportIdentity } from './identify-report';
import { startReportWorker } from './start-report-worker';

/** How a check runs: inline (`checkReportFiles`, the CLI and tests) or in a worker thread (the app). */
export type CheckReportFiles = (inputs: readonly ReportInput[], options: CheckReportOptions) => Promise<CheckResult[]>;

/** What the worker is sent: the options without the clock function, whose one reading travels as `now`. */
export interface CheckRequest {
  task: 'check';
  inputs: readonly ReportInput[];
  options: Omit<CheckReportOptions, 'now'>;
  now: string;
}
/** Routing's first step (identify-report.ts): who each file is for, read off the main thread too. */
export interface IdentifyRequest {
  task: 'identify';
  inputs: readonly IdentifyInput[];
  maxBytes?: number;
}
export type CheckReply = { ok: true; results: CheckResult[] } | { ok: false; message: string };
export type IdentifyReply = { ok: true; identities: ReportIdentity[] } | { ok: false; message: string };

/** How routing reads who files are for: inline (the CLI and tests) or in a worker thread (the app). */
export type IdentifyReports = (
  inputs: readonly IdentifyInput[],
  options: { maxBytes?: number },
) => Promise<ReportIdentity[]>;

const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;

/** How a check worker's heap is limited: from the total size of what it reads, and once more after running out. */
export interface CheckHeapLimits {
  readonly first: (totalBytes: number, files: number) => CheckHeapLimit;
  readonly retry: (first: CheckHeapLimit) => CheckHeapLimit;
}
const HEAP_LIMITS: CheckHeapLimits = { first: checkHeapLimitFor, retry: retryHeapLimit };

/**
 * Runs `checkReportFiles` in a worker thread of its own, so parsing, the model, the rules (and starting libxml2's
 * own worker) never hold the app's main thread: a large or hostile dropped file cannot freeze the window or the
 * IPC. Each check gets a fresh worker, ended when it answers, or after `timeoutMs` (an 83 MiB report takes seconds;
 * a check still running after minutes is stuck, and the user gets an answer instead of a spinner).
 *
 * The worker's JS heap is limited by a size derived from the files (check-heap-limit.ts), so the garbage of a
 * large check is collected before it grows the process (issue 12). A worker that runs out of memory under that
 * limit is started once more with a larger one; running out again is reported in words
 * (`REPORT_CHECK_OUT_OF_MEMORY`), never a crash.
 */
export async function checkReportFilesInWorker(
  inputs: readonly ReportInput[],
  options: CheckReportOptions,
  {
    timeoutMs = DEFAULT_TIMEOUT_MS,
    heapLimits = HEAP_LIMITS,
    totalBytes,
  }: { timeoutMs?: number; heapLimits?: CheckHeapLimits; totalBytes?: number } = {},
): Promise<CheckResult[]> {
  const { now, ...rest } = options;
  const request: CheckRequest = { task: 'check', inputs, options: rest, now: (now?.() ?? new Date()).toISOString() };
  const first = heapLimits.first(totalBytes ?? (await inputBytes(inputs)), inputs.length);
  let reply: CheckReply;
  try {
    reply = await inWorker<CheckReply>(request, timeoutMs, first);
  } catch (thrown) {
    if (!(thrown instanceof OutOfMemory)) throw thrown;
    const retry = heapLimits.retry(first);
    reply = await inWorker<CheckReply>(request, timeoutMs, retry).catch((again: unknown) => {
      throw again instanceof OutOfMemory ? checkOutOfMemory(retry) : again;
    });
  }
  if (!reply.ok) throw checkFailed(reply.message);
  return reply.results;
}

/**
 * Below this total size the CLI checks inline, at or above it in a worker whose heap is limited
 * (`checkReportFilesInWorker`). Starting the worker and loading the check's modules into it cost the CLI ≈ 50–60 ms
 * of wall time (5 runs each, paired: 1,000 people 0.42 → 0.47 s, 10,000 people 0.78 → 0.84 s), and files read
 * whole (below READ_AGAIN_FROM_BYTES) peak well inside 300 MB inline (10,000 people, 16.5 MiB: 190 MiB).
 */
export const INLINE_BELOW_BYTES = READ_AGAIN_FROM_BYTES;

/**
 * The CLI's check: inline for small files, where a worker would only cost time; in a worker whose heap is sized
 * from the files for large ones, whose peak it bounds (issue 12).
 */
export async function checkReportFilesBySize(
  inputs: readonly ReportInput[],
  options: CheckReportOptions,
): Promise<CheckResult[]> {
  // Synchronously: the CLI's thread has nothing else to do meanwhile (5,001 files: ≈ 60 ms less than with promises).
  const totalBytes = inputBytesSync(inputs);
  if (totalBytes >= INLINE_BELOW_BYTES) return checkReportFilesInWorker(inputs, options, { totalBytes });
  // Loaded only here: a check in the worker needs none of the check's modules on this thread.
  const { checkReportFiles } = await import('./check-report-files');
  return checkReportFiles(inputs, options);
}

/** Reads who each file is for (identify-report.ts) in a worker thread, as checks are, for the same reason. */
export async function identifyReportsInWorker(
  inputs: readonly IdentifyInput[],
  options: { maxBytes?: number },
  { timeoutMs = DEFAULT_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<ReportIdentity[]> {
  const request: IdentifyRequest = { task: 'identify', inputs, ...options };
  const reply = await inWorker<IdentifyReply>(request, timeoutMs);
  if (!reply.ok) throw checkFailed(reply.message);
  return reply.identities;
}

/** A worker stopped by its heap limit (Node's `ERR_WORKER_OUT_OF_MEMORY`). */
class OutOfMemory extends Error {}

/** One request to a fresh worker, ended when it answers or after `timeoutMs`. */
function inWorker<Reply>(
  request: CheckRequest | IdentifyRequest,
  timeoutMs: number,
  resourceLimits?: ResourceLimits,
): Promise<Reply> {
  const worker = startReportWorker('check-worker', resourceLimits ? { resourceLimits } : {});
  let timer: NodeJS.Timeout | undefined;
  return new Promise<Reply>((resolve, reject) => {
    timer = setTimeout(() => reject(checkTimedOut(timeoutMs)), timeoutMs);
    worker.once('message', (reply: Reply) => resolve(reply));
    worker.once('error', (error: Error & { code?: string }) =>
      reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new OutOfMemory(error.message) : checkFailed(error.message)),
    );
    worker.once('exit', (code) => reject(checkFailed(`the check worker stopped (exit code ${code})`)));
    worker.postMessage(request);
  }).finally(() => {
    clearTimeout(timer);
    void worker.terminate();
  });
}

function checkTimedOut(timeoutMs: number): AppError {
  const seconds = Math.round(timeoutMs / 1000);
  return new AppError('REPORT_CHECK_TIMED_OUT', {
    nb: `Kontrollen tok mer enn ${seconds} sekunder og ble stoppet. Er det riktig fil?`,
    en: `The check took more than ${seconds} seconds and was stopped. Is it the right file?`,
  });
}

function checkOutOfMemory(limit: CheckHeapLimit): AppError {
  return new AppError(
    'REPORT_CHECK_OUT_OF_MEMORY',
    {
      nb: 'Filene er for store til å kontrolleres med minnet Innsender har til rådighet. Kontroller færre filer om gangen, eller del opp rapporten.',
      en: 'The files are too large to check with the memory Innsender has available. Check fewer files at a time, or split the report.',
    },
    [`the check worker ran out of memory twice; the last limit was ${limit.maxOldGenerationSizeMb} MiB`],
  );
}

function checkFailed(detail: string): AppError {
  return new AppError(
    'REPORT_CHECK_FAILED',
    {
      nb: 'Kontrollen av filen stoppet uventet. Prøv igjen; detaljene står i loggen.',
      en: 'Checking the file stopped unexpectedly. Try again; the details are in the log.',
    },
    [detail],
  );
}
