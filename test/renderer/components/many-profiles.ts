import { validOrgNumbers } from '../../main/support/org-numbers';

/** 500 standard sandbox profiles ("Virksomhet 000 AS" …), as `profiles.list` gives them, with the first active. */
export const MANY_PROFILES = validOrgNumbers(500).map((orgNumber, i) => ({
  id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
  orgNumber,
  displayName: `Virksomhet ${String(i).padStart(3, '0')} AS`,
  environment: 'sandbox',
  createdAt: '2026-11-23T09:00:00.000Z',
}));

export const manyProfilesAnswer = () => ({
  ok: true,
  value: { profiles: MANY_PROFILES, activeProfileId: MANY_PROFILES[0]?.id, notices: [] },
});
