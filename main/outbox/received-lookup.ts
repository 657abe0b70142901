import { serviceById } from '../../shared/domain/services-catalogue';
import { schemeById } from '../../shared/tredjepart/schemes';
import type { DialogportenClient } from '../dialogporten/dialogporten-client';
import { partyForOrg, resourceUrn } from '../dialogporten/dialogporten-types';
import { SkatteetatenError } from '../skatteetaten/skatteetaten-errors';
import type { SubmissionReceipt, SubmissionTarget } from './submission';

/** Finds the receipt of a report Skatteetaten already has, or null when Dialogporten shows none (yet). */
export type ReceivedLookup = (target: SubmissionTarget) => Promise<SubmissionReceipt | null>;

/**
 * `AMLD_019` / `GLD_019`, 409 "Idempotensnøkkel er benyttet tidligere" (skatteetaten-apis.md §0.3): the key is the
 * submission's own, made once before its first attempt, so a 409 for it means an earlier attempt arrived.
 */
export function isKeyAlreadyUsed(error: unknown): error is SkatteetatenError {
  if (!(error instanceof SkatteetatenError) || error.status !== 409) return false;
  return [error.body.kode, ...error.body.spesifisering.map((s) => s.kode)].some((k) => /^(?:AMLD|GLD)_019$/.test(k));
}

/**
 * Looks the report up where Skatteetaten records every report it receives: the dialog it makes in Dialogporten
 * for the reporting org, under the service's resource, with the report's own reference as `externalReference`
 * (§0.3: "find the result through Dialogporten rather than resubmitting with a new key"). The search filters are
 * the end-user API's published ones (`party`, `serviceResource`, `externalReference`); the receipt's forsendelseId
 * is the dialog's submission transmission (skatteetaten-apis.md §0.6 step 6). Skatteetaten's use of
 * `externalReference` for the meldingsId and the leveranse reference is UNCONFIRMED: a report with neither
 * (RF-1086, a skattekort order) is not looked up.
 */
export function dialogportenReceivedLookup(
  client: Pick<DialogportenClient, 'searchDialogs' | 'listTransmissions'>,
): ReceivedLookup {
  return async (target) => {
    const wanted = referenceOf(target);
    if (!wanted) return null;
    const page = await client.searchDialogs({
      party: [partyForOrg(wanted.org)],
      serviceResource: [resourceUrn(wanted.resource)],
      externalReference: wanted.reference,
    });
    for (const dialog of page.items ?? []) {
      if (!dialog.id || dialog.externalReference !== wanted.reference) continue;
      const transmissions = await client.listTransmissions(dialog.id);
      const submitted = transmissions.find((t) => t.type === 'Submission' && t.id);
      if (!submitted?.id) continue;
      return { dialogId: dialog.id, forsendelseId: submitted.id, ...wanted.receipt };
    }
    return null;
  };
}

function referenceOf(
  target: SubmissionTarget,
): { org: string; resource: string; reference: string; receipt: Partial<SubmissionReceipt> } | null {
  if (target.service === 'a-melding') {
    return {
      org: target.opplysningspliktig,
      resource: serviceById('a-melding').resource,
      reference: target.meldingsId,
      receipt: { meldingsId: target.meldingsId },
    };
  }
  if (target.service === 'tredjepart' && target.leveransereferanse) {
    return {
      org: target.oppgavegiver,
      resource: serviceById(schemeById(target.scheme).serviceId).resource,
      reference: target.leveransereferanse,
      receipt: { oppgavegiversLeveranseReferanse: target.leveransereferanse },
    };
  }
  return null;
}

/** Dialogporten shows no dialog for it yet: the outbox tries again later, it never sends with a new key. */
export function notFoundYet(cause: SkatteetatenError): SkatteetatenError {
  return new SkatteetatenError(
    'OUTBOX_RECEIVED_NOT_FOUND_YET',
    {
      nb: 'Skatteetaten har allerede tatt imot denne innsendingen, men kvitteringen er ikke i Dialogporten ennå. Innsender ser etter den igjen.',
      en: 'Skatteetaten has already received this submission, but its receipt is not in Dialogporten yet. Innsender will look again.',
    },
    cause.status,
    cause.body,
    'transient',
  );
}
