import { serviceById } from '../../shared/domain/services-catalogue';
import type { KnownSubmission } from '../../shared/feedback/matching';
import { targetOrg, type Submission } from '../../shared/outbox/submission';
import { schemeResource } from '../../shared/tredjepart/schemes';

/**
 * The received submissions with the ids Skatteetaten gave, for linking feedback to them. An a-melding that replaces
 * another (`erstatterMeldingsId`) names the received submission it replaces (the same opplysningspliktig and that
 * meldingsId), so its feedback is shown as the answer to the replacement of the original.
 */
export function knownSubmissionsOf(submissions: readonly Submission[]): KnownSubmission[] {
  const known: KnownSubmission[] = [];
  for (const s of submissions) {
    if (s.state.kind !== 'received') continue;
    const { receipt } = s.state;
    const replaces = replacedBy(s, submissions);
    known.push({
      submissionId: s.id,
      dialogId: receipt.dialogId,
      forsendelseId: receipt.forsendelseId,
      externalReference:
        receipt.meldingsId ??
        receipt.hovedskjemaId ??
        receipt.oppgavegiversLeveranseReferanse ??
        (s.target.service === 'a-melding' ? s.target.meldingsId : null),
      orgNumber: targetOrg(s.target),
      serviceResource: `urn:altinn:resource:${
        s.target.service === 'tredjepart' ? schemeResource(s.target.scheme) : serviceById(s.target.service).resource
      }`,
      ...(replaces ? { replaces } : {}),
    });
  }
  return known;
}

function replacedBy(
  submission: Submission,
  all: readonly Submission[],
): { submissionId: string; meldingsId: string } | null {
  const { target } = submission;
  if (target.service !== 'a-melding' || !target.erstatterMeldingsId) return null;
  const original = all.find(
    (s) =>
      s.state.kind === 'received' &&
      s.target.service === 'a-melding' &&
      s.target.opplysningspliktig === target.opplysningspliktig &&
      s.target.meldingsId === target.erstatterMeldingsId,
  );
  return original ? { submissionId: original.id, meldingsId: target.erstatterMeldingsId } : null;
}
