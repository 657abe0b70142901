import { describe, expect, it } from 'vitest';
import { adviceFor } from '../../../shared/reports/finding-advice';

describe('advice for a finding, said to a bookkeeper', () => {
  it('sends a-melding sums back to the payroll system', () => {
    expect(adviceFor('AMELDING_SUM_FORSKUDDSTREKK').nb).toMatch(
      /^Summene i filen stemmer ikke med linjene\. Kjør lønnen/,
    );
  });

  it('sends tredjepart sums to the system or spreadsheet that made the file, not to payroll', () => {
    for (const code of ['TREDJEPART_SUM_MISMATCH', 'TREDJEPART_COUNT_MISMATCH']) {
      expect(adviceFor(code).nb).toContain('systemet eller regnearket som laget filen');
      expect(adviceFor(code).en).toContain('the system or spreadsheet that made the file');
      expect(adviceFor(code).nb).not.toContain('lønn');
    }
    expect(adviceFor('TREDJEPART_MATRIKKEL_INVALID').nb).toMatch(/^Rett dette i systemet eller regnearket/);
  });

  it('asks for the right business when the file is for another organisation, whatever the report', () => {
    for (const code of ['AMELDING_OPPLYSNINGSPLIKTIG_NOT_PROFILE', 'TREDJEPART_OPPGAVEGIVER_NOT_PROFILE']) {
      expect(adviceFor(code).nb).toMatch(/^Velg virksomheten filen gjelder/);
    }
  });

  it('has advice for a code it has never seen', () => {
    expect(adviceFor('SOMETHING_NEW').en).toMatch(/^Correct this in the system that made the file/);
  });
});
