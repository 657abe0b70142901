import { resolve } from 'node:path';
import { Argument, type Command } from 'commander';
import { AppError } from '../../../shared/domain/app-error';
import type { Language } from '../../../shared/domain/localized';
import type { TredjepartCheckResult } from '../../../shared/tredjepart/check-result';
import { SCHEME_IDS, schemeById, type SchemeId } from '../../../shared/tredjepart/schemes';
import type { TredjepartCheck } from '../../../shared/tredjepart/tredjepart-views';
import { alreadySentText } from '../../../shared/outbox/duplicate-key';
import { draftInvalidError } from '../../outbox/duplicate-guard';
import type { CliContext } from '../context';
import { EXIT, type ExitCode } from '../exit-codes';
import { describe, exitFor, fail, sendOnce, waitForAnswer } from '../submissions';
import { formatCount, formatKroner, formatOrgNumber } from '../../../shared/format';

/**
 * `innsender tredjepart validate|submit <scheme> <file>`: the Tredjepart page's check and send for scripts, through
 * the same service and channels. Exit codes as `validate` (0 sendable, 1 errors, 2 unreadable) and `submit`.
 */
export function registerTredjepartCommand(program: Command, ctx: CliContext): void {
  const command = program
    .command('tredjepart')
    .description('tredjepartsopplysninger (boligselskap, boligsameie, gaver til frivillige): check or send a file');
  const scheme = () => new Argument('<scheme>', 'the scheme').choices(SCHEME_IDS);
  command
    .command('validate')
    .description('check a JSON (or CSV) file offline with the active profile’s organisation and rules')
    .addArgument(scheme())
    .argument('<file>', 'the melding JSON, or a CSV with one row per oppgave')
    .option('--inntektsaar <year>', 'the income year of a CSV file (default: last year)')
    .action(async (id: SchemeId, file: string, opts: { inntektsaar?: string }) => {
      const check = await checkFile(ctx, id, file, opts.inntektsaar);
      if (!check) return;
      ctx.io.out(ctx.json ? JSON.stringify({ ok: true, value: check.result }) : formatResult(check.result, ctx.lang));
      ctx.setExit(exitForResult(check.result));
    });
  command
    .command('submit')
    .description('check the file, save it as a draft and send it through the outbox; waits for the answer')
    .addArgument(scheme())
    .argument('<file>', 'the melding JSON, or a CSV with one row per oppgave')
    .option('--inntektsaar <year>', 'the income year of a CSV file (default: last year)')
    .option('--no-wait', 'return once it is queued (written to the outbox)')
    .action(async (id: SchemeId, file: string, opts: { inntektsaar?: string; wait: boolean }) => {
      try {
        const check = await checkFile(ctx, id, file, opts.inntektsaar);
        if (!check) return;
        if (!check.result.valid) {
          if (!ctx.json) ctx.io.err(formatResult(check.result, ctx.lang));
          const code = exitForResult(check.result);
          fail(
            ctx,
            code === EXIT.usage
              ? new AppError(
                  'TREDJEPART_FILE_UNREADABLE',
                  { nb: `Filen ${file} kunne ikke leses.`, en: `The file ${file} could not be read.` },
                  check.result.findings.map((f) => `${f.code}: ${f.message[ctx.lang]}`),
                )
              : draftInvalidError(check.result.findings),
          );
          ctx.setExit(code);
          return;
        }
        const draft = await ctx.request('tredjepart.saveDraft', { checkId: check.checkId });
        const queued = await sendOnce(ctx, () => ctx.request('tredjepart.submit', { id: draft.id }));
        const final = opts.wait ? await waitForAnswer(ctx, queued.id) : queued;
        ctx.io.out(ctx.json ? JSON.stringify({ ok: true, value: final }) : describe(final, ctx.lang, true));
        ctx.setExit(exitFor(final));
      } catch (error) {
        fail(ctx, error);
      }
    });
}

async function checkFile(
  ctx: CliContext,
  scheme: SchemeId,
  file: string,
  inntektsaar: string | undefined,
): Promise<TredjepartCheck | null> {
  if (inntektsaar !== undefined && !/^\d{4}$/.test(inntektsaar)) {
    fail(
      ctx,
      new AppError('TREDJEPART_YEAR_INVALID', {
        nb: `--inntektsaar ${inntektsaar} er ikke et årstall.`,
        en: `--inntektsaar ${inntektsaar} is not a year.`,
      }),
    );
    ctx.setExit(EXIT.usage);
    return null;
  }
  return ctx.services.tredjepart.checkPath(scheme, resolve(file), inntektsaar);
}

/** 0 nothing blocks, 1 errors found, 2 the file could not be read as a melding at all. */
function exitForResult(result: TredjepartCheckResult): ExitCode {
  if (result.valid) return EXIT.ok;
  return result.summary === null ? EXIT.usage : EXIT.findings;
}

function formatResult(result: TredjepartCheckResult, lang: Language): string {
  const scheme = schemeById(result.scheme);
  const lines = [`${scheme.title[lang]}: ${result.files.map((f) => f.path).join(', ')}`];
  lines.push(
    result.alreadySent
      ? alreadySentText(result.alreadySent)[lang]
      : result.valid
        ? lang === 'en'
          ? 'Ready to submit.'
          : 'Klar til innsending.'
        : lang === 'en'
          ? 'Has errors that must be fixed.'
          : 'Har feil som må rettes.',
  );
  if (result.alreadySent && !result.valid) lines.push(lang === 'en' ? 'It also has errors.' : 'Den har også feil.');
  const s = result.summary;
  if (s) {
    const [year, giver, tasks] =
      lang === 'en' ? ['income year', 'reporter', 'records'] : ['inntektsår', 'oppgavegiver', 'oppgaver'];
    lines.push(
      `  ${year} ${s.inntektsaar ?? '–'}  ${giver} ${s.oppgavegiver ? formatOrgNumber(s.oppgavegiver) : '–'}  ${tasks} ${formatCount(s.antallOppgaver, lang)}`,
    );
    for (const sum of s.sums) lines.push(`  ${sum.label[lang]}: ${formatKroner(sum.value, lang)}`);
  }
  for (const f of result.findings) {
    lines.push(`  ${f.severity === 'error' ? 'ERROR' : 'WARN '} ${f.code}  ${f.path || '(file)'}  ${f.message[lang]}`);
  }
  return lines.join('\n');
}
