import type { Command } from 'commander';
import type { CliContext } from '../context';
import { EXIT } from '../exit-codes';
import { printError } from '../output';
import { serviceById } from '../../../shared/domain/services-catalogue';
import type { Language } from '../../../shared/domain/localized';
import type { Deadline, DeadlinesOverview } from '../../../shared/deadlines/deadline-views';
import { formatDate, formatMonth } from '../../../shared/format';

const STATUS: Record<Deadline['status'], { nb: string; en: string }> = {
  met: { nb: 'levert', en: 'filed' },
  overdue: { nb: 'FORFALT', en: 'OVERDUE' },
  soon: { nb: 'snart', en: 'soon' },
  upcoming: { nb: 'kommer', en: 'upcoming' },
};

function period(d: Deadline, lang: Language): string {
  return d.period.kind === 'month' ? formatMonth(d.period.kalendermaaned, lang) : String(d.period.inntektsaar);
}

/** One line per deadline, soonest first; `*` marks the next one, `?` a date no primary source confirmed. */
export function formatDeadlines(overview: DeadlinesOverview, lang: Language): string {
  const lines = [
    lang === 'en'
      ? `Deadlines from ${formatDate(overview.today, lang)} to ${formatDate(overview.until, lang)} (warning ${overview.warnDays} ${overview.warnDays === 1 ? 'day' : 'days'} ahead):`
      : `Frister fra ${formatDate(overview.today, lang)} til ${formatDate(overview.until, lang)} (varsel ${overview.warnDays} ${overview.warnDays === 1 ? 'dag' : 'dager'} før):`,
  ];
  if (overview.deadlines.length === 0) {
    lines.push(
      lang === 'en' ? '  none: choose services in the setup first.' : '  ingen: velg tjenester i oppsettet først.',
    );
  }
  for (const d of overview.deadlines) {
    const mark = d.id === overview.nextId ? '*' : ' ';
    const moved = d.movedBecause
      ? ` (${lang === 'en' ? 'moved from' : 'flyttet fra'} ${formatDate(d.nominalDate, lang)})`
      : '';
    const unconfirmed = d.confirmed ? '' : ' ?';
    // The due date stays ISO in its column: same width on every line, so the list reads as a table.
    lines.push(
      `${mark} ${d.dueDate}  ${STATUS[d.status][lang].padEnd(8)} ${serviceById(d.service).name[lang]} ${period(d, lang)}${moved}${unconfirmed}`,
    );
  }
  for (const w of overview.withoutDeadline)
    lines.push(`  –           ${serviceById(w.service).name[lang]}: ${w.why[lang]}`);
  return lines.join('\n');
}

/**
 * `innsender frister [--months 12]`: the active profile's deadlines for its chosen services, through the same
 * channel as the Frister page. Exit code 1 when a deadline has passed unmet, so a cron job can alert on it.
 */
export function registerFristerCommand(program: Command, ctx: CliContext): void {
  program
    .command('frister')
    .description("list the active profile's reporting deadlines (moved past weekends and public holidays)")
    .option('--months <n>', 'how many months ahead (1–24)', '12')
    .action(async (opts: { months: string }) => {
      const result = await ctx.services.dispatch('deadlines.list', { months: Number(opts.months) });
      if (!result.ok) {
        ctx.setExit(printError(ctx.io, result.error, ctx.json, ctx.lang));
        return;
      }
      const overview = result.value as DeadlinesOverview;
      ctx.io.out(ctx.json ? JSON.stringify({ ok: true, value: overview }) : formatDeadlines(overview, ctx.lang));
      if (overview.deadlines.some((d) => d.status === 'overdue')) ctx.setExit(EXIT.findings);
    });
}
