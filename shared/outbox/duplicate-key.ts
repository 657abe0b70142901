import { z } from 'zod';
import type { LocalizedText } from '../domain/localized';
import type { SchemeId } from '../tredjepart/schemes';
import { formatDate } from '../format';
import { ReceiptSchema, type Submission } from './submission';

/**
 * What Skatteetaten itself treats as "the same report", per kind: the one definition the outbox's duplicate
 * guard, the checks ("already sent") and the send confirmation use.
 *
 * - a-melding: the opplysningspliktig and the `meldingsId` (a reused meldingsId is refused, AMELDING_MELDINGSID_
 *   NOT_UNIQUE; a replacement is a new meldingsId with `erstatterMeldingsId`: skatteetaten-apis.md §1.6).
 * - RF-1086: the company, the income year and the share class (one return per class: `shared/reports/rf1086/
 *   returns.ts`; a company with one class is "company + year").
 * - tredjepart: the oppgavegiver, the income year, the scheme and the oppgavegiver's own leveransereferanse
 *   (`oppgavegiversLeveranseReferanse`, echoed in the receipt: skatteetaten-apis.md §6). A melding with no
 *   reference (a CSV import) is known by its exact bytes instead.
 * - skattekort: the order itself (employer, year and the exact body) on the day it is made (Oslo time):
 *   Skatteetaten answers every order, so only the same order sent twice is a duplicate, and the same changes-only
 *   order made again another day is a new one.
 */
export type ReportIdentity =
  | { service: 'a-melding'; org: string; meldingsId: string }
  | { service: 'aksjonaerregisteroppgave'; org: string; inntektsaar: string; aksjeklasse: string }
  | {
      service: 'tredjepart';
      org: string;
      inntektsaar: string;
      scheme: SchemeId;
      leveransereferanse: string | null;
      payloadSha256: string;
    }
  | { service: 'skattekort-til-arbeidsgiver'; org: string; inntektsaar: string; payloadSha256: string; day: string };

/** A submission, or one about to be made: what it sends (the sha256 of its exact bytes) and when it was made. */
export type ReportRef = Pick<Submission, 'target' | 'payloadSha256' | 'createdAt'>;

/** The identity of what a submission sends. */
export function identityOf(report: ReportRef): ReportIdentity {
  const { target, payloadSha256 } = report;
  switch (target.service) {
    case 'a-melding':
      return { service: 'a-melding', org: target.opplysningspliktig, meldingsId: target.meldingsId };
    case 'aksjonaerregisteroppgave':
      return {
        service: 'aksjonaerregisteroppgave',
        org: target.oppgavegiver,
        inntektsaar: target.inntektsaar,
        aksjeklasse: target.aksjeklasse ?? '',
      };
    case 'tredjepart':
      return {
        service: 'tredjepart',
        org: target.oppgavegiver,
        inntektsaar: target.inntektsaar,
        scheme: target.scheme,
        leveransereferanse: target.leveransereferanse ?? null,
        payloadSha256,
      };
    case 'skattekort-til-arbeidsgiver':
      return {
        service: 'skattekort-til-arbeidsgiver',
        org: target.arbeidsgiver,
        inntektsaar: target.inntektsaar,
        payloadSha256,
        day: osloDay(report.createdAt),
      };
  }
}

/** The calendar day in Norway of an ISO time: an order's day is the business's day, not UTC's. */
function osloDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date(iso));
}

/** One string per identity: equal keys are the same report to Skatteetaten. */
export function duplicateKey(identity: ReportIdentity): string {
  switch (identity.service) {
    case 'a-melding':
      return ['a-melding', identity.org, identity.meldingsId].join('|');
    case 'aksjonaerregisteroppgave':
      return ['rf1086', identity.org, identity.inntektsaar, identity.aksjeklasse].join('|');
    case 'tredjepart':
      return [
        'tredjepart',
        identity.org,
        identity.inntektsaar,
        identity.scheme,
        identity.leveransereferanse !== null
          ? `ref:${identity.leveransereferanse}`
          : `sha256:${identity.payloadSha256}`,
      ].join('|');
    case 'skattekort-til-arbeidsgiver':
      return ['skattekort', identity.org, identity.inntektsaar, identity.payloadSha256, identity.day].join('|');
  }
}

/** The identity in words, for "already sent" and "sent with other content". */
export function describeIdentity(identity: ReportIdentity): LocalizedText {
  switch (identity.service) {
    case 'a-melding':
      return { nb: `meldingsId ${identity.meldingsId}`, en: `meldingsId ${identity.meldingsId}` };
    case 'aksjonaerregisteroppgave': {
      const klasse = identity.aksjeklasse ? ` (${identity.aksjeklasse})` : '';
      return {
        nb: `aksjonærregisteroppgaven for ${identity.org} for ${identity.inntektsaar}${klasse}`,
        en: `the shareholder register return of ${identity.org} for ${identity.inntektsaar}${klasse}`,
      };
    }
    case 'tredjepart': {
      const ref = identity.leveransereferanse;
      return ref !== null
        ? { nb: `leveransen ${ref} for ${identity.inntektsaar}`, en: `leveranse ${ref} for ${identity.inntektsaar}` }
        : { nb: `den samme filen for ${identity.inntektsaar}`, en: `the same file for ${identity.inntektsaar}` };
    }
    case 'skattekort-til-arbeidsgiver':
      return {
        nb: `den samme skattekortbestillingen for ${identity.inntektsaar} fra ${identity.day}`,
        en: `the same tax card order for ${identity.inntektsaar} of ${identity.day}`,
      };
  }
}

/**
 * A submission that holds the report a check or a send is about: received by Skatteetaten, or still on its way
 * (queued, sending, or failed and waiting for a retry). What the check result and the confirmation show instead
 * of "ready to submit".
 */
export const AlreadySentSchema = z.object({
  submissionId: z.string(),
  label: z.string(),
  state: z.enum(['received', 'queued', 'sending', 'failed']),
  /** When Skatteetaten received it; when it was queued otherwise. */
  at: z.string(),
  receipt: ReceiptSchema.nullable(),
});
export type AlreadySent = z.infer<typeof AlreadySentSchema>;

/** A submission counts while Skatteetaten has it or may still get it; rejected and cancelled ones never will. */
export function holdsReport(s: Submission): boolean {
  return s.state.kind !== 'rejected' && s.state.kind !== 'cancelled';
}

/** What a check or a confirmation shows of the submission that holds the report. */
export function alreadySentOf(existing: Submission): AlreadySent {
  const state = existing.state;
  if (state.kind === 'rejected' || state.kind === 'cancelled') {
    throw new Error('A rejected or cancelled submission holds no report');
  }
  return {
    submissionId: existing.id,
    label: existing.label,
    state: state.kind,
    at: state.kind === 'received' ? state.at : existing.createdAt,
    receipt: state.kind === 'received' ? state.receipt : null,
  };
}

/** "Sent on 2026-01-05, receipt …" / "in the outbox (sending) since …", in both languages. */
export function alreadySentText(a: AlreadySent): LocalizedText {
  const day = { nb: formatDate(a.at, 'nb'), en: formatDate(a.at, 'en') };
  if (a.state === 'received') {
    const receipt = a.receipt?.forsendelseId ?? a.receipt?.bestillingsreferanse ?? a.receipt?.dialogId ?? '';
    return {
      nb: `Allerede sendt ${day.nb}, kvittering ${receipt} (${a.label}).`,
      en: `Already sent on ${day.en}, receipt ${receipt} (${a.label}).`,
    };
  }
  const state = { queued: ['i kø', 'queued'], sending: ['sendes', 'sending'], failed: ['venter', 'waiting'] }[a.state];
  return {
    nb: `Allerede i utboksen (${state[0]}) siden ${day.nb} (${a.label}).`,
    en: `Already in the outbox (${state[1]}) since ${day.en} (${a.label}).`,
  };
}
