import type { FirmClient } from '../../shared/domain/firm';
import { profileKind, type Profile } from '../../shared/domain/profile';
import { formatCompany } from '../../shared/format';
import { SkatteetatenError } from '../skatteetaten/skatteetaten-errors';
import type { FirmClients } from './firm-clients';

/**
 * Skatteetaten's 403 for a firm's queued report (AMLD_005/GLD_005 with AMLD_1015, "Systembrukeren er ikke autorisert
 * for <org>", skatteetaten-apis.md §1.7): the client was most likely taken off the agent systembruker in Altinn after
 * the report was queued (a send is refused before queuing when it already was, `FirmClients.requireSendable`).
 * The client list is read again, so Klienter and Oversikt show it _Fjernet_ now, and the refusal names the client
 * and the firm and says what to do; Skatteetaten's own lines and korrelasjonsid stay in the details. It still waits
 * for the user (needs-action): the same send is refused until the klientadministrator attaches the client again.
 */
export async function explainClientRefusal(
  firm: FirmClients,
  profile: Profile,
  org: string,
  error: unknown,
): Promise<unknown> {
  if (!(error instanceof SkatteetatenError) || error.status !== 403 || profileKind(profile) !== 'firm') return error;
  const client = (await firm.sync(profile, { quiet: true })).clients.find((c) => c.orgNumber === org);
  if (!client) return error;
  if (client.delegation.state === 'delegated') {
    return new SkatteetatenError(
      error.code,
      refusalText(client, profile),
      error.status,
      error.body,
      'needs-action',
      error.retryAfterMs,
    );
  }
  // Altinn no longer has the client: the same code as the refusal before queuing, so Utboks heads it with the
  // missing delegation; Skatteetaten's own code and words stay first in the details, for support.
  const body = {
    ...error.body,
    spesifisering: [{ kode: error.body.kode, melding: error.body.melding }, ...error.body.spesifisering],
  };
  return new SkatteetatenError(
    'FIRM_CLIENT_DELEGATION_REMOVED',
    refusalText(client, profile),
    error.status,
    body,
    'needs-action',
    error.retryAfterMs,
  );
}

function refusalText(client: FirmClient, profile: Profile) {
  const who = formatCompany(client.name, client.orgNumber);
  const firm = formatCompany(profile.displayName, profile.orgNumber);
  if (client.delegation.state !== 'delegated') {
    return {
      nb: `${who} er ikke lenger lagt til på systembrukeren til ${firm} i Altinn, så Skatteetaten tok ikke imot innsendingen. Be klientadministrator legge klienten til igjen (Klienter, «Åpne Altinn for å legge til klienter»), og velg så «Prøv igjen nå». Ingenting er sendt to ganger.`,
      en: `${who} is no longer attached to ${firm}'s systembruker in Altinn, so Skatteetaten did not take the submission. Ask the klientadministrator to attach the client again (Clients, “Open Altinn to add clients”), then choose “Try again now”. Nothing was sent twice.`,
    };
  }
  // Altinn's list still has it (or cannot be read here: test and production ask the klientadministrator instead).
  return {
    nb: `Skatteetaten sier at systembrukeren til ${firm} ikke kan rapportere for ${who}. Sjekk i Altinn at klienten fortsatt er lagt til og at tilgangspakken dekker tjenesten, og velg så «Prøv igjen nå».`,
    en: `Skatteetaten says ${firm}'s systembruker may not report for ${who}. Check in Altinn that the client is still attached and that the access package covers the service, then choose “Try again now”.`,
  };
}
