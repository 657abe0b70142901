import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ProfileForm } from '../../../renderer/components/ProfileForm';
import { renderWithProviders } from '../render-with-providers';

const created = (payload: unknown) => ({
  ok: true,
  value: { id: '0b6f3b8e-3a49-4a8e-9b2f-1f6e2f7d1c11', createdAt: '2026-11-23T09:00:00.000Z', ...(payload as object) },
});

describe('ProfileForm: a business or an accounting firm', () => {
  it('creates an accounting firm with a Tenor org for the reports in the test environment', async () => {
    const user = userEvent.setup();
    const { invoke } = renderWithProviders(<ProfileForm />, { 'profiles.create': created });
    await user.type(screen.getByTestId('org-number'), '974761076');
    await user.type(screen.getByTestId('display-name'), 'Tall og Tango Regnskap AS');
    await user.selectOptions(screen.getByTestId('environment'), 'test');
    await user.click(screen.getByLabelText('Et regnskapsførerkontor som rapporterer for klienter'));
    // A synthetic Tenor organisation (valid MOD11), as TT02 wants for the systembruker (altinn-auth.md §6).
    await user.type(screen.getByTestId('reports-org'), '314768949');
    await user.click(screen.getByRole('button', { name: 'Lagre virksomhet' }));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('profiles.create', {
        orgNumber: '974761076',
        displayName: 'Tall og Tango Regnskap AS',
        environment: 'test',
        kind: 'firm',
        reportsOrgNumber: '314768949',
      }),
    );
  });

  it('offers no reports org in production and sends a plain business as before', async () => {
    const user = userEvent.setup();
    const { invoke } = renderWithProviders(<ProfileForm />, { 'profiles.create': created });
    await user.type(screen.getByTestId('org-number'), '974761076');
    await user.type(screen.getByTestId('display-name'), 'Fjellstue AS');
    await user.type(screen.getByTestId('reports-org'), '314768949');
    await user.selectOptions(screen.getByTestId('environment'), 'production');
    expect(screen.queryByTestId('reports-org')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Lagre virksomhet' }));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('profiles.create', {
        orgNumber: '974761076',
        displayName: 'Fjellstue AS',
        environment: 'production',
      }),
    );
  });
});
