import type { LocalizedText } from './localized';
import type { RegisterLookup } from './register-facts';

/**
 * The name a form may take from Enhetsregisteret's answer, with the line that says where it came from and how old
 * it is; or why there is none (not in the register, deleted). The UI and the CLI say the same.
 */
export function registerNameOf(
  lookup: RegisterLookup,
): { ok: true; name: string; note: LocalizedText } | { ok: false; reason: LocalizedText } {
  const { answer, fromCache } = lookup;
  const date = answer.fetchedAt.slice(0, 10);
  if (answer.status === 'not-found') {
    return {
      ok: false,
      reason: {
        nb: `${answer.orgNumber} finnes ikke i Enhetsregisteret. Kontroller nummeret, eller skriv navnet selv.`,
        en: `${answer.orgNumber} is not in Enhetsregisteret. Check the number, or type the name yourself.`,
      },
    };
  }
  if (answer.status === 'deleted') {
    const on = answer.deletedOn ? ` ${answer.deletedOn}` : '';
    return {
      ok: false,
      reason: {
        nb: `${answer.orgNumber} er slettet fra Enhetsregisteret${on}.`,
        en: `${answer.orgNumber} was deleted from Enhetsregisteret${on}.`,
      },
    };
  }
  const { unit } = answer;
  const founded = unit.foundedOn ? `, stiftet ${unit.foundedOn}` : '';
  const foundedEn = unit.foundedOn ? `, founded ${unit.foundedOn}` : '';
  const offline = fromCache
    ? {
        nb: ` Enhetsregisteret svarte ikke; dette er svaret fra ${date}.`,
        en: ` Enhetsregisteret did not answer; this is the answer from ${date}.`,
      }
    : { nb: '', en: '' };
  return {
    ok: true,
    name: unit.name,
    note: {
      nb: `Fra Enhetsregisteret (hentet ${date}): ${unit.name}, ${unit.organisationForm}${founded}.${offline.nb}`,
      en: `From Enhetsregisteret (fetched ${date}): ${unit.name}, ${unit.organisationForm}${foundedEn}.${offline.en}`,
    },
  };
}
