import { isAppError } from '../../shared/domain/app-error';
import type { Language } from '../../shared/domain/localized';
import type { Submission } from '../../shared/outbox/submission';
import type { CliContext } from './context';
import { EXIT, type ExitCode } from './exit-codes';
import { printable, printError } from './output';

/** How the commands that send through the outbox (submit, tredjepart, skattekort) wait, print and exit. */

/** Until Skatteetaten has answered, or the outbox waits (offline, a passing fault: it stays queued on disk). */
export async function waitForAnswer(ctx: CliContext, id: string): Promise<Submission> {
  for (;;) {
    const current = await ctx.request('outbox.get', { id });
    if (current.state.kind !== 'queued' && current.state.kind !== 'sending') return current;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function fail(ctx: CliContext, error: unknown): void {
  if (!isAppError(error)) throw error;
  const code = printError(ctx.io, error.toShape(), ctx.json, ctx.lang);
  // A draft with errors is "what was checked has errors", like `innsender validate`; an unknown id or an action
  // the submission's state does not allow is bad input.
  if (error.code === 'OUTBOX_DRAFT_INVALID') ctx.setExit(EXIT.findings);
  else if (/^OUTBOX_(.*_NOT_FOUND|NOT_FOUND|CANNOT_\w+)$/.test(error.code)) ctx.setExit(EXIT.usage);
  else ctx.setExit(code);
}

/** received 0; rejected 1 (Skatteetaten found errors); still waiting 3 (it stays in the outbox and is sent later). */
export function exitFor(s: Submission): ExitCode {
  if (s.state.kind === 'received' || s.state.kind === 'queued' || s.state.kind === 'sending') return EXIT.ok;
  if (s.state.kind === 'rejected') return EXIT.findings;
  return s.state.kind === 'cancelled' ? EXIT.ok : EXIT.failure;
}

export function describe(s: Submission, lang: Language, long = false): string {
  const head = `${s.id}  ${s.state.kind.padEnd(9)}  ${printable(s.label)}`;
  const lines: string[] = [head];
  const state = s.state;
  if (state.kind === 'received') {
    lines.push(
      `  received ${state.at}  dialogId ${state.receipt.dialogId}` +
        (state.receipt.forsendelseId ? `  forsendelseId ${state.receipt.forsendelseId}` : '') +
        (state.receipt.bestillingsreferanse ? `  bestillingsreferanse ${state.receipt.bestillingsreferanse}` : ''),
    );
  } else if (state.kind === 'rejected' || state.kind === 'failed') {
    lines.push(`  ${state.error.code}: ${state.error.message[lang]}`);
    if (long) for (const d of state.error.details ?? []) lines.push(`    - ${d}`);
    if (state.error.korrelasjonsid) lines.push(`  korrelasjonsid ${state.error.korrelasjonsid}`);
    if (state.kind === 'failed') {
      lines.push(
        state.retryAt
          ? `  waiting (${state.reason}); tried again at ${state.retryAt} when the app or \`innsender outbox retry\` runs`
          : `  waiting for you (${state.reason}): fix the cause, then \`innsender outbox retry ${s.id}\``,
      );
    }
  } else if (state.kind === 'queued') {
    lines.push('  queued: sent when the app or the next `innsender submit`/`outbox retry` runs');
  }
  return long || lines.length > 1 ? lines.join('\n') : head;
}
