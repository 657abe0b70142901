import { describe, expect, it } from 'vitest';
import { Rf1086SummarySchema, summariseRf1086 } from '../../../../shared/reports/rf1086/summary';
import { mainText, setFrom, twoShareholders } from './forms';

describe('summariseRf1086', () => {
  it('gives company, share class, shareholders and totals', () => {
    const summary = summariseRf1086(setFrom(mainText(), ...twoShareholders()));
    expect(Rf1086SummarySchema.parse(summary)).toEqual(summary);
    expect(summary).toMatchObject({
      selskap: { organisasjonsnummer: '314259521', navn: 'EKSEMPEL AS' },
      inntektsaar: '2025',
      aksjeklasser: [
        {
          aksjeType: 'Ordinære aksjer',
          antallAksjerFjoraret: 100,
          antallAksjer: 100,
          aksjekapital: '100000',
          palydende: '1000',
          utbytte: '50000',
          aksjonaerenesAksjer: 100,
          aksjonaerer: [
            {
              identifikator: '26829398612',
              identifikatortype: 'foedselsnummer',
              navn: 'Ola Nordmann',
              antallAksjer: 50,
              utbytte: '25000',
            },
            { identifikator: '08842199736', antallAksjer: 50 },
          ],
        },
      ],
      totals: { aksjeklasser: 1, aksjonaerer: 2, underskjemaer: 2, utbytte: '50000' },
    });
  });
});
