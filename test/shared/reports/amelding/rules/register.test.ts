import { describe, expect, it } from 'vitest';
import { checkAMeldingRules } from '../../../../../shared/reports/amelding/check-rules';
import type { RegisterAnswer } from '../../../../../shared/domain/register-facts';
import { exampleLeveranse, testContext } from '../../fixtures';

const FETCHED = '2026-01-10T09:30:00.000Z';
const employer = (subUnits: string[]): RegisterAnswer => ({
  status: 'found',
  unit: {
    orgNumber: '211785462',
    name: 'Syntetisk arbeidsgiver AS',
    organisationForm: 'AS',
    kind: 'enhet',
    bankrupt: false,
    windingUp: false,
  },
  subUnits,
  fetchedAt: FETCHED,
});
const registerFindings = (register: Record<string, RegisterAnswer>) =>
  checkAMeldingRules(exampleLeveranse(), { ...testContext, register }).filter(
    (f) => f.code === 'AMELDING_VIRKSOMHET_NOT_UNDERENHET',
  );

describe('a-melding: the virksomhet is an underenhet of the opplysningspliktig (Enhetsregisteret)', () => {
  it('passes when the register lists the virksomhet among the employer’s underenheter', () => {
    expect(registerFindings({ '211785462': employer(['314768949']) })).toEqual([]);
  });

  it('warns, naming the employer and the date of the register’s answer, when it does not', () => {
    const [finding, ...rest] = registerFindings({ '211785462': employer(['973861778']) });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'warning' });
    // Org numbers grouped and the day in words, as the rest of the page writes them.
    expect(finding!.message.nb).toContain(
      '314 768 949 er ikke en underenhet av 211 785 462 (Syntetisk arbeidsgiver AS)',
    );
    expect(finding!.message.nb).toContain('hentet 10. januar 2026');
    expect(finding!.message.en).toContain('data fetched 10 January 2026');
  });

  it('trusts a newer answer for the virksomhet itself that names the employer as its hovedenhet', () => {
    const own: RegisterAnswer = {
      status: 'found',
      unit: {
        orgNumber: '314768949',
        name: 'Avdeling',
        organisationForm: 'BEDR',
        kind: 'underenhet',
        parent: '211785462',
        bankrupt: false,
        windingUp: false,
      },
      subUnits: [],
      fetchedAt: FETCHED,
    };
    expect(registerFindings({ '211785462': employer([]), '314768949': own })).toEqual([]);
  });

  it('says nothing without an answer, or when the employer is not found or deleted', () => {
    expect(registerFindings({})).toEqual([]);
    expect(
      registerFindings({ '211785462': { status: 'not-found', orgNumber: '211785462', fetchedAt: FETCHED } }),
    ).toEqual([]);
    expect(
      registerFindings({ '211785462': { status: 'deleted', orgNumber: '211785462', fetchedAt: FETCHED } }),
    ).toEqual([]);
  });
});
