import {
  attachment,
  orgParty,
  resourceUrn,
  transmission,
  type DialogStore,
  type StoredAttachment,
} from '../dialogporten/dialog-store';

export interface SkatteetatenDialogInput {
  /** The org the report is about first, then the system user's org (a second dialog when it is another one). */
  parties: string[];
  resource: string;
  title: string;
  externalReference: string;
  at: string;
  submission: { forsendelseId: string; senderOrg: string; attachments: StoredAttachment[] };
  feedback: {
    id: string;
    dueAt: string;
    type: 'Acceptance' | 'Rejection';
    title: string;
    extendedStatus: string;
    attachments: StoredAttachment[];
  };
}

/**
 * What Skatteetaten writes into Dialogporten when it receives a report (skatteetaten-apis.md §0.6 step 6, §5):
 * a dialog per party — "ofte opprettes det dialoger både for den organisasjonen dataene omhandler og også for
 * organisasjonen tilknyttet systembrukeren" — each with the submission transmission (its id is the receipt's
 * forsendelseId) now, and the feedback transmission scheduled "a moment later". Returns the dialog ids, the
 * reporting org's first.
 */
export function recordInDialogporten(store: DialogStore, input: SkatteetatenDialogInput): string[] {
  const submission = transmission({
    id: input.submission.forsendelseId,
    createdAt: input.at,
    type: 'Submission',
    sender: { actorType: 'PartyRepresentative', actorId: orgParty(input.submission.senderOrg) },
    title: `${input.title}: innsending`,
    attachments: input.submission.attachments,
  });
  const dialogIds = [...new Set(input.parties)].map(
    (org) =>
      store.createDialog({
        party: orgParty(org),
        serviceResource: resourceUrn(input.resource),
        title: input.title,
        summary: 'Mottatt, venter på tilbakemelding fra Skatteetaten.',
        externalReference: input.externalReference,
        extendedStatus: 'MOTTATT',
        transmissions: [structuredClone(submission)],
        at: input.at,
      }).id,
  );
  store.schedule({
    dialogIds,
    dueAt: input.feedback.dueAt,
    status: 'Completed',
    extendedStatus: input.feedback.extendedStatus,
    transmission: transmission({
      id: input.feedback.id,
      createdAt: input.feedback.dueAt,
      type: input.feedback.type,
      sender: { actorType: 'ServiceOwner', actorName: 'Skatteetaten' },
      title: input.feedback.title,
      relatedTransmissionId: input.submission.forsendelseId,
      attachments: input.feedback.attachments,
    }),
  });
  return dialogIds;
}

export { attachment };
