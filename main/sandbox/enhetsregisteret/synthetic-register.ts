import { isValidOrgNumber } from '../../../shared/domain/org-number';
import type { EmulatorState } from '../state';

/** One synthetic organisation as the emulator's register holds it (the API's field names are made by the routes). */
export interface SyntheticUnit {
  navn: string;
  organisasjonsform: string;
  stiftelsesdato?: string;
  registreringsdatoEnhetsregisteret: string;
  /** Set for an underenhet: its hovedenhet. */
  overordnetEnhet?: string;
  konkurs?: boolean;
  underAvvikling?: boolean;
}

/** What tests and the admin surface add to the register: units, and numbers answered as deleted (410). */
export interface EnhetsregisteretSlice {
  units: Record<string, SyntheticUnit>;
  deleted: Record<string, string>;
}

const SLICE = 'enhetsregisteret';

export function enhetsregisteretSlice(state: EmulatorState): EnhetsregisteretSlice {
  return state.slice<EnhetsregisteretSlice>(SLICE, () => ({ units: {}, deleted: {} }));
}

/**
 * The organisations in Skatteetaten's own a-melding example (api-dokumentasjon, the file-upload example in
 * test/fixtures/skatteetaten-examples/): the opplysningspliktig 211785462 and its virksomhet 314768949, so the
 * example passes the "virksomhet belongs to the employer" rule in the sandbox.
 */
const CATALOGUE: Readonly<Record<string, SyntheticUnit>> = {
  '211785462': {
    navn: 'Syntetisk arbeidsgiver AS',
    organisasjonsform: 'AS',
    stiftelsesdato: '2018-03-01',
    registreringsdatoEnhetsregisteret: '2018-03-05',
  },
  '314768949': {
    navn: 'Syntetisk arbeidsgiver AS avd. Brønnøysund',
    organisasjonsform: 'BEDR',
    registreringsdatoEnhetsregisteret: '2018-03-05',
    overordnetEnhet: '211785462',
  },
};

/**
 * The unit behind a number: one added to the state, one of the catalogue's, or else, for any valid number, a
 * synthetic aksjeselskap whose founding date follows from its digits (so a profile added in the sandbox gets a
 * name, and the same number always gets the same facts).
 */
export function syntheticUnit(state: EmulatorState, orgNumber: string): SyntheticUnit | null {
  const added = enhetsregisteretSlice(state).units[orgNumber];
  if (added) return added;
  const known = CATALOGUE[orgNumber];
  if (known) return known;
  if (!isValidOrgNumber(orgNumber)) return null;
  const digits = [...orgNumber].map(Number);
  const year = 2000 + ((digits[0]! * 10 + digits[1]!) % 20);
  const month = String((digits[2]! % 9) + 1).padStart(2, '0');
  const day = String((digits[3]! % 28) + 1).padStart(2, '0');
  return {
    navn: `Syntetisk selskap ${orgNumber} AS`,
    organisasjonsform: 'AS',
    stiftelsesdato: `${year}-${month}-${day}`,
    registreringsdatoEnhetsregisteret: `${year}-${month}-${day}`,
  };
}

/** The underenheter whose hovedenhet is `parent`, from the state and the catalogue. */
export function syntheticSubUnits(state: EmulatorState, parent: string): string[] {
  const all = { ...CATALOGUE, ...enhetsregisteretSlice(state).units };
  return Object.entries(all)
    .filter(([, unit]) => unit.overordnetEnhet === parent)
    .map(([orgNumber]) => orgNumber)
    .sort();
}
