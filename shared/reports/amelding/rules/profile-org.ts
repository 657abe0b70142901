import { aMeldingFinding } from '../controls';
import type { AMeldingRule } from './rule-context';

/** The message must be reported by the organisation the active profile acts for. */
export const profileOrgRule: AMeldingRule = (leveranse, context) => {
  const reported = leveranse.opplysningspliktig.norskIdentifikator;
  if (!context.profileOrg || reported === context.profileOrg) return [];
  return [
    aMeldingFinding(
      'AMELDING_OPPLYSNINGSPLIKTIG_NOT_PROFILE',
      'leveranse/opplysningspliktig/norskIdentifikator',
      `A-meldingen gjelder ${reported}, men den aktive profilen er for ${context.profileOrg}. Bytt profil eller velg riktig fil.`,
      `The a-melding is for ${reported}, but the active profile is for ${context.profileOrg}. Switch profile or pick the right file.`,
    ),
  ];
};
