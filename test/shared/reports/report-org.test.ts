import { describe, expect, it } from 'vitest';
import { reportOrgProblem } from '../../../shared/reports/report-org';

describe('a report for an organisation the profile does not report for', () => {
  it('names both organisations grouped the Norwegian way, as the rest of the page does', () => {
    expect(reportOrgProblem('314259521', { profileOrg: '211785462' })).toEqual({
      nb: 'Rapporten gjelder 314 259 521, men den aktive profilen rapporterer for 211 785 462. Bytt profil eller velg riktig fil.',
      en: 'The report is for 314 259 521, but the active profile reports for 211 785 462. Switch profile or pick the right file.',
    });
  });

  it('names the firm and the organisation that is not its client grouped too', () => {
    const problem = reportOrgProblem('314259521', { profileOrg: '974761076', clientOrgs: ['910000017'] });
    expect(problem?.nb).toBe(
      'Rapporten gjelder 314 259 521, som ikke er klient av regnskapsførerkontoret 974 761 076. Legg den til under Klienter, eller velg riktig fil.',
    );
    expect(problem?.en).toContain(
      'The report is for 314 259 521, which is not a client of the accounting firm 974 761 076.',
    );
  });

  it('has nothing to say about the profile’s own organisation or a client', () => {
    expect(reportOrgProblem('211785462', { profileOrg: '211785462' })).toBeNull();
    expect(reportOrgProblem('910000017', { profileOrg: '974761076', clientOrgs: ['910000017'] })).toBeNull();
  });
});
