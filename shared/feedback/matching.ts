import type { FeedbackDialog } from './feedback-dialog';
import { orgOfParty } from './feedback-dialog';

/** What the outbox knows about one accepted submission: the ids Skatteetaten's receipt gave it. */
export interface KnownSubmission {
  submissionId: string;
  /** The receipt's `dialogId` (the reporting org's dialog). */
  dialogId?: string | null;
  /** The receipt's `forsendelseId`: the submission's own transmission in the dialog. */
  forsendelseId?: string | null;
  /** What Skatteetaten echoes as the dialog's `externalReference`: the meldingsId, the RF-1086 hovedskjema id. */
  externalReference?: string | null;
  /** The org the report is about; an external reference is unique only within one org and service. */
  orgNumber?: string | null;
  /** `urn:altinn:resource:<id>` of the service it went to. */
  serviceResource?: string | null;
  /** The received a-melding this one replaces (its `erstatterMeldingsId`), when the outbox has it. */
  replaces?: { submissionId: string; meldingsId: string };
}

type Replaces = { replaces?: { submissionId: string; meldingsId: string } };

export type DialogLink =
  | ({
      dialogId: string;
      kind: 'linked';
      submissionId: string;
      by: 'dialogId' | 'forsendelseId' | 'externalReference';
    } & Replaces)
  | { dialogId: string; kind: 'made-elsewhere' };

type LinkedBy = Extract<DialogLink, { kind: 'linked' }>['by'];

/** The dialog linked to the submission; a replacement carries the submission it replaces along. */
function linked(dialogId: string, s: KnownSubmission, by: LinkedBy): DialogLink {
  return {
    dialogId,
    kind: 'linked',
    submissionId: s.submissionId,
    by,
    ...(s.replaces ? { replaces: s.replaces } : {}),
  };
}

/**
 * Links each dialog to the submission it answers (skatteetaten-apis.md §5): by the receipt's dialog id, else by the
 * submission's transmission id found in the dialog (Skatteetaten makes a second dialog for the system user's org
 * with the same transmission), else by the external reference within the same org and service. A dialog none of
 * these find was made by another system or person: its feedback is still shown, marked as such.
 */
export function linkDialogs(dialogs: readonly FeedbackDialog[], submissions: readonly KnownSubmission[]): DialogLink[] {
  const byDialog = new Map<string, KnownSubmission>();
  const byForsendelse = new Map<string, KnownSubmission>();
  for (const s of submissions) {
    if (s.dialogId) byDialog.set(s.dialogId, s);
    if (s.forsendelseId) byForsendelse.set(s.forsendelseId, s);
  }
  return dialogs.map((dialog): DialogLink => {
    const direct = byDialog.get(dialog.id);
    if (direct) return linked(dialog.id, direct, 'dialogId');
    for (const t of dialog.transmissions) {
      const viaTransmission = byForsendelse.get(t.id);
      if (viaTransmission) return linked(dialog.id, viaTransmission, 'forsendelseId');
    }
    const reference = dialog.externalReference;
    if (reference) {
      const org = orgOfParty(dialog.party);
      const candidates = submissions.filter(
        (s) =>
          s.externalReference === reference &&
          (!s.orgNumber || !org || s.orgNumber === org) &&
          (!s.serviceResource || s.serviceResource === dialog.serviceResource),
      );
      // Two submissions sharing one reference (the same meldingsId sent twice) would make a guess: don't link.
      if (candidates.length === 1 && candidates[0]) return linked(dialog.id, candidates[0], 'externalReference');
    }
    return { dialogId: dialog.id, kind: 'made-elsewhere' };
  });
}
