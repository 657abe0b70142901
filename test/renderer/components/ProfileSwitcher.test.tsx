import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ProfileSwitcher, SWITCHER_OPTIONS } from '../../../renderer/components/ProfileSwitcher';
import { renderWithProviders } from '../render-with-providers';
import { validOrgNumbers } from '../../main/support/org-numbers';
import { formatOrgNumber } from '../../../shared/format';

const ORGS = validOrgNumbers(500);
const profiles = ORGS.map((orgNumber, i) => ({
  id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
  orgNumber,
  displayName: `Virksomhet ${String(i).padStart(3, '0')} AS`,
  environment: 'sandbox',
  createdAt: '2026-11-23T09:00:00.000Z',
}));

describe('the header’s organisation switcher at 500 profiles', () => {
  it('draws at most 50 options, and finds one by name or by org number typed with spaces', async () => {
    const { container } = renderWithProviders(<ProfileSwitcher />, {
      'profiles.list': () => ({
        ok: true,
        value: { profiles, activeProfileId: profiles[0]?.id, notices: [] },
      }),
    });
    const input = await screen.findByPlaceholderText('Søk etter virksomhet');
    const options = () => [...container.querySelectorAll('option:not([data-empty]), u-option:not([data-empty])')];
    expect(options()).toHaveLength(SWITCHER_OPTIONS);
    await userEvent.clear(input);
    await userEvent.type(input, 'virksomhet 123');
    await waitFor(() =>
      expect(options().map((o) => o.textContent)).toEqual([
        'Virksomhet 123 AS (' + formatOrgNumber(ORGS[123] ?? '') + ') · Sandkasse',
      ]),
    );
    await userEvent.clear(input);
    await userEvent.type(input, `${ORGS[42]?.slice(0, 3)} ${ORGS[42]?.slice(3)}`);
    await waitFor(() => expect(options().map((o) => o.textContent?.slice(0, 17))).toEqual(['Virksomhet 042 AS']));
  });
});
