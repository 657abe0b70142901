import { describe, expect, it } from 'vitest';
import { registerNameOf } from '../../../shared/domain/register-name';

const FETCHED = '2026-11-30T08:00:00.000Z';

describe('registerNameOf: the name a form takes from Enhetsregisteret', () => {
  it('gives the name with the organisation form, the founding date and the date of the answer', () => {
    const named = registerNameOf({
      fromCache: false,
      answer: {
        status: 'found',
        unit: {
          orgNumber: '974760673',
          name: 'REGISTERENHETEN I BRØNNØYSUND',
          organisationForm: 'ORGL',
          kind: 'enhet',
          foundedOn: '1995-08-09',
          bankrupt: false,
          windingUp: false,
        },
        subUnits: [],
        fetchedAt: FETCHED,
      },
    });
    expect(named).toEqual({
      ok: true,
      name: 'REGISTERENHETEN I BRØNNØYSUND',
      note: {
        // The days in words, as the rest of the app writes a date a person reads.
        nb: 'Fra Enhetsregisteret (hentet 30. november 2026): REGISTERENHETEN I BRØNNØYSUND, ORGL, stiftet 9. august 1995.',
        en: 'From Enhetsregisteret (fetched 30 November 2026): REGISTERENHETEN I BRØNNØYSUND, ORGL, founded 9 August 1995.',
      },
    });
  });

  it('says when the answer is the last one kept because the register did not answer', () => {
    const named = registerNameOf({
      fromCache: true,
      answer: {
        status: 'found',
        unit: {
          orgNumber: '974760673',
          name: 'X',
          organisationForm: 'AS',
          kind: 'enhet',
          bankrupt: false,
          windingUp: false,
        },
        subUnits: [],
        fetchedAt: FETCHED,
      },
    });
    expect(named.ok && named.note.en).toContain(
      'Enhetsregisteret did not answer; this is the answer from 30 November 2026.',
    );
  });

  it('gives no name for a number not in the register or deleted, and says why in both languages', () => {
    expect(
      registerNameOf({ fromCache: false, answer: { status: 'not-found', orgNumber: '973861778', fetchedAt: FETCHED } }),
    ).toEqual({
      ok: false,
      reason: {
        nb: '973 861 778 finnes ikke i Enhetsregisteret. Kontroller nummeret, eller skriv navnet selv.',
        en: '973 861 778 is not in Enhetsregisteret. Check the number, or type the name yourself.',
      },
    });
    const gone = registerNameOf({
      fromCache: false,
      answer: { status: 'deleted', orgNumber: '973861778', deletedOn: '2024-05-02', fetchedAt: FETCHED },
    });
    expect(gone).toMatchObject({
      ok: false,
      reason: {
        nb: '973 861 778 er slettet fra Enhetsregisteret 2. mai 2024.',
        en: '973 861 778 was deleted from Enhetsregisteret 2 May 2024.',
      },
    });
  });
});
