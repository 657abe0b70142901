import type { Submission } from '../../shared/outbox/submission';
import type { CheckResult } from '../../shared/reports/check-result';
import type { ReportEnvironment } from '../../shared/reports/environment';
import type { CheckReportOptions } from './check-report-files';
import type { CheckReportFiles } from './check-in-worker';
import { withAlreadySent } from '../outbox/duplicate-guard';
import { formatCheckResult } from './format-check-result';
import { knownAMeldingerOf } from './known-messages';

export interface ValidateOptions {
  readonly profileOrg?: string;
  readonly environment: ReportEnvironment;
  readonly json: boolean;
  readonly lang: 'nb' | 'en';
  /**
   * The active profile's outbox: what it has sent or is sending, for the meldingsId uniqueness and replacement
   * rules and for saying that a report is already sent.
   */
  readonly submissions?: readonly Submission[];
  /**
   * How the files are checked: the CLI checks a large report in a worker thread whose heap is limited by the
   * files' size (`checkReportFilesBySize`); inline (`checkReportFiles`) by default.
   */
  readonly checkFiles?: CheckReportFiles;
  /** For tests; the CLI leaves these to their defaults. */
  readonly check?: Partial<Pick<CheckReportOptions, 'today' | 'maxBytes' | 'schemaDir' | 'knownMessages' | 'now'>>;
}

/**
 * `innsender validate <file…>`: exit 0 when every report is free of errors (warnings allowed), 1 when any has
 * errors, 2 when any input could not be read as a report at all.
 */
export async function runValidate(
  files: string[],
  opts: ValidateOptions,
): Promise<{ exitCode: 0 | 1 | 2; stdout: string; results: CheckResult[] }> {
  if (files.length === 0) {
    const message = opts.lang === 'nb' ? 'Ingen filer å kontrollere.' : 'No files to check.';
    return {
      exitCode: 2,
      stdout: opts.json ? JSON.stringify({ error: message }) + '\n' : message + '\n',
      results: [],
    };
  }
  const submissions = opts.submissions;
  // Loaded when no other way is given: the CLI's own (checkReportFilesBySize) loads it once its XSD worker is started.
  const checkFiles = opts.checkFiles ?? (await import('./check-report-files')).checkReportFiles;
  const checked = await checkFiles(files, {
    environment: opts.environment,
    ...(opts.profileOrg ? { profileOrg: opts.profileOrg } : {}),
    ...(submissions ? { knownMessages: knownAMeldingerOf(submissions) } : {}),
    ...opts.check,
  });
  const results = submissions ? checked.map((r) => withAlreadySent(r, submissions)) : checked;
  const exitCode = results.some((r) => r.kind === 'unreadable') ? 2 : results.some((r) => !r.valid) ? 1 : 0;
  const stdout = opts.json
    ? JSON.stringify(results, null, 2) + '\n'
    : results.map((r) => formatCheckResult(r, opts.lang)).join('\n\n') + '\n';
  return { exitCode, stdout, results };
}
