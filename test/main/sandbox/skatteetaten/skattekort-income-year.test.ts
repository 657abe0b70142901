import { describe, expect, it } from 'vitest';
import { incomeYearOpen } from '../../../../main/sandbox/skatteetaten/skattekort-routes';

// When Skatteetaten takes skattekort orders, from NAV's runbook for UGYLDIG_INNTEKTSAAR: "Vi får ikke bestille
// skattekort for neste år før 15. desember, og ikke etter juni for foregående år" (navikt/sokos-skattekort).
describe('the emulator’s skattekort ordering window', () => {
  it('takes this year always, next year from 15 December, last year until the end of June', () => {
    const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
    expect(incomeYearOpen('2026', at('2026-01-02'))).toBe(true);
    expect(incomeYearOpen('2027', at('2026-12-14'))).toBe(false);
    expect(incomeYearOpen('2027', at('2026-12-15'))).toBe(true);
    expect(incomeYearOpen('2025', at('2026-06-30'))).toBe(true);
    expect(incomeYearOpen('2025', at('2026-07-01'))).toBe(false);
    expect(incomeYearOpen('2024', at('2026-03-01'))).toBe(false);
  });
});
