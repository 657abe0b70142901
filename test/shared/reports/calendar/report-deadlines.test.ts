import { describe, expect, it } from 'vitest';
import { easterSunday } from '../../../../shared/reports/calendar/norwegian-holidays';
import { aMeldingDeadline, rf1086Deadline } from '../../../../shared/reports/calendar/report-deadlines';

describe('report deadlines', () => {
  it('is the 5th of the next month on a working day', () => {
    expect(aMeldingDeadline('2026-01')).toBe('2026-02-05');
    expect(aMeldingDeadline('2025-12')).toBe('2026-01-05');
  });

  it('moves past weekends', () => {
    // 5 April 2025 is a Saturday.
    expect(aMeldingDeadline('2025-03')).toBe('2025-04-07');
  });

  it('moves past Easter', () => {
    expect(easterSunday(2026).toISOString().slice(0, 10)).toBe('2026-04-05');
    // 5 April 2026 is Easter Sunday, 6 April Easter Monday.
    expect(aMeldingDeadline('2026-03')).toBe('2026-04-07');
  });

  it('puts the RF-1086 deadline on 31 January, moved off a weekend', () => {
    // 31 January 2025 is a Friday; 31 January 2026 a Saturday; 31 January 2027 a Sunday.
    expect(rf1086Deadline(2024)).toBe('2025-01-31');
    expect(rf1086Deadline(2025)).toBe('2026-02-02');
    expect(rf1086Deadline(2026)).toBe('2027-02-01');
  });
});
