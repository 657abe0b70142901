import { describe, expect, it } from 'vitest';
import { profileOrgRule } from '../../../../../shared/reports/amelding/rules/profile-org';
import { exampleLeveranse, testContext } from '../../fixtures';

describe('profile organisation rule', () => {
  it('accepts the profile org and no profile', () => {
    expect(profileOrgRule(exampleLeveranse(), { ...testContext, profileOrg: '211785462' })).toEqual([]);
    expect(profileOrgRule(exampleLeveranse(), testContext)).toEqual([]);
  });
  it('rejects another org', () => {
    const [finding] = profileOrgRule(exampleLeveranse(), { ...testContext, profileOrg: '974761076' });
    expect(finding).toMatchObject({ code: 'AMELDING_OPPLYSNINGSPLIKTIG_NOT_PROFILE', severity: 'error' });
    expect(finding?.message.nb).toContain('974 761 076');
  });
});
