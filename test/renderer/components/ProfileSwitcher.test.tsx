import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ProfileSwitcher, SWITCHER_OPTIONS } from '../../../renderer/components/ProfileSwitcher';
import { renderWithProviders } from '../render-with-providers';
import { MANY_PROFILES as profiles, manyProfilesAnswer } from './many-profiles';
import { formatOrgNumber } from '../../../shared/format';

describe('the header’s organisation switcher at 500 profiles', () => {
  it('draws at most 50 options, and finds one by name or by org number typed with spaces', async () => {
    const { container } = renderWithProviders(<ProfileSwitcher />, {
      'profiles.list': manyProfilesAnswer,
    });
    const input = await screen.findByPlaceholderText('Søk etter virksomhet');
    const options = () => [...container.querySelectorAll('option:not([data-empty]), u-option:not([data-empty])')];
    expect(options()).toHaveLength(SWITCHER_OPTIONS);
    await userEvent.clear(input);
    await userEvent.type(input, 'virksomhet 123');
    await waitFor(() =>
      expect(options().map((o) => o.textContent)).toEqual([
        'Virksomhet 123 AS (' + formatOrgNumber(profiles[123]?.orgNumber ?? '') + ') · Sandkasse',
      ]),
    );
    await userEvent.clear(input);
    await userEvent.type(input, `${profiles[42]?.orgNumber.slice(0, 3)} ${profiles[42]?.orgNumber.slice(3)}`);
    await waitFor(() => expect(options().map((o) => o.textContent?.slice(0, 17))).toEqual(['Virksomhet 042 AS']));
  });
});
