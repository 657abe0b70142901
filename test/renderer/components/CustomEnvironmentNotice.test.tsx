import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EnvironmentBanner } from '../../../renderer/components/EnvironmentBanner';
import { SettingsPage } from '../../../renderer/routes/SettingsPage';
import { realEndpoints } from '../../../main/environments/table';
import { renderWithProviders } from '../render-with-providers';

const unconfirmed = {
  ok: true,
  value: {
    status: 'unconfirmed-hosts',
    environment: 'custom',
    hosts: ['dp.proxy.example'],
    message: { nb: 'Bekreft dp.proxy.example.', en: 'Confirm dp.proxy.example.' },
  },
};

describe('a custom environment that cannot be used', () => {
  it('is announced on every page, with the reason, and nothing for the other environments', async () => {
    renderWithProviders(
      <EnvironmentBanner environment="custom" />,
      { 'environment.describe': () => unconfirmed },
      {
        language: 'en',
      },
    );
    expect(await screen.findByTestId('env-banner')).toHaveTextContent(
      'The custom environment cannot be used now, so nothing is sent: Confirm dp.proxy.example. See Settings',
    );
  });

  it('lists the unconfirmed hosts in Settings and confirms exactly those', async () => {
    const user = userEvent.setup();
    const { invoke } = renderWithProviders(
      <SettingsPage />,
      {
        'environment.describe': () => unconfirmed,
        'settings.get': () => ({ ok: true, value: { language: 'en' } }),
        'app.info': () => ({ ok: true, value: { name: 'Innsender', version: '1', host: 'node', dataDir: '/d' } }),
        'environment.confirmHosts': () => ({
          ok: true,
          value: {
            status: 'ready',
            environment: 'custom',
            endpoints: realEndpoints('test'),
            sandbox: { state: 'stopped' },
          },
        }),
      },
      { language: 'en' },
    );
    expect(await screen.findByTestId('env-unconfirmed-hosts')).toHaveTextContent('dp.proxy.example');
    await user.click(screen.getByRole('button', { name: 'Confirm the hosts' }));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('environment.confirmHosts', { hosts: ['dp.proxy.example'] }),
    );
    expect(await screen.findByTestId('endpoint-table')).toBeInTheDocument();
  });
});
