import type { LocalizedText } from './localized';
import { fetchedOn, type RegisterLookup } from './register-facts';
import { formatDate, formatOrgNumber } from '../format';

/**
 * The name a form may take from Enhetsregisteret's answer, with the line that says where it came from and how old
 * it is; or why there is none (not in the register, deleted). The UI and the CLI say the same.
 */
export function registerNameOf(
  lookup: RegisterLookup,
): { ok: true; name: string; note: LocalizedText } | { ok: false; reason: LocalizedText } {
  const { answer, fromCache } = lookup;
  // Dates and org numbers as a person reads them, as the form around the note writes them.
  const date = { nb: fetchedOn(answer, 'nb'), en: fetchedOn(answer, 'en') };
  if (answer.status === 'not-found') {
    const org = formatOrgNumber(answer.orgNumber);
    return {
      ok: false,
      reason: {
        nb: `${org} finnes ikke i Enhetsregisteret. Kontroller nummeret, eller skriv navnet selv.`,
        en: `${org} is not in Enhetsregisteret. Check the number, or type the name yourself.`,
      },
    };
  }
  if (answer.status === 'deleted') {
    const org = formatOrgNumber(answer.orgNumber);
    const on = (language: 'nb' | 'en') => (answer.deletedOn ? ` ${formatDate(answer.deletedOn, language)}` : '');
    return {
      ok: false,
      reason: {
        nb: `${org} er slettet fra Enhetsregisteret${on('nb')}.`,
        en: `${org} was deleted from Enhetsregisteret${on('en')}.`,
      },
    };
  }
  const { unit } = answer;
  const founded = unit.foundedOn ? `, stiftet ${formatDate(unit.foundedOn, 'nb')}` : '';
  const foundedEn = unit.foundedOn ? `, founded ${formatDate(unit.foundedOn, 'en')}` : '';
  const offline = fromCache
    ? {
        nb: ` Enhetsregisteret svarte ikke; dette er svaret fra ${date.nb}.`,
        en: ` Enhetsregisteret did not answer; this is the answer from ${date.en}.`,
      }
    : { nb: '', en: '' };
  return {
    ok: true,
    name: unit.name,
    note: {
      nb: `Fra Enhetsregisteret (hentet ${date.nb}): ${unit.name}, ${unit.organisationForm}${founded}.${offline.nb}`,
      en: `From Enhetsregisteret (fetched ${date.en}): ${unit.name}, ${unit.organisationForm}${foundedEn}.${offline.en}`,
    },
  };
}
