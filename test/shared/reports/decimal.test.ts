import { describe, expect, it } from 'vitest';
import {
  formatScaled,
  parseScaled,
  percentOf,
  roundProductToKroner,
  truncateProductToKroner,
} from '../../../shared/reports/decimal';

describe('decimal', () => {
  it('parses and formats without floating-point error', () => {
    expect(formatScaled(parseScaled('0.1')! + parseScaled('0.2')!)).toBe('0.3');
    expect(formatScaled(parseScaled('40000.00')!)).toBe('40000');
    expect(formatScaled(parseScaled('-12.50')!)).toBe('-12.5');
    expect(parseScaled('1e5')).toBeNull();
    expect(parseScaled('.')).toBeNull();
  });

  it('computes the official example: 245428.0 × 14.1 % = 34 605.348 → 34 605', () => {
    const product = percentOf(parseScaled('245428.0')!, parseScaled('14.1')!);
    expect(roundProductToKroner(product)).toBe(34605);
    expect(truncateProductToKroner(product)).toBe(34605);
  });

  it('rounds half away from zero', () => {
    expect(roundProductToKroner(percentOf(parseScaled('5')!, parseScaled('10')!))).toBe(1);
    expect(roundProductToKroner(percentOf(parseScaled('-5')!, parseScaled('10')!))).toBe(-1);
  });
});
