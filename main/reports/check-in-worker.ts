import { AppError } from '../../shared/domain/app-error';
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

/**
 * Runs `checkReportFiles` in a worker thread of its own, so parsing, the model, the rules (and starting libxml2's
 * own worker) never hold the app's main thread: a large or hostile dropped file cannot freeze the window or the
 * IPC. Each check gets a fresh worker, ended when it answers, or after `timeoutMs` (an 83 MiB report takes seconds;
 * a check still running after minutes is stuck, and the user gets an answer instead of a spinner).
 */
export async function checkReportFilesInWorker(
  inputs: readonly ReportInput[],
  options: CheckReportOptions,
  { timeoutMs = DEFAULT_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<CheckResult[]> {
  const { now, ...rest } = options;
  const request: CheckRequest = { task: 'check', inputs, options: rest, now: (now?.() ?? new Date()).toISOString() };
  const reply = await inWorker<CheckReply>(request, timeoutMs);
  if (!reply.ok) throw checkFailed(reply.message);
  return reply.results;
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

/** One request to a fresh worker, ended when it answers or after `timeoutMs`. */
function inWorker<Reply>(request: CheckRequest | IdentifyRequest, timeoutMs: number): Promise<Reply> {
  const worker = startReportWorker('check-worker');
  let timer: NodeJS.Timeout | undefined;
  return new Promise<Reply>((resolve, reject) => {
    timer = setTimeout(() => reject(checkTimedOut(timeoutMs)), timeoutMs);
    worker.once('message', (reply: Reply) => resolve(reply));
    worker.once('error', (error) => reject(checkFailed(error.message)));
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
