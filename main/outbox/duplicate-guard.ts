import { AppError } from '../../shared/domain/app-error';
import {
  alreadySentOf,
  alreadySentText,
  describeIdentity,
  duplicateKey,
  holdsReport,
  identityOf,
  type AlreadySent,
  type ReportIdentity,
  type ReportRef,
} from '../../shared/outbox/duplicate-key';
import { targetOrg, type Submission } from '../../shared/outbox/submission';
import type { CheckResult } from '../../shared/reports/check-result';
import type { Finding } from '../../shared/reports/finding';
import { shareClassOf } from '../../shared/reports/rf1086/returns';
import type { EnqueueInput } from './outbox';
import { payloadDigest } from './payload-digest';

/**
 * The one duplicate guard: which submission already holds a report (by the identity Skatteetaten deduplicates
 * on, `shared/outbox/duplicate-key.ts`), used by the outbox's enqueue, the checks and the send confirmation, in
 * the app and the CLI alike.
 */

/**
 * The submission that holds this report: a received one first (what Skatteetaten has), else the newest one still
 * on its way. The same exact bytes for the same organisation and service count too, so records written before
 * an identity field was kept are still found (not for a skattekort order, which may be made again another day).
 */
export function existingSubmission(submissions: Iterable<Submission>, report: ReportRef): Submission | undefined {
  return existingFor(submissions, identityOf(report), report.payloadSha256);
}

/** The same, for an identity read from a check (no submission made yet); `payloadSha256` when it is known. */
export function existingFor(
  submissions: Iterable<Submission>,
  identity: ReportIdentity,
  payloadSha256: string | null,
): Submission | undefined {
  const key = duplicateKey(identity);
  const sameBytesCount = identity.service !== 'skattekort-til-arbeidsgiver';
  const matches = [...submissions].filter(
    (s) =>
      holdsReport(s) &&
      s.target.service === identity.service &&
      (duplicateKey(identityOf(s)) === key ||
        (sameBytesCount && s.payloadSha256 === payloadSha256 && targetOrg(s.target) === identity.org)),
  );
  const received = matches.find((s) => s.state.kind === 'received');
  return received ?? matches.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

/** For a check result: the submission that already holds the checked report, as the page and the CLI show it. */
export function alreadySentFor(
  submissions: Iterable<Submission>,
  identity: ReportIdentity,
  payloadSha256: string | null,
): AlreadySent | null {
  const existing = existingFor(submissions, identity, payloadSha256);
  return existing ? alreadySentOf(existing) : null;
}

/** The identities a checked report would be sent under (an RF-1086 check may hold several share classes). */
export function reportIdentities(result: CheckResult): ReportIdentity[] {
  if (result.kind === 'amelding' && result.summary) {
    const { opplysningspliktig: org, meldingsId } = result.summary;
    return [{ service: 'a-melding', org, meldingsId }];
  }
  if (result.kind === 'rf1086' && result.summary) {
    const { selskap, inntektsaar, aksjeklasser } = result.summary;
    const org = selskap.organisasjonsnummer;
    if (!org || !inntektsaar) return [];
    return aksjeklasser.map((k) => ({
      service: 'aksjonaerregisteroppgave' as const,
      org,
      inntektsaar,
      aksjeklasse: shareClassOf(k),
    }));
  }
  return [];
}

/** A report check with `alreadySent` set when the outbox holds (one of) its reports. */
export function withAlreadySent<T extends CheckResult>(result: T, submissions: readonly Submission[]): T {
  for (const identity of reportIdentities(result)) {
    const held = alreadySentFor(submissions, identity, null);
    if (held) return { ...result, alreadySent: held };
  }
  return result;
}

/**
 * What enqueue does with a report that is already held: the same bytes attach to that submission (a rerun, a
 * double click, a restart after a crash); other bytes under the same identity are refused, saying which
 * submission has it and what to do instead. Undefined: nothing holds it, so it may be sent.
 */
export function guardEnqueue(submissions: Iterable<Submission>, report: ReportRef): Submission | undefined {
  const existing = existingSubmission(submissions, report);
  if (!existing || existing.payloadSha256 === report.payloadSha256) return existing;
  throw alreadySentError(existing, identityOf(report));
}

/** Another report under an identity Skatteetaten already holds: the cause first, then what to do. */
function alreadySentError(existing: Submission, identity: ReportIdentity): AppError {
  const view = alreadySentOf(existing);
  const what = describeIdentity(identity);
  const held = alreadySentText(view);
  const onItsWay = view.state !== 'received';
  const advice = onItsWay
    ? {
        nb: 'Vent til den er ferdig, eller avbryt den i Utboksen (mulig mens den står i kø eller venter).',
        en: 'Wait until it is done, or cancel it in the Outbox (possible while it is queued or waiting).',
      }
    : ADVICE[identity.service];
  const who = onItsWay
    ? { nb: 'Utboksen sender allerede', en: 'The outbox is already sending' }
    : { nb: 'Skatteetaten har allerede', en: 'Skatteetaten already has' };
  return new AppError(
    'OUTBOX_ALREADY_SENT',
    {
      nb: `${who.nb} ${what.nb} med annet innhold. ${held.nb} ${advice.nb}`,
      en: `${who.en} ${what.en} with other content. ${held.en} ${advice.en}`,
    },
    [`submission ${existing.id}`],
  );
}

/** What a person does instead of sending a changed report under a used identity, per kind. */
const ADVICE: Record<ReportIdentity['service'], { nb: string; en: string }> = {
  'a-melding': {
    nb: 'Gi den nye meldingen en ny meldingsId, og sett erstatterMeldingsId til den gamle hvis den erstatter den.',
    en: 'Give the new message a new meldingsId, and set erstatterMeldingsId to the old one if it replaces it.',
  },
  aksjonaerregisteroppgave: {
    nb: 'Innsender sender ikke to oppgaver for samme selskap, år og aksjeklasse; les Skatteetatens tilbakemelding på den første før du retter noe.',
    en: 'Innsender does not send two returns for the same company, year and share class; read Skatteetaten’s feedback on the first before correcting anything.',
  },
  tredjepart: {
    nb: 'Gi den endrede leveransen en ny oppgavegiversLeveranseReferanse.',
    en: 'Give the changed leveranse a new oppgavegiversLeveranseReferanse.',
  },
  // Not reached: an order's identity includes its bytes, so other content is another order.
  'skattekort-til-arbeidsgiver': {
    nb: 'Bestill på nytt når den første er besvart.',
    en: 'Order again once the first is answered.',
  },
};

/**
 * A draft with errors: the findings themselves are the cause, so the message opens with the first of them and
 * the details name every one (code and place), instead of a bare "the draft has errors".
 */
export function draftInvalidError(findings: readonly Finding[]): AppError {
  const errors = findings.filter((f) => f.severity === 'error');
  const first = errors[0];
  const more = errors.length - 1;
  const head = first
    ? {
        nb: `${first.code}: ${first.message.nb}${more > 0 ? ` (og ${more} feil til)` : ''}. `,
        en: `${first.code}: ${first.message.en}${more > 0 ? ` (and ${more} more ${more === 1 ? 'error' : 'errors'})` : ''}. `,
      }
    : { nb: '', en: '' };
  return new AppError(
    'OUTBOX_DRAFT_INVALID',
    {
      nb: `${head.nb}Utkastet har feil som må rettes før det kan sendes inn.`,
      en: `${head.en}The draft has errors that must be fixed before it can be submitted.`,
    },
    errors.map((f) => [f.code, f.file && f.line ? `${f.file}:${f.line}` : '', f.path].filter(Boolean).join(' ')),
  );
}

/**
 * Queues a checked report once. A rerun of a report Skatteetaten already has (or is getting) answers with that
 * submission, even when the re-check now flags the report itself as a duplicate (AMELDING_MELDINGSID_NOT_UNIQUE);
 * any other report with errors is refused with its findings. `read` gives what would be sent, and may throw when
 * the report cannot be read at all.
 */
export async function enqueueChecked(
  outbox: {
    enqueue(input: EnqueueInput): Promise<Submission>;
    list(): readonly Submission[] | Promise<readonly Submission[]>;
  },
  report: { valid: boolean; findings: readonly Finding[]; read: () => EnqueueInput },
  now: Date,
): Promise<Submission> {
  if (report.valid) return outbox.enqueue(report.read());
  let input: EnqueueInput | undefined;
  try {
    input = report.read();
  } catch {
    input = undefined;
  }
  if (input) {
    const sha = payloadDigest(input.payload).sha256;
    const ref = { target: input.target, payloadSha256: sha, createdAt: now.toISOString() };
    const existing = existingSubmission(await outbox.list(), ref);
    if (existing?.payloadSha256 === sha) return existing;
  }
  throw draftInvalidError(report.findings);
}
