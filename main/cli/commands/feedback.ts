import type { Command } from 'commander';
import type { CliContext } from '../context';
import { EXIT } from '../exit-codes';
import { printError } from '../output';
import { AppError, isAppError } from '../../../shared/domain/app-error';

/**
 * `innsender feedback [--since …]`: one sync of the active profile's Dialogporten dialogs, then what is new
 * (and, with --since, what arrived after that date), each read into plain words.
 */
export function registerFeedbackCommand(program: Command, ctx: CliContext): void {
  program
    .command('feedback')
    .description("run one sync of Skatteetaten's feedback from Dialogporten and print what is new")
    .option('--since <date>', 'also list feedback already fetched that arrived after this date (ISO 8601)')
    .action(async (opts: { since?: string }) => {
      const since = opts.since === undefined ? undefined : new Date(opts.since);
      if (since && Number.isNaN(since.getTime())) {
        const error = new AppError(
          'FEEDBACK_SINCE_INVALID',
          {
            nb: 'Datoen i --since kan ikke leses. Bruk f.eks. 2026-03-01.',
            en: 'The --since date cannot be read. Use e.g. 2026-03-01.',
          },
          [opts.since ?? ''],
        );
        ctx.setExit(printError(ctx.io, error.toShape(), ctx.json, ctx.lang));
        return;
      }
      let service;
      try {
        service = await ctx.services.feedback.service();
      } catch (error) {
        if (!isAppError(error)) throw error;
        ctx.setExit(printError(ctx.io, error.toShape(), ctx.json, ctx.lang));
        return;
      }
      // The implementation loads when the command runs, not when the CLI starts (see program.ts).
      const { runFeedbackCommand } = await import('../../dialogporten/feedback-command');
      const code = await runFeedbackCommand({
        service,
        ...(since ? { since } : {}),
        submissions: await ctx.services.feedback.knownSubmissionsNow(),
        json: ctx.json,
        language: ctx.lang,
        write: (line) => ctx.io.out(line),
      });
      ctx.setExit(code === 0 ? EXIT.ok : EXIT.failure);
    });
}
