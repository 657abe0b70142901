import { describe, expect, it } from 'vitest';
import type { RegisterAnswer } from '../../../../../shared/domain/register-facts';
import { checkRf1086Rules } from '../../../../../shared/reports/rf1086/check-rules';
import { mainText, setFrom, shareholderText } from '../forms';

const context = { environment: 'test' as const, today: '2026-01-20' };
/** Enhetsregisteret's answer for the example's company 314259521, founded on `foundedOn`, fetched 5 Jan 2026. */
const company = (foundedOn: string): Record<string, RegisterAnswer> => ({
  '314259521': {
    status: 'found',
    unit: {
      orgNumber: '314259521',
      name: 'EKSEMPEL AS',
      organisationForm: 'AS',
      kind: 'enhet',
      foundedOn,
      bankrupt: false,
      windingUp: false,
    },
    subUnits: [],
    fetchedAt: '2026-01-05T07:00:00.000Z',
  },
});
const founding = (findings: ReturnType<typeof checkRf1086Rules>) =>
  findings.filter((f) => f.code === 'RF1086_FOUNDING_NOT_AS_REGISTERED');

/** Post 9 with a Hendelsestype and a Tidspunkt (aksjonaerregisteroppgaveHovedskjema.xsd, datadef 17668–17671). */
const withIssue = (type: string, time: string) =>
  mainText().replace(
    '</Skjema>',
    `<UtstedelseAvAksjerIfmStiftelseNyemisjonMv-grp-3452 gruppeid="3452">
  <AntallNyutstedteAksjer-grp-3453 gruppeid="3453">
    <AksjerNyutstedteStiftelseMvAntall-datadef-17668 orid="17668">100</AksjerNyutstedteStiftelseMvAntall-datadef-17668>
    <AksjerNyutstedteStiftelseMvType-datadef-17670 orid="17670">${type}</AksjerNyutstedteStiftelseMvType-datadef-17670>
    <AksjerNyutstedteStiftelseMvTidspunkt-datadef-17671 orid="17671">${time}</AksjerNyutstedteStiftelseMvTidspunkt-datadef-17671>
  </AntallNyutstedteAksjer-grp-3453>
</UtstedelseAvAksjerIfmStiftelseNyemisjonMv-grp-3452>
</Skjema>`,
  );

describe('RF-1086: founding information against Enhetsregisteret’s stiftelsesdato', () => {
  it('passes the example for a company founded before the income year', () => {
    expect(
      founding(
        checkRf1086Rules(setFrom(mainText(), shareholderText()), { ...context, register: company('2019-04-01') }),
      ),
    ).toEqual([]);
  });

  it('warns about an income year before the founding year, with the register’s date and when it was fetched', () => {
    const [finding] = founding(
      checkRf1086Rules(setFrom(mainText(), shareholderText()), { ...context, register: company('2026-02-01') }),
    );
    expect(finding).toMatchObject({ severity: 'warning', file: 'h.xml', line: 8 });
    expect(finding!.message.nb).toBe(
      'Inntektsåret 2025 er før selskapet ble stiftet. Enhetsregisteret har stiftelsesdato 1. februar 2026 (opplysninger hentet 5. januar 2026).',
    );
    expect(finding!.message.en).toContain('data fetched 5 January 2026');
  });

  it('warns about a post 9 issuance at founding on another date than stiftelsesdato, not on the same date', () => {
    const register = company('2025-03-01');
    const other = founding(
      checkRf1086Rules(setFrom(withIssue('Stiftelse', '2025-03-04T00:00:00'), shareholderText()), {
        ...context,
        register,
      }),
    );
    expect(other.map((f) => f.message.en)).toContain(
      'The shares are reported issued at founding on 4 March 2025. Enhetsregisteret has the founding date 1 March 2025 (data fetched 5 January 2026).',
    );
    const same = founding(
      checkRf1086Rules(setFrom(withIssue('Stiftelse', '2025-03-01T00:00:00'), shareholderText()), {
        ...context,
        register,
      }),
    );
    expect(same.map((f) => f.path)).not.toContainEqual(expect.stringContaining('3453'));
    // A nyemisjon has nothing to do with the founding date.
    const emission = founding(
      checkRf1086Rules(setFrom(withIssue('Nyemisjon', '2025-09-01T00:00:00'), shareholderText()), {
        ...context,
        register,
      }),
    );
    expect(emission.map((f) => f.path)).not.toContainEqual(expect.stringContaining('3453'));
  });

  it('warns about shares at the start of the year the company was founded in', () => {
    const found = founding(
      checkRf1086Rules(setFrom(mainText(), shareholderText()), { ...context, register: company('2025-03-01') }),
    );
    expect(found.map((f) => f.message.nb)).toEqual([
      'Selskapet ble stiftet i inntektsåret, men har 100 aksjer ved inngangen til året. Enhetsregisteret har stiftelsesdato 1. mars 2025 (opplysninger hentet 5. januar 2026).',
    ]);
  });

  it('says nothing without the register’s answer', () => {
    expect(
      founding(checkRf1086Rules(setFrom(withIssue('Stiftelse', '2025-03-04T00:00:00'), shareholderText()), context)),
    ).toEqual([]);
  });
});
