import { describe, expect, it } from 'vitest';
import { deadlineRules } from '../../../../../shared/reports/amelding/rules/deadline';
import { exampleLeveranse, testContext } from '../../fixtures';

const codes = (today: string, erstatter?: string) =>
  deadlineRules(
    { ...exampleLeveranse(), ...(erstatter ? { erstatterMeldingsId: erstatter } : {}) },
    { ...testContext, today },
  ).map((f) => [f.code, f.severity]);

describe('a-melding deadline rules', () => {
  it('say nothing before and on the deadline', () => {
    expect(codes('2026-01-25')).toEqual([]);
    expect(codes('2026-02-05')).toEqual([]);
  });
  it('warn after the deadline, but not for a replacement', () => {
    expect(codes('2026-02-06')).toEqual([['AMELDING_DEADLINE_PASSED', 'warning']]);
    expect(codes('2026-02-06', 'abc')).toEqual([]);
  });
  it('warn for a month that has not started', () => {
    expect(codes('2025-12-20')).toEqual([['AMELDING_PERIOD_IN_FUTURE', 'warning']]);
  });
});
