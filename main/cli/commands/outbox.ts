import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../../../shared/domain/app-error';
import type { Language } from '../../../shared/domain/localized';
import type { AuditVerifyResult } from '../../../shared/outbox/outbox-views';
import type { CliContext } from '../context';
import { describe, exitFor, fail, sendOnce, waitForAnswer } from '../submissions';
import { EXIT } from '../exit-codes';

/**
 * `innsender submit`, `innsender outbox` and `innsender audit`: the app's own outbox, through the same channels,
 * so a business can schedule its monthly a-melding from its own system.
 */
export function registerOutboxCommands(program: Command, ctx: CliContext): void {
  program
    .command('submit')
    .description('send a checked draft (its id, or report files to check and save as a draft first) to Skatteetaten')
    .argument('<draft-id|file...>', 'a draft id from the Reports page, an a-melding file, or an RF-1086 return’s forms')
    .option('--no-wait', 'return once it is queued (written to the outbox) instead of waiting for the answer')
    .action(async (refs: string[], opts: { wait: boolean }) => {
      try {
        const draftId = await draftFor(ctx, refs);
        const queued = await sendOnce(ctx, () => ctx.request('outbox.submit', { draftId }));
        const final = opts.wait ? await waitForAnswer(ctx, queued.id) : queued;
        if (ctx.json) ctx.io.out(JSON.stringify({ ok: true, value: final }));
        else ctx.io.out(describe(final, ctx.lang, true));
        ctx.setExit(exitFor(final));
      } catch (error) {
        fail(ctx, error);
      }
    });

  const outbox = program
    .command('outbox')
    .description("list the active profile's submissions, or cancel or retry one")
    .action(() => list(ctx));
  outbox
    .command('list')
    .description('every submission, newest first')
    .action(() => list(ctx));
  outbox
    .command('cancel')
    .description('cancel a queued or waiting submission (never one on its way)')
    .argument('<id>')
    .action((id: string) => ctx.call('outbox.cancel', { id }, (s) => describe(s, ctx.lang)));
  outbox
    .command('retry')
    .description('send a failed submission again now (same idempotency key) and wait for the answer')
    .argument('<id>')
    .action(async (id: string) => {
      try {
        await ctx.request('outbox.retry', { id });
        const final = await waitForAnswer(ctx, id);
        ctx.io.out(ctx.json ? JSON.stringify({ ok: true, value: final }) : describe(final, ctx.lang, true));
        ctx.setExit(exitFor(final));
      } catch (error) {
        fail(ctx, error);
      }
    });

  const audit = program.command('audit').description("the outbox's hash-chained audit log");
  audit
    .command('verify', { isDefault: true })
    .description('check every entry and its link to the one before')
    .action(async () => {
      try {
        const result = await ctx.request('audit.verify', undefined);
        if (ctx.json) ctx.io.out(JSON.stringify({ ok: true, value: result }));
        else ctx.io.out(describeVerify(result, ctx.lang));
        ctx.setExit(result.ok ? EXIT.ok : EXIT.findings);
      } catch (error) {
        fail(ctx, error);
      }
    });
  audit
    .command('export')
    .description('the audit log as CSV or JSON, for the accounting records')
    .option('--format <format>', 'csv or json', 'csv')
    .option('--out <file>', 'write to this file (default: print it)')
    .action(async (opts: { format: string; out?: string }) => {
      if (opts.format !== 'csv' && opts.format !== 'json') {
        return fail(
          ctx,
          new AppError('AUDIT_FORMAT_INVALID', {
            nb: 'Bruk --format csv eller json.',
            en: 'Use --format csv or json.',
          }),
        );
      }
      try {
        const content = await ctx.services.outbox.exportAudit(opts.format);
        if (!opts.out) return ctx.io.out(content);
        await writeFile(opts.out, content, 'utf8');
        ctx.io.out(ctx.json ? JSON.stringify({ ok: true, value: { path: opts.out } }) : `Wrote ${opts.out}`);
      } catch (error) {
        fail(ctx, error);
      }
    });
}

/** The verdict, then each finding with where it is (a line of audit.jsonl, or the file), in the user's language. */
function describeVerify(result: AuditVerifyResult, lang: Language): string {
  const nb = lang === 'nb';
  if (result.ok) {
    const intact = nb
      ? `Revisjonsloggen er intakt: ${result.entries} oppføringer, siste hash ${result.lastHash}.`
      : `The audit log is intact: ${result.entries} entries, last hash ${result.lastHash}.`;
    return [intact, ...result.notes.map((note) => `  ${note[lang]}`)].join('\n');
  }
  const header = nb
    ? `Revisjonsloggen er ikke intakt (${result.findings.length} funn):`
    : `The audit log is not intact (${result.findings.length} findings):`;
  const where = (line: number | null) => (line === null ? 'audit.jsonl' : `${nb ? 'linje' : 'line'} ${line}`);
  return [header, ...result.findings.map((f) => `  ${where(f.line)}: ${f.reason[lang]}. [${f.code}]`)].join('\n');
}

function list(ctx: CliContext): Promise<void> {
  return ctx.call('outbox.list', undefined, ({ submissions }) =>
    submissions.length === 0 ? 'No submissions yet.' : submissions.map((s) => describe(s, ctx.lang)).join('\n'),
  );
}

/**
 * Files are checked and saved as a draft first (as the Reports page would: an RF-1086 main form and its shareholder
 * forms together are one return); a single argument that is no file is a draft id.
 */
async function draftFor(ctx: CliContext, refs: string[]): Promise<string> {
  const [first] = refs;
  if (refs.length === 1 && first !== undefined && !existsSync(first)) return first;
  const checks = await ctx.services.reports.checkPaths(refs);
  const [check] = checks;
  if (!check || check.result.kind === 'unreadable') {
    const name = check?.result.files.map((f) => f.path).join(', ') ?? refs.join(', ');
    throw new AppError('OUTBOX_FILE_UNREADABLE', {
      nb: `Filen ${name} kunne ikke leses som en rapport.`,
      en: `The file ${name} could not be read as a report.`,
    });
  }
  if (checks.length > 1) {
    throw new AppError('OUTBOX_ONE_REPORT', {
      nb: `Filene er ${checks.length} rapporter; send én om gangen (et RF-1086-hovedskjema med sine underskjemaer er én).`,
      en: `The files are ${checks.length} reports; send one at a time (an RF-1086 main form with its shareholder forms is one).`,
    });
  }
  return (await ctx.request('reports.saveDraft', { checkId: check.checkId })).id;
}
