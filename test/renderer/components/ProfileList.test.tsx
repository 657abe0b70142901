import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PROFILE_LIST_LIMIT, ProfileList } from '../../../renderer/components/ProfileList';
import { renderWithProviders } from '../render-with-providers';
import { MANY_PROFILES as profiles, manyProfilesAnswer } from './many-profiles';

describe('Oppsett’s profile list at 500 profiles', () => {
  it('shows the first matches with a count, and finds a profile by name or org number', async () => {
    renderWithProviders(<ProfileList />, {
      'profiles.list': manyProfilesAnswer,
    });
    const table = await screen.findByTestId('profile-table');
    const bodyRows = () => within(table).getAllByRole('row').slice(1);
    expect(bodyRows()).toHaveLength(PROFILE_LIST_LIMIT);
    expect(screen.getByRole('status')).toHaveTextContent(`Viser ${PROFILE_LIST_LIMIT} av 500`);
    await userEvent.type(screen.getByTestId('profile-search'), 'virksomhet 499');
    expect(bodyRows().map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual(['Virksomhet 499 AS']);
    expect(screen.getByRole('status')).toHaveTextContent('Viser 1 av 500');
    const org = profiles[7]?.orgNumber ?? '';
    await userEvent.clear(screen.getByTestId('profile-search'));
    await userEvent.type(screen.getByTestId('profile-search'), `${org.slice(0, 3)} ${org.slice(3, 6)} ${org.slice(6)}`);
    expect(bodyRows().map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual(['Virksomhet 007 AS']);
  });
});
