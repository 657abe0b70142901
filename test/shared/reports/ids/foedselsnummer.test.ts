import { describe, expect, it } from 'vitest';
import { birthDateOf, checkPersonIdentifier } from '../../../../shared/reports/ids/foedselsnummer';
import { personIdentifierFindings } from '../../../../shared/reports/ids/identifier-findings';

describe('checkPersonIdentifier', () => {
  it("accepts Skatteetaten's examples valid under both rules", () => {
    expect(checkPersonIdentifier('02013299997')).toEqual({ valid: true, kind: 'foedselsnummer' });
    expect(checkPersonIdentifier('30108299920')).toMatchObject({ valid: true });
  });

  it('accepts a number valid only under the 2032 rule (k1 remainder 1–3)', () => {
    expect(checkPersonIdentifier('30108299939')).toMatchObject({ valid: true });
  });

  it('classifies synthetic (Tenor, month + 80) numbers', () => {
    expect(checkPersonIdentifier('08842199736')).toEqual({ valid: true, kind: 'synthetic' });
    expect(checkPersonIdentifier('26829398612')).toEqual({ valid: true, kind: 'synthetic' });
  });

  it('rejects wrong length, bad check digits and impossible dates', () => {
    expect(checkPersonIdentifier('0201329999')).toEqual({ valid: false, reason: 'format' });
    expect(checkPersonIdentifier('02013299998')).toEqual({ valid: false, reason: 'checksum' });
    expect(checkPersonIdentifier('31023200000')).toMatchObject({ valid: false });
  });

  it('reads the birth date of an old-type number', () => {
    expect(birthDateOf('02013299997')).toBe('2032-01-02');
    expect(birthDateOf('30108299939')).toBe('1982-10-30');
    expect(birthDateOf('08842199736')).toBe('2021-04-08');
  });
});

describe('personIdentifierFindings', () => {
  it('accepts synthetic numbers in sandbox and test, not in production', () => {
    expect(personIdentifierFindings('08842199736', 'p', 'X', 'sandbox')).toEqual([]);
    expect(personIdentifierFindings('08842199736', 'p', 'X', 'test')).toEqual([]);
    expect(personIdentifierFindings('08842199736', 'p', 'X', 'production')[0]?.code).toBe('X_PERSON_ID_SYNTHETIC');
  });

  it('rejects H-numbers and invalid numbers with nb and en messages', () => {
    const [invalid] = personIdentifierFindings('02013299998', 'p', 'X', 'production');
    expect(invalid).toMatchObject({ code: 'X_PERSON_ID_INVALID', severity: 'error', path: 'p' });
    expect(invalid?.message.nb).toContain('kontrollsiffer');
    expect(invalid?.message.en).toContain('check digits');
  });
});
