import { idnr } from '@navikt/fnrvalidator';

/**
 * What an 11-digit person identifier is. `synthetic` covers Tenor/NAV test numbers (month + 80), also when
 * combined with a D-number's day + 40.
 */
export type PersonIdentifierKind = 'foedselsnummer' | 'dnummer' | 'synthetic' | 'hnummer';

export type PersonIdentifierCheck =
  { valid: true; kind: PersonIdentifierKind } | { valid: false; reason: 'format' | 'checksum' | 'date' };

/**
 * Checks a fødselsnummer / D-nummer (formats.md §4.1). NAV's @navikt/fnrvalidator (v2.2) already implements
 * the 2032 rule — k1 accepted for remainders 0–3, k2 unchanged — and the date check after removing the D (+40
 * day), H (+40 month) and synthetic (+80 month) offsets; its tests include Skatteetaten's 2032 examples. We add
 * only the classification the report rules need (synthetic numbers are allowed in sandbox/test only).
 */
export function checkPersonIdentifier(value: string): PersonIdentifierCheck {
  if (!/^\d{11}$/.test(value)) return { valid: false, reason: 'format' };
  const result = idnr(value);
  if (result.status === 'invalid') {
    return { valid: false, reason: result.reasons.includes("checksums don't match") ? 'checksum' : 'date' };
  }
  switch (result.type) {
    case 'fnr':
      return { valid: true, kind: 'foedselsnummer' };
    case 'dnr':
      return { valid: true, kind: 'dnummer' };
    case 'tnr':
    case 'dnr-and-tnr':
      return { valid: true, kind: 'synthetic' };
    case 'hnr':
    case 'dnr-and-hnr':
      return { valid: true, kind: 'hnummer' };
  }
}

/** The birth date encoded in an old-type (pre-2032) number, as YYYY-MM-DD; undefined when it cannot be known. */
export function birthDateOf(value: string): string | undefined {
  if (!/^\d{11}$/.test(value)) return undefined;
  let day = Number(value.slice(0, 2));
  let month = Number(value.slice(2, 4));
  const yy = Number(value.slice(4, 6));
  const individ = Number(value.slice(6, 9));
  if (day > 40) day -= 40;
  if (month > 80) month -= 80;
  else if (month > 40) month -= 40;
  // The century table is general knowledge (formats.md §4.1 marks it unconfirmed), so callers only warn on it.
  let century: number | undefined;
  if (individ <= 499) century = 1900;
  else if (individ <= 749 && yy >= 54) century = 1800;
  else if (individ >= 500 && yy <= 39) century = 2000;
  else if (individ >= 900 && yy >= 40) century = 1900;
  if (century === undefined) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${century + yy}-${pad(month)}-${pad(day)}`;
}
