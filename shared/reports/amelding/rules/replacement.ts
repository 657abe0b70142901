import type { Finding } from '../../finding';
import { aMeldingFinding } from '../controls';
import type { AMeldingRule, KnownAMelding } from './rule-context';
import { formatDate, formatMonth, formatOrgNumber } from '../../../format';

const PATH = 'leveranse/erstatterMeldingsId';
const ID_PATH = 'leveranse/meldingsId';

type Sent = KnownAMelding & { status: Extract<KnownAMelding['status'], { kind: 'sent' }> };
type OnItsWay = KnownAMelding & { status: Extract<KnownAMelding['status'], { kind: 'on-its-way' }> };

/**
 * meldingsId uniqueness (181) and replacement rules (formats.md §2.4, 166B), against the messages this profile
 * has sent (errors: Skatteetaten has them) or is sending (warnings: they may yet fail or be the same file).
 * Messages sent from another system are unknown here, so an unknown replacement target only warns.
 */
export const replacementRules: AMeldingRule = (leveranse, context) => {
  const findings: Finding[] = [];
  const org = leveranse.opplysningspliktig.norskIdentifikator;
  const known = (context.knownMessages ?? []).filter((m) => m.opplysningspliktig === org);
  const sent = known.filter((m): m is Sent => m.status.kind === 'sent');
  const onItsWay = known.filter((m): m is OnItsWay => m.status.kind === 'on-its-way');
  const id = leveranse.meldingsId;
  const target = leveranse.erstatterMeldingsId;

  const sentBefore = sent.find((m) => m.meldingsId === id);
  const queuedBefore = onItsWay.find((m) => m.meldingsId === id);
  if (sentBefore) {
    const when = sentAt(sentBefore);
    findings.push(
      aMeldingFinding(
        'AMELDING_MELDINGSID_NOT_UNIQUE',
        ID_PATH,
        `Meldings-ID ${id} ble sendt ${when.nb} for ${formatOrgNumber(org)}. Gi den nye meldingen en ny meldings-ID, og sett erstatterMeldingsId til ${id} hvis den skal erstatte den (Skatteetatens avvikskode 181).`,
        `Message ID ${id} was sent on ${when.en} for ${formatOrgNumber(org)}. Give the new message a new meldingsId, and set erstatterMeldingsId to ${id} if it replaces that message (Skatteetaten deviation code 181).`,
      ),
    );
  } else if (queuedBefore) {
    const since = queuedBefore.status.since;
    findings.push(
      aMeldingFinding(
        'AMELDING_MELDINGSID_IN_OUTBOX',
        ID_PATH,
        `Meldings-ID ${id} ligger allerede i utboksen (lagt inn ${formatDate(since, 'nb')}). Er dette den samme meldingen, trenger du ikke sende den igjen; er det en ny melding, gi den en ny meldings-ID.`,
        `Message ID ${id} is already in the outbox (queued on ${formatDate(since, 'en')}). If this is the same message, there is no need to send it again; if it is a new message, give it a new meldingsId.`,
      ),
    );
  }

  if (target === undefined) return findings;
  if (target === id) {
    findings.push(
      aMeldingFinding(
        'AMELDING_ERSTATTER_SELF',
        PATH,
        'En erstatningsmelding kan ikke erstatte seg selv: erstatterMeldingsId er lik meldingsId.',
        'A replacement cannot replace itself: erstatterMeldingsId equals meldingsId.',
      ),
    );
    return findings;
  }
  if (!context.knownMessages) return findings;

  const replaced = sent.find((m) => m.meldingsId === target);
  const pending = onItsWay.find((m) => m.meldingsId === target);
  if (!replaced && pending) {
    findings.push(
      aMeldingFinding(
        'AMELDING_ERSTATTER_IN_OUTBOX',
        PATH,
        `Meldingen ${target} som skal erstattes, ligger fortsatt i utboksen og er ikke mottatt av Skatteetaten. Vent til den er mottatt før du sender erstatningen.`,
        `The message ${target} being replaced is still in the outbox and has not been received by Skatteetaten. Wait until it is received before sending the replacement.`,
      ),
    );
  } else if (!replaced) {
    findings.push(
      aMeldingFinding(
        'AMELDING_ERSTATTER_UNKNOWN',
        PATH,
        `Innsender har ikke sendt noen a-melding med ID ${target} for ${formatOrgNumber(org)}. Er den sendt fra et annet system, kontroller at ID-en er fra den siste meldingen for ${formatMonth(leveranse.kalendermaaned, 'nb')}.`,
        `Innsender has not sent an a-melding with ID ${target} for ${formatOrgNumber(org)}. If it was sent from another system, check that the ID is from the latest message for ${formatMonth(leveranse.kalendermaaned, 'en')}.`,
      ),
    );
    return findings;
  }

  const original = replaced ?? pending;
  if (original && original.kalendermaaned !== leveranse.kalendermaaned) {
    findings.push(
      aMeldingFinding(
        'AMELDING_ERSTATTER_OTHER_MONTH',
        PATH,
        `Meldingen som erstattes gjelder ${formatMonth(original.kalendermaaned, 'nb')}, men denne gjelder ${formatMonth(leveranse.kalendermaaned, 'nb')}. En erstatning må gjelde samme måned.`,
        `The message being replaced is for ${formatMonth(original.kalendermaaned, 'en')}, but this one is for ${formatMonth(leveranse.kalendermaaned, 'en')}. A replacement must be for the same month.`,
      ),
    );
  }

  const replacesTarget = (m: KnownAMelding) => m.erstatterMeldingsId === target && m.meldingsId !== id;
  const sentReplacement = sent.find(replacesTarget);
  const queuedReplacement = onItsWay.find(replacesTarget);
  if (sentReplacement) {
    const when = sentAt(sentReplacement);
    findings.push(
      aMeldingFinding(
        'AMELDING_ERSTATTER_ALREADY_REPLACED',
        PATH,
        `Meldingen ${target} er allerede erstattet av ${sentReplacement.meldingsId}, sendt ${when.nb}. Sett erstatterMeldingsId til ${sentReplacement.meldingsId}: bare den siste versjonen kan erstattes (avvik 166B).`,
        `Message ${target} has already been replaced by ${sentReplacement.meldingsId}, sent on ${when.en}. Set erstatterMeldingsId to ${sentReplacement.meldingsId}: only the latest version can be replaced (deviation 166B).`,
      ),
    );
  } else if (queuedReplacement) {
    findings.push(
      aMeldingFinding(
        'AMELDING_ERSTATTER_REPLACEMENT_IN_OUTBOX',
        PATH,
        `En annen erstatning av ${target} (${queuedReplacement.meldingsId}) ligger allerede i utboksen. Blir den mottatt, må denne erstatte ${queuedReplacement.meldingsId} i stedet (avvik 166B).`,
        `Another replacement of ${target} (${queuedReplacement.meldingsId}) is already in the outbox. Once it is received, this one must replace ${queuedReplacement.meldingsId} instead (deviation 166B).`,
      ),
    );
  }
  return findings;
};

/** "on 21.01.2026 (receipt …)": when a sent message was received, and the receipt the outbox shows for it. */
function sentAt(message: Sent): { nb: string; en: string } {
  const { at, receipt } = message.status;
  return {
    nb: `${formatDate(at, 'nb')}${receipt ? ` (kvittering ${receipt})` : ''}`,
    en: `${formatDate(at, 'en')}${receipt ? ` (receipt ${receipt})` : ''}`,
  };
}
