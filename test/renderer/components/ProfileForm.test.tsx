import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ProfileForm, PRACTICE_ORG_NUMBER } from '../../../renderer/components/ProfileForm';
import { renderWithProviders } from '../render-with-providers';

const created = (payload: unknown) => ({
  ok: true,
  value: {
    id: '0b6f3b8e-3a49-4a8e-9b2f-1f6e2f7d1c11',
    createdAt: '2026-11-23T09:00:00.000Z',
    ...(payload as object),
  },
});

describe('ProfileForm', () => {
  it('checks the org number before anything is sent, and sends a valid one with the chosen environment', async () => {
    const user = userEvent.setup();
    let createdName = '';
    const { invoke } = renderWithProviders(<ProfileForm onCreated={(n) => (createdName = n)} />, {
      'profiles.create': created,
    });
    await user.type(screen.getByLabelText('Organisasjonsnummer', { exact: false }), '974761077');
    await user.type(screen.getByLabelText('Navn', { exact: false }), 'Fjellstue AS');
    await user.click(screen.getByRole('button', { name: 'Lagre virksomhet' }));
    expect(await screen.findByText(/Organisasjonsnummeret er ikke gyldig/)).toBeInTheDocument();
    expect(invoke).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('Organisasjonsnummer', { exact: false }));
    await user.type(screen.getByLabelText('Organisasjonsnummer', { exact: false }), '974761076');
    await user.selectOptions(screen.getByTestId('environment'), 'test');
    await user.click(screen.getByRole('button', { name: 'Lagre virksomhet' }));
    await waitFor(() => expect(createdName).toBe('Fjellstue AS'));
    expect(invoke).toHaveBeenCalledWith('profiles.create', {
      orgNumber: '974761076',
      displayName: 'Fjellstue AS',
      environment: 'test',
    });
  });

  it('creates a practice profile in the sandbox with one click', async () => {
    const user = userEvent.setup();
    const { invoke } = renderWithProviders(<ProfileForm />, { 'profiles.create': created });
    await user.click(screen.getByRole('button', { name: /Prøv sandkassen/ }));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('profiles.create', {
        orgNumber: PRACTICE_ORG_NUMBER,
        displayName: 'Øvingsbedrift AS',
        environment: 'sandbox',
      }),
    );
  });

  it("shows main's refusal in the user's language, with its code", async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <ProfileForm />,
      {
        'profiles.create': () => ({
          ok: false,
          error: { code: 'PROFILE_DUPLICATE', message: { nb: 'Finnes allerede.', en: 'Already exists.' } },
        }),
      },
      { language: 'en' },
    );
    await user.type(screen.getByLabelText('Organisation number', { exact: false }), '974761076');
    await user.type(screen.getByLabelText('Name', { exact: false }), 'X');
    await user.click(screen.getByRole('button', { name: 'Save organisation' }));
    expect(await screen.findByText('Already exists.')).toBeInTheDocument();
    expect(screen.getByText('PROFILE_DUPLICATE')).toBeInTheDocument();
  });

  it("picks a custom environment file through main's dialog and sends the pick id, never a path", async () => {
    const user = userEvent.setup();
    const pickId = '5c3a5b2e-1111-4c4c-8d8d-222233334444';
    const { invoke } = renderWithProviders(
      <ProfileForm />,
      {
        'environment.pickCustomFile': () => ({
          ok: true,
          value: { cancelled: false, pickId, fileName: 'proxy.json', nonStandardHosts: ['dp.proxy.example'] },
        }),
        'profiles.create': created,
      },
      { language: 'en' },
    );
    await user.type(screen.getByLabelText('Organisation number', { exact: false }), '974761076');
    await user.type(screen.getByLabelText('Name', { exact: false }), 'Fjellstue AS');
    await user.selectOptions(screen.getByTestId('environment'), 'custom');
    await user.click(screen.getByRole('button', { name: 'Save organisation' }));
    expect(await screen.findByText('Choose an environment file.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Choose environment file …' }));
    expect(await screen.findByText('Chosen: proxy.json')).toBeInTheDocument();
    expect(screen.getByTestId('env-hosts')).toHaveTextContent('dp.proxy.example');
    await user.click(screen.getByRole('button', { name: 'Save organisation' }));
    expect(await screen.findByText('Confirm the hosts, or choose another file.')).toBeInTheDocument();
    expect(invoke).not.toHaveBeenCalledWith('profiles.create', expect.anything());

    await user.click(screen.getByLabelText('I confirm that Innsender may send to these hosts'));
    await user.click(screen.getByRole('button', { name: 'Save organisation' }));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('profiles.create', {
        orgNumber: '974761076',
        displayName: 'Fjellstue AS',
        environment: 'custom',
        customEnvironmentPick: pickId,
        confirmHosts: ['dp.proxy.example'],
      }),
    );
  });
});
