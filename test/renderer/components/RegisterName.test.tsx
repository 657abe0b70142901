import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ProfileForm } from '../../../renderer/components/ProfileForm';
import { AddClientForm } from '../../../renderer/components/firm/AddClientForm';
import { renderWithProviders } from '../render-with-providers';

/** register.lookup's answer for Skatteetaten's example employer in the sandbox register. */
const found = (fromCache = false) => ({
  ok: true,
  value: {
    fromCache,
    answer: {
      status: 'found',
      unit: {
        orgNumber: '211785462',
        name: 'Syntetisk arbeidsgiver AS',
        organisationForm: 'AS',
        kind: 'enhet',
        foundedOn: '2018-03-01',
        bankrupt: false,
        windingUp: false,
      },
      subUnits: ['314768949'],
      fetchedAt: '2026-11-30T08:00:00.000Z',
    },
  },
});

describe('names from Enhetsregisteret in the forms', () => {
  it('fills the new profile’s name for a valid number in the chosen environment, and says where it is from', async () => {
    const user = userEvent.setup();
    const { invoke } = renderWithProviders(<ProfileForm />, { 'register.lookup': () => found() });
    await user.selectOptions(screen.getByTestId('environment'), 'test');
    await user.type(screen.getByTestId('org-number'), '211 785 462');
    await waitFor(() => expect(screen.getByTestId('display-name')).toHaveValue('Syntetisk arbeidsgiver AS'));
    expect(invoke).toHaveBeenCalledWith('register.lookup', { orgNumber: '211785462', environment: 'test' });
    expect(screen.getByTestId('register-note')).toHaveTextContent(
      'Fra Enhetsregisteret (hentet 30. november 2026): Syntetisk arbeidsgiver AS, AS, stiftet 1. mars 2018.',
    );
  });

  it('keeps a name the user typed, and asks nothing for a custom environment', async () => {
    const user = userEvent.setup();
    const { invoke } = renderWithProviders(<ProfileForm />, { 'register.lookup': () => found() });
    await user.type(screen.getByTestId('display-name'), 'Mitt navn');
    await user.type(screen.getByTestId('org-number'), '211785462');
    await screen.findByTestId('register-note');
    expect(screen.getByTestId('display-name')).toHaveValue('Mitt navn');

    invoke.mockClear();
    await user.selectOptions(screen.getByTestId('environment'), 'custom');
    expect(invoke).not.toHaveBeenCalledWith('register.lookup', expect.anything());
  });

  it('fills a client’s name from the active profile’s register, and shows an offline answer’s age in English', async () => {
    const user = userEvent.setup();
    const { invoke } = renderWithProviders(
      <AddClientForm />,
      { 'register.lookup': () => found(true) },
      { language: 'en' },
    );
    await user.type(screen.getByTestId('client-org'), '211785462');
    await waitFor(() => expect(screen.getByTestId('client-name')).toHaveValue('Syntetisk arbeidsgiver AS'));
    expect(invoke).toHaveBeenCalledWith('register.lookup', { orgNumber: '211785462' });
    expect(screen.getByTestId('register-note')).toHaveTextContent(
      'Enhetsregisteret did not answer; this is the answer from 30 November 2026.',
    );
  });

  it('says why there is no name when the number is not in the register, and the form stays usable', async () => {
    const user = userEvent.setup();
    renderWithProviders(<AddClientForm />, {
      'register.lookup': () => ({
        ok: true,
        value: {
          fromCache: false,
          answer: { status: 'not-found', orgNumber: '973861778', fetchedAt: '2026-11-30T08:00:00.000Z' },
        },
      }),
    });
    await user.type(screen.getByTestId('client-org'), '973861778');
    expect(await screen.findByTestId('register-note')).toHaveTextContent('973 861 778 finnes ikke i Enhetsregisteret.');
    expect(screen.getByTestId('client-name')).toHaveValue('');
    expect(screen.getByTestId('add-client')).toBeEnabled();
  });
});
