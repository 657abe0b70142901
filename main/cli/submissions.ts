import { isAppError } from '../../shared/domain/app-error';
import type { Language, LocalizedText } from '../../shared/domain/localized';
import { alreadySentOf, alreadySentText } from '../../shared/outbox/duplicate-key';
import type { Submission } from '../../shared/outbox/submission';
import type { CliContext } from './context';
import { EXIT, type ExitCode } from './exit-codes';
import { printable, printError } from './output';
import { formatDateTime } from '../../shared/format';

/** How the commands that send through the outbox (submit, tredjepart, skattekort) wait, print and exit. */

/** Until Skatteetaten has answered, or the outbox waits (offline, a passing fault: it stays queued on disk). */
export async function waitForAnswer(ctx: CliContext, id: string): Promise<Submission> {
  for (;;) {
    const current = await ctx.request('outbox.get', { id });
    if (current.state.kind !== 'queued' && current.state.kind !== 'sending') return current;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Sends through `send` (outbox.submit, tredjepart.submit, skattekort.order) and, when the outbox answered with a
 * submission it already held (a rerun after a crash, or while the first is still on its way), says so first:
 * "Already sent on …, receipt …". The outbox's duplicate guard decides; this only tells which case it was.
 */
export async function sendOnce(ctx: CliContext, send: () => Promise<Submission>): Promise<Submission> {
  const before = new Set((await ctx.request('outbox.list', undefined)).submissions.map((s) => s.id));
  const submission = await send();
  const state = submission.state.kind;
  if (before.has(submission.id) && !ctx.json && state !== 'rejected' && state !== 'cancelled') {
    ctx.io.out(alreadySentText(alreadySentOf(submission))[ctx.lang]);
  }
  return submission;
}

export function fail(ctx: CliContext, error: unknown): void {
  if (!isAppError(error)) throw error;
  const code = printError(ctx.io, error.toShape(), ctx.json, ctx.lang);
  // A draft with errors, or a report already sent with other content, is "what was checked has errors", like
  // `innsender validate`; an unknown id, unreadable or several reports, or an action the state does not allow is
  // bad input.
  if (error.code === 'OUTBOX_DRAFT_INVALID' || error.code === 'OUTBOX_ALREADY_SENT') ctx.setExit(EXIT.findings);
  else if (/^OUTBOX_(.*_NOT_FOUND|NOT_FOUND|CANNOT_\w+|FILE_UNREADABLE|ONE_REPORT)$/.test(error.code))
    ctx.setExit(EXIT.usage);
  else ctx.setExit(code);
}

/** received 0; rejected 1 (Skatteetaten found errors); still waiting 3 (it stays in the outbox and is sent later). */
export function exitFor(s: Submission): ExitCode {
  if (s.state.kind === 'received' || s.state.kind === 'queued' || s.state.kind === 'sending') return EXIT.ok;
  if (s.state.kind === 'rejected') return EXIT.findings;
  return s.state.kind === 'cancelled' ? EXIT.ok : EXIT.failure;
}

const QUEUED_TEXT: LocalizedText = {
  nb: 'I kø: sendes når appen kjører, eller ved neste `innsender submit` eller `innsender outbox retry`.',
  en: 'Queued: sent when the app runs, or at the next `innsender submit` or `innsender outbox retry`.',
};

/**
 * What happens next to a submission that waits, and what to run, in the CLI's language: the command ends here, so
 * a passing fault is tried again only by the app or by the user's `outbox retry`.
 */
function waitingText(id: string, state: Extract<Submission['state'], { kind: 'failed' }>): LocalizedText {
  const retry = `\`innsender outbox retry ${id}\``;
  if (state.retryAt) {
    return {
      nb: `Venter: prøves igjen fra ${formatDateTime(state.retryAt, 'nb')} når appen kjører, eller nå med ${retry}.`,
      en: `Waiting: tried again from ${formatDateTime(state.retryAt, 'en')} when the app runs, or now with ${retry}.`,
    };
  }
  if (state.reason === 'gave-up') {
    return {
      nb: `Ga opp etter ${state.attempt} forsøk: kjør ${retry} når feilen er borte.`,
      en: `Gave up after ${state.attempt} attempts: run ${retry} once the fault has passed.`,
    };
  }
  return {
    nb: `Venter på deg: rett årsaken over, og kjør så ${retry}.`,
    en: `Waiting for you: fix the cause above, then run ${retry}.`,
  };
}

export function describe(s: Submission, lang: Language, long = false): string {
  const head = `${s.id}  ${s.state.kind.padEnd(9)}  ${printable(s.label)}`;
  const lines: string[] = [head];
  const state = s.state;
  if (state.kind === 'received') {
    lines.push(
      `  received ${formatDateTime(state.at, lang)}  dialogId ${state.receipt.dialogId}` +
        (state.receipt.forsendelseId ? `  forsendelseId ${state.receipt.forsendelseId}` : '') +
        (state.receipt.bestillingsreferanse ? `  bestillingsreferanse ${state.receipt.bestillingsreferanse}` : ''),
    );
  } else if (state.kind === 'rejected' || state.kind === 'failed') {
    lines.push(`  ${state.error.code}: ${state.error.message[lang]}`);
    if (long) for (const d of state.error.details ?? []) lines.push(`    - ${d}`);
    if (state.error.korrelasjonsid) lines.push(`  korrelasjonsid ${state.error.korrelasjonsid}`);
    if (state.kind === 'failed') lines.push(`  ${waitingText(s.id, state)[lang]}`);
  } else if (state.kind === 'queued') {
    lines.push(`  ${QUEUED_TEXT[lang]}`);
  }
  return long || lines.length > 1 ? lines.join('\n') : head;
}
