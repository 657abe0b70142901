import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { AvstemmingPeriod } from '../../../shared/avstemming/avstemmingsrapport';
import type { Reconciliation } from '../../../shared/avstemming/reconcile';
import { STATUS_TEXT, meldingWhere } from '../../../shared/avstemming/reconciliation-words';
import { reconciliationAsCsv } from '../../../shared/avstemming/reconciliation-csv';
import type { Language } from '../../../shared/domain/localized';
import type { CliContext } from '../context';
import { EXIT } from '../exit-codes';
import { printError } from '../output';

/** `2026-01` is a month, `2026` a year; anything else is null (a usage error). */
export function periodOf(arg: string): AvstemmingPeriod | null {
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(arg)) return { kind: 'month', kalendermaaned: arg };
  if (/^\d{4}$/.test(arg)) return { kind: 'year', aar: arg };
  return null;
}

/** One line per income recipient (Skatteetaten's figures, then what was sent), the totals, then the meldinger. */
export function formatReconciliation(view: Reconciliation, lang: Language): string {
  const en = lang === 'en';
  const period = view.fra === view.til ? view.fra : `${view.fra}–${view.til}`;
  const pair = (a?: string, b?: string) => `${a ?? '–'} / ${b ?? '–'}`;
  const lines = [
    en
      ? `Reconciliation for ${view.opplysningspliktig}, ${period} (income and withholding: Skatteetaten / sent):`
      : `Avstemming for ${view.opplysningspliktig}, ${period} (inntekt og forskuddstrekk: Skatteetaten / sendt):`,
  ];
  for (const r of view.recipients) {
    lines.push(
      `${r.status === 'same' ? ' ' : '!'} ${r.identifikator}${r.navn ? ` ${r.navn}` : ''}  ` +
        `${pair(r.skatteetaten?.inntekt, r.innsender?.inntekt)}  ` +
        `${pair(r.skatteetaten?.forskuddstrekk, r.innsender?.forskuddstrekk)}  ${STATUS_TEXT[r.status][lang]}`,
    );
  }
  const t = view.totals;
  lines.push(
    `${t.status === 'same' ? ' ' : '!'} ${en ? 'TOTAL' : 'SUM'}  ${pair(t.skatteetaten.inntekt, t.innsender.inntekt)}  ` +
      `${pair(t.skatteetaten.forskuddstrekk, t.innsender.forskuddstrekk)}  ${STATUS_TEXT[t.status][lang]}`,
  );
  lines.push(
    en
      ? `Employer's contribution registered at Skatteetaten: ${t.skatteetaten.arbeidsgiveravgift}`
      : `Arbeidsgiveravgift registrert hos Skatteetaten: ${t.skatteetaten.arbeidsgiveravgift}`,
  );
  for (const m of view.meldinger) {
    lines.push(`  ${m.kalendermaaned}  ${m.meldingsId}  ${meldingWhere(m)[lang]}`);
  }
  return lines.join('\n');
}

/**
 * `innsender avstemming <YYYY-MM|YYYY> [--csv file]`: Skatteetaten's avstemmingsrapport for the active profile,
 * reconciled against what Innsender sent, through the same channel as the Avstemming page. Exit 1 when anything
 * differs, so a month-end script can stop on it.
 */
export function registerAvstemmingCommand(program: Command, ctx: CliContext): void {
  program
    .command('avstemming')
    .description('fetch the a-melding reconciliation report for a month or a year and compare it with what was sent')
    .argument('<period>', 'a month (2026-01) or a year (2026)')
    .option('--csv <file>', 'also write the reconciliation as CSV (;-separated, dot decimals)')
    .action(async (arg: string, opts: { csv?: string }) => {
      const period = periodOf(arg);
      if (!period) {
        ctx.io.err(
          ctx.lang === 'en'
            ? 'AVSTEMMING_BAD_PERIOD: write a month as YYYY-MM (2026-01) or a year as YYYY (2026).'
            : 'AVSTEMMING_BAD_PERIOD: skriv en måned som ÅÅÅÅ-MM (2026-01) eller et år som ÅÅÅÅ (2026).',
        );
        ctx.setExit(EXIT.usage);
        return;
      }
      const result = await ctx.services.dispatch('avstemming.fetch', { period });
      if (!result.ok) {
        ctx.setExit(printError(ctx.io, result.error, ctx.json, ctx.lang));
        return;
      }
      const view = result.value as Reconciliation;
      if (opts.csv) await writeFile(opts.csv, reconciliationAsCsv(view));
      ctx.io.out(ctx.json ? JSON.stringify({ ok: true, value: view }) : formatReconciliation(view, ctx.lang));
      if (view.totals.status !== 'same') ctx.setExit(EXIT.findings);
    });
}
