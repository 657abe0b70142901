import { fetchedOn } from '../../../domain/register-facts';
import { formatOrgNumber } from '../../../format';
import { aMeldingFinding } from '../controls';
import { virksomheterOf } from '../walk';
import type { AMeldingRule } from './rule-context';

/**
 * Each virksomhet must be an underenhet of the opplysningspliktig (Skatteetaten's a-melding guide: the
 * virksomhet is the underenhet in Enhetsregisteret where the employees work). Only from what Enhetsregisteret
 * answered last (cached; a check never waits for the network), and the message says the date of that answer.
 */
export const registerRules: AMeldingRule = (leveranse, context) => {
  const employer = leveranse.opplysningspliktig.norskIdentifikator;
  const answer = context.register?.[employer];
  if (answer?.status !== 'found' || answer.unit.kind !== 'enhet') return [];
  return virksomheterOf(leveranse).flatMap(({ virksomhet, path }) => {
    const orgNumber = virksomhet.norskIdentifikator;
    if (answer.subUnits.includes(orgNumber)) return [];
    // The sub-unit list may be older than the sub-unit's own answer: a newer answer naming the employer counts.
    const own = context.register?.[orgNumber];
    if (own?.status === 'found' && own.unit.parent === employer) return [];
    return [
      aMeldingFinding(
        'AMELDING_VIRKSOMHET_NOT_UNDERENHET',
        `${path}/norskIdentifikator`,
        `Virksomheten ${formatOrgNumber(orgNumber)} er ikke en underenhet av ${formatOrgNumber(employer)} (${answer.unit.name}) i Enhetsregisteret (opplysninger hentet ${fetchedOn(answer, 'nb')}).`,
        `The virksomhet ${formatOrgNumber(orgNumber)} is not a sub-unit of ${formatOrgNumber(employer)} (${answer.unit.name}) in Enhetsregisteret (data fetched ${fetchedOn(answer, 'en')}).`,
      ),
    ];
  });
};
