import { error, warning, type Finding } from '../../finding';
import type { AMeldingRule } from './rule-context';

const PATH = 'leveranse/erstatterMeldingsId';

/**
 * meldingsId uniqueness (181) and replacement rules (formats.md §2.4, 166B), against the messages this profile
 * already knows. Messages sent from another system are unknown here, so an unknown target only warns.
 */
export const replacementRules: AMeldingRule = (leveranse, context) => {
  const findings: Finding[] = [];
  const org = leveranse.opplysningspliktig.norskIdentifikator;
  const known = (context.knownMessages ?? []).filter((m) => m.opplysningspliktig === org);
  const target = leveranse.erstatterMeldingsId;

  if (known.some((m) => m.meldingsId === leveranse.meldingsId)) {
    findings.push(
      error(
        'AMELDING_MELDINGSID_NOT_UNIQUE',
        'leveranse/meldingsId',
        `Meldings-ID ${leveranse.meldingsId} er allerede brukt for ${org}. Hver a-melding må ha en ny ID (Skatteetatens avvikskode 181).`,
        `Message ID ${leveranse.meldingsId} has already been used for ${org}. Every a-melding needs a new ID (Skatteetaten deviation code 181).`,
      ),
    );
  }
  if (target === undefined) return findings;
  if (target === leveranse.meldingsId) {
    findings.push(
      error(
        'AMELDING_ERSTATTER_SELF',
        PATH,
        'En erstatningsmelding kan ikke erstatte seg selv: erstatterMeldingsId er lik meldingsId.',
        'A replacement cannot replace itself: erstatterMeldingsId equals meldingsId.',
      ),
    );
    return findings;
  }
  if (!context.knownMessages) return findings;
  const replaced = known.find((m) => m.meldingsId === target);
  if (!replaced) {
    findings.push(
      warning(
        'AMELDING_ERSTATTER_UNKNOWN',
        PATH,
        `Fant ingen kjent a-melding med ID ${target} å erstatte. Kontroller at ID-en er fra den siste meldingen for måneden.`,
        `No known a-melding with ID ${target} to replace. Check that the ID is from the latest message for the month.`,
      ),
    );
    return findings;
  }
  if (replaced.kalendermaaned !== leveranse.kalendermaaned) {
    findings.push(
      error(
        'AMELDING_ERSTATTER_OTHER_MONTH',
        PATH,
        `Meldingen som erstattes gjelder ${replaced.kalendermaaned}, men denne gjelder ${leveranse.kalendermaaned}. En erstatning må gjelde samme måned.`,
        `The message being replaced is for ${replaced.kalendermaaned}, but this one is for ${leveranse.kalendermaaned}. A replacement must be for the same month.`,
      ),
    );
  }
  const alreadyReplacedBy = known.find(
    (m) => m.erstatterMeldingsId === target && m.meldingsId !== leveranse.meldingsId,
  );
  if (alreadyReplacedBy) {
    findings.push(
      error(
        'AMELDING_ERSTATTER_ALREADY_REPLACED',
        PATH,
        `Meldingen ${target} er allerede erstattet av ${alreadyReplacedBy.meldingsId}. Erstatt den siste versjonen (avvik 166B).`,
        `Message ${target} has already been replaced by ${alreadyReplacedBy.meldingsId}. Replace the latest version (deviation 166B).`,
      ),
    );
  }
  return findings;
};
