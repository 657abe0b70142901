import { describe, expect, it } from 'vitest';
import {
  formatAccountNumber,
  formatCount,
  formatDate,
  formatDateTime,
  formatKroner,
  formatMonth,
  formatOrgNumber,
  formatPercent,
  maskPersonalNumber,
} from '../../../shared/format';

describe('formatKroner', () => {
  it.each([
    ['13000', 'nb', '13 000 kr'],
    ['13000', 'en', '13,000 kr'],
    ['1234.5', 'nb', '1 234,50 kr'],
    ['1234.5', 'en', '1,234.50 kr'],
    ['675914', 'nb', '675 914 kr'],
    ['13000.00', 'nb', '13 000 kr'],
    ['0', 'nb', '0 kr'],
    ['0.00', 'en', '0 kr'],
    ['1', 'nb', '1 kr'],
    ['0.01', 'nb', '0,01 kr'],
    ['-1234.5', 'nb', '\u22121 234,50 kr'],
    ['-0.00', 'nb', '0 kr'],
    ['0.505', 'nb', '0,51 kr'],
    ['99.999', 'nb', '100 kr'],
    ['1234567890123', 'nb', '1 234 567 890 123 kr'],
  ])('%s in %s is %s', (value, lang, expected) => {
    expect(formatKroner(value, lang)).toBe(expected);
  });

  it('takes numbers too, and shows øre only when there are any', () => {
    expect(formatKroner(40000, 'nb')).toBe('40 000 kr');
    expect(formatKroner(0.1 + 0.2, 'nb')).toBe('0,30 kr');
    expect(formatKroner(-5, 'en')).toBe('-5 kr');
  });

  it('shows a value that is not an amount as it came, never NaN', () => {
    expect(formatKroner('12a', 'nb')).toBe('12a kr');
    expect(formatKroner('', 'nb')).toBe(' kr');
    expect(formatKroner(Number.NaN, 'en')).toBe('NaN kr');
  });
});

describe('formatCount', () => {
  it('groups thousands and shows a dash for nothing', () => {
    expect(formatCount(0, 'nb')).toBe('0');
    expect(formatCount(1, 'en')).toBe('1');
    expect(formatCount(12345, 'nb')).toBe('12 345');
    expect(formatCount(12345, 'en')).toBe('12,345');
    expect(formatCount(-1000, 'nb')).toBe('\u22121 000');
    expect(formatCount(undefined, 'nb')).toBe('–');
  });
});

describe('formatPercent', () => {
  it('writes a percentage with a no-break space before the sign, and a decimal comma in bokmål', () => {
    expect(formatPercent(36, 'nb')).toBe('36\u00a0%');
    expect(formatPercent(10.5, 'nb')).toBe('10,5\u00a0%');
    expect(formatPercent(10.5, 'en')).toBe('10.5\u00a0%');
  });
});

describe('dates', () => {
  it('writes a day in words', () => {
    expect(formatDate('2026-02-05', 'nb')).toBe('5. februar 2026');
    expect(formatDate('2026-02-05', 'en')).toBe('5 February 2026');
    expect(formatDate('2028-02-29', 'nb')).toBe('29. februar 2028');
  });

  it('gives a timestamp its Norwegian day, also across midnight UTC', () => {
    expect(formatDate('2026-01-31T23:30:00Z', 'nb')).toBe('1. februar 2026');
    expect(formatDate('2026-07-01T21:59:00Z', 'en')).toBe('1 July 2026');
  });

  it('writes a moment with Norwegian time, summer and winter', () => {
    expect(formatDateTime('2026-02-05T13:30:00Z', 'nb')).toBe('5. februar 2026 kl. 14:30');
    expect(formatDateTime('2026-02-05T13:30:00Z', 'en')).toBe('5 February 2026 at 14:30');
    expect(formatDateTime('2026-07-05T00:05:00.000Z', 'nb')).toBe('5. juli 2026 kl. 02:05');
  });

  it('writes a reporting month', () => {
    expect(formatMonth('2026-01', 'nb')).toBe('januar 2026');
    expect(formatMonth('2026-12', 'en')).toBe('December 2026');
  });

  it('shows what is not a date as it came', () => {
    expect(formatDate('2026-02-30', 'nb')).toBe('2026-02-30');
    expect(formatDate('05.02.2026', 'nb')).toBe('05.02.2026');
    expect(formatDateTime('not a time', 'en')).toBe('not a time');
    expect(formatDateTime('2026-13-45T00:00:00Z', 'nb')).toBe('2026-13-45T00:00:00Z');
    expect(formatMonth('2026-13', 'nb')).toBe('2026-13');
  });
});

describe('identifiers', () => {
  it('groups an organisation number and leaves anything else as typed', () => {
    expect(formatOrgNumber('974761076')).toBe('974 761 076');
    expect(formatOrgNumber('974 761 076')).toBe('974 761 076');
    expect(formatOrgNumber('97476107')).toBe('97476107');
    expect(formatOrgNumber('97476107601')).toBe('97476107601');
  });

  it('writes an account number as the banks do', () => {
    expect(formatAccountNumber('63450618820')).toBe('6345.06.18820');
    expect(formatAccountNumber('6345.06.18820')).toBe('6345.06.18820');
    expect(formatAccountNumber('634506188')).toBe('634506188');
  });

  it('masks the personal part of an 11-digit number and hides anything else entirely', () => {
    expect(maskPersonalNumber('01019012345')).toBe('010190 *****');
    expect(maskPersonalNumber('41019012345')).toBe('410190 *****');
    expect(maskPersonalNumber('0101901234')).toBe('*****');
    expect(maskPersonalNumber('010190*****')).toBe('010190 *****');
    expect(maskPersonalNumber('0101*******')).toBe('*****');
    expect(maskPersonalNumber('')).toBe('*****');
  });
});
