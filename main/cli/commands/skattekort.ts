import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError, isAppError } from '../../../shared/domain/app-error';
import type { Language } from '../../../shared/domain/localized';
import type { Submission } from '../../../shared/outbox/submission';
import { trekkodeText } from '../../../shared/skattekort/answer';
import type { PersonList } from '../../../shared/skattekort/persons';
import type { AnswerRecord, SkattekortOrderView } from '../../../shared/skattekort/skattekort-views';
import type { CliContext } from '../context';
import { EXIT } from '../exit-codes';
import { printable, printError } from '../output';
import { sendOnce } from '../submissions';
import { formatDateTime } from '../../../shared/format';

/**
 * `innsender skattekort …`: order the employees' tax deduction cards (from an a-melding draft or a CSV file)
 * through the app's outbox, and read or export Skatteetaten's answer, with the same services and channels.
 */
export function registerSkattekortCommand(program: Command, ctx: CliContext): void {
  const cmd = program.command('skattekort').description("order and read the employees' tax deduction cards");

  cmd
    .command('persons')
    .description('the employees an order would name, each id checked (exit 1 when any cannot be ordered)')
    .argument('[draft-id|csv]', 'an a-melding draft id, or a CSV file; the latest a-melding draft when left out')
    .action(async (ref?: string) => {
      try {
        const list = await personsFor(ctx, ref);
        ctx.io.out(ctx.json ? JSON.stringify({ ok: true, value: list }) : describeList(list, ctx.lang));
        ctx.setExit(
          list.persons.some((p) => p.status === 'invalid' || p.status === 'synthetic') ? EXIT.findings : EXIT.ok,
        );
      } catch (error) {
        fail(ctx, error);
      }
    });

  cmd
    .command('order')
    .description('order the tax cards of the employees of an a-melding draft or a CSV file, and wait for the answer')
    .argument('[draft-id|csv]', 'an a-melding draft id, or a CSV file; the latest a-melding draft when left out')
    .requiredOption('--email <address>', 'where Skatteetaten sends notices about the order')
    .option('--phone <number>', 'mobile number for notices, e.g. +4794123456')
    .option('--year <year>', 'income year', String(new Date().getFullYear()))
    .option('--changes-only', 'HENT_KUN_ENDRING: only cards changed since the last order (names no persons)')
    .option('--no-notify', 'INGEN_VARSEL instead of VARSEL_VED_FOERSTE_ENDRING')
    .option('--skip-invalid', 'order the valid ids and leave out the ones that cannot be ordered')
    .option('--no-wait', 'return once the order is in the outbox')
    .option('--timeout <seconds>', 'how long to wait for the answer', '300')
    .action(
      async (
        ref: string | undefined,
        opts: {
          email: string;
          phone?: string;
          year: string;
          changesOnly?: boolean;
          notify: boolean;
          skipInvalid?: boolean;
          wait: boolean;
          timeout: string;
        },
      ) => {
        try {
          let arbeidstakere: string[] = [];
          if (!opts.changesOnly) {
            const list = await personsFor(ctx, ref);
            const bad = list.persons.filter((p) => p.status === 'invalid' || p.status === 'synthetic');
            if (bad.length > 0 && !opts.skipInvalid) {
              if (!ctx.json) ctx.io.err(describeList(list, ctx.lang));
              throw new AppError(
                'SKATTEKORT_INVALID_PERSONS',
                {
                  nb: `${bad.length} av numrene kan ikke bestilles. Rett dem, eller bruk --skip-invalid.`,
                  en: `${bad.length} of the numbers cannot be ordered. Correct them, or use --skip-invalid.`,
                },
                bad.map((p) => `${p.id}: ${p.problem?.[ctx.lang] ?? p.status}`),
              );
            }
            arbeidstakere = list.orderable;
          }
          const queued = await sendOnce(ctx, () =>
            ctx.request('skattekort.order', {
              inntektsaar: opts.year,
              bestillingstype: opts.changesOnly ? 'HENT_KUN_ENDRING' : 'HENT_ALLE_OPPGITTE',
              varslingstype: opts.notify ? 'VARSEL_VED_FOERSTE_ENDRING' : 'INGEN_VARSEL',
              kontaktinformasjon: {
                epostadresse: opts.email,
                ...(opts.phone ? { mobiltelefonummer: opts.phone } : {}),
              },
              arbeidstakere,
            }),
          );
          if (!opts.wait) {
            ctx.io.out(ctx.json ? JSON.stringify({ ok: true, value: queued }) : describeSubmission(queued, ctx.lang));
            return;
          }
          const sent = await waitForOutbox(ctx, queued.id);
          if (sent.state.kind !== 'received') {
            ctx.io.out(ctx.json ? JSON.stringify({ ok: true, value: sent }) : describeSubmission(sent, ctx.lang));
            ctx.setExit(sent.state.kind === 'rejected' ? EXIT.findings : EXIT.failure);
            return;
          }
          if (!ctx.json) ctx.io.out(describeSubmission(sent, ctx.lang));
          await printAnswer(ctx, sent.id, Number(opts.timeout));
        } catch (error) {
          fail(ctx, error);
        }
      },
    );

  cmd
    .command('list')
    .description("the active profile's orders and where each answer is")
    .action(() =>
      ctx.call('skattekort.orders', undefined, ({ orders }) =>
        orders.length === 0 ? 'No tax card orders yet.' : orders.map((o) => describeOrder(o, ctx.lang)).join('\n'),
      ),
    );

  cmd
    .command('answer')
    .description("an order's answer per employee (waits for it), or its export for a payroll system")
    .argument('<ref>', 'the submission id or the bestillingsreferanse')
    .option('--csv <file>', 'write the answer as CSV for a payroll system')
    .option('--json-out <file>', 'write the answer as JSON for a payroll system')
    .option('--timeout <seconds>', 'how long to wait for the answer', '300')
    .action(async (ref: string, opts: { csv?: string; jsonOut?: string; timeout: string }) => {
      try {
        const { orders } = await ctx.request('skattekort.orders', undefined);
        const found = orders.find(
          (o) =>
            o.submission.id === ref ||
            (o.submission.state.kind === 'received' && o.submission.state.receipt.bestillingsreferanse === ref),
        );
        if (!found) {
          throw new AppError('SKATTEKORT_NOT_FOUND', {
            nb: `Fant ingen skattekortbestilling ${ref}.`,
            en: `No tax card order ${ref} was found.`,
          });
        }
        const record = await printAnswer(ctx, found.submission.id, Number(opts.timeout));
        // The implementation loads when the command runs, not when the CLI starts (see program.ts).
        const { answerAsCsv, answerAsJson } = await import('../../../shared/skattekort/export');
        if (record && opts.csv) await writeFile(opts.csv, answerAsCsv(record.answer), 'utf8');
        if (record && opts.jsonOut) await writeFile(opts.jsonOut, answerAsJson(record.answer), 'utf8');
        if (record && !ctx.json) for (const f of [opts.csv, opts.jsonOut]) if (f) ctx.io.out(`Wrote ${printable(f)}`);
      } catch (error) {
        fail(ctx, error);
      }
    });
}

async function personsFor(ctx: CliContext, ref: string | undefined): Promise<PersonList> {
  if (ref && existsSync(ref)) return ctx.services.skattekort.personsFromCsv(ref);
  return ctx.request('skattekort.personsFromDraft', ref ? { draftId: ref } : {});
}

/** Until the order has left the outbox (received, rejected, or waiting for a retry). */
async function waitForOutbox(ctx: CliContext, id: string): Promise<Submission> {
  for (;;) {
    const current = await ctx.request('outbox.get', { id });
    if (current.state.kind !== 'queued' && current.state.kind !== 'sending') return current;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function printAnswer(
  ctx: CliContext,
  submissionId: string,
  timeoutSeconds: number,
): Promise<AnswerRecord | null> {
  const record = await Promise.race([
    ctx.services.skattekort.whenAnswered(submissionId),
    new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), Math.max(1, timeoutSeconds) * 1000).unref()),
  ]);
  if (record === 'timeout' || record === null) {
    const view = await ctx.request('skattekort.pollNow', { submissionId }).catch(() => null);
    if (ctx.json) ctx.io.out(JSON.stringify({ ok: true, value: view }));
    else ctx.io.out(view ? describeOrder(view, ctx.lang) : 'No answer yet.');
    ctx.setExit(EXIT.failure);
    return null;
  }
  ctx.io.out(ctx.json ? JSON.stringify({ ok: true, value: record }) : describeAnswer(record, ctx.lang));
  return record;
}

function describeList(list: PersonList, lang: Language): string {
  const from = printable(list.source.kind === 'amelding' ? list.source.label : list.source.fileName);
  const lines = [`${from}: ${list.orderable.length} of ${list.persons.length} can be ordered`];
  for (const p of list.persons) {
    const where = p.line ? ` (line ${p.line})` : '';
    lines.push(
      `  ${p.status === 'ok' ? ' ' : '!'} ${printable(p.id)}${p.name ? `  ${printable(p.name)}` : ''}${where}${p.problem ? `  ${p.problem[lang]}` : ''}`,
    );
  }
  return lines.join('\n');
}

function describeSubmission(s: Submission, lang: Language): string {
  const lines = [`${s.id}  ${s.state.kind}  ${s.label}`];
  if (s.state.kind === 'received') {
    lines.push(
      `  bestillingsreferanse ${s.state.receipt.bestillingsreferanse ?? '-'}  dialogId ${s.state.receipt.dialogId}`,
    );
  } else if (s.state.kind === 'rejected' || s.state.kind === 'failed') {
    lines.push(`  ${s.state.error.code}: ${s.state.error.message[lang]}`);
    for (const d of s.state.error.details ?? []) lines.push(`    - ${d}`);
  }
  return lines.join('\n');
}

function describeOrder(o: SkattekortOrderView, lang: Language): string {
  const a = o.answer;
  const answer =
    a.kind === 'ready'
      ? `answer ready (${a.employees} employees, ${formatDateTime(a.fetchedAt, lang)})`
      : a.kind === 'waiting'
        ? `waiting for the answer (asked ${a.polls} times${a.lastError ? `; last: ${a.lastError.code}` : ''})`
        : a.kind === 'stopped'
          ? `polling stopped: ${a.error.code}: ${a.error.message[lang]}`
          : `order ${o.submission.state.kind}`;
  return `${describeSubmission(o.submission, lang)}\n  ${answer}`;
}

function describeAnswer(record: AnswerRecord, lang: Language): string {
  const lines = [
    `Answer to ${record.bestillingsreferanse} (${formatDateTime(record.fetchedAt, lang)}): ${record.answer.cards.length} employees`,
  ];
  if (record.answer.statusNote) lines.push(`  ${record.answer.status}: ${record.answer.statusNote[lang]}`);
  for (const card of record.answer.cards) {
    lines.push(
      `  ${card.arbeidstakeridentifikator}  ${card.result[lang]}${card.utstedtDato ? `  issued ${card.utstedtDato}` : ''}`,
    );
    for (const t of card.trekk) lines.push(`    ${trekkodeText(t.trekkode)[lang]}: ${t.withhold[lang]}`);
    if (card.trekk.length === 0) lines.push(`    ${card.withhold[lang]}`);
    for (const n of card.notes) lines.push(`    ${n[lang]}`);
  }
  return lines.join('\n');
}

function fail(ctx: CliContext, error: unknown): void {
  if (!isAppError(error)) throw error;
  const code = printError(ctx.io, error.toShape(), ctx.json, ctx.lang);
  if (error.code === 'SKATTEKORT_INVALID_PERSONS') ctx.setExit(EXIT.findings);
  else if (
    /^SKATTEKORT_(NOT_FOUND|DRAFT_NOT_FOUND|NO_AMELDING_DRAFT|CSV_\w+|ORDER_INVALID)$/.test(error.code) ||
    error.code === 'IPC_INVALID_INPUT'
  )
    ctx.setExit(EXIT.usage);
  else ctx.setExit(code);
}
