import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ClientsPage } from '../../../renderer/routes/ClientsPage';
import type { FirmClient, FirmClientsView } from '../../../shared/domain/firm';
import { renderWithProviders } from '../render-with-providers';
import { firm, PROFILE_ID } from './firm-profile';

const client = (orgNumber: string, name: string, state: FirmClient['delegation']['state']): FirmClient => ({
  orgNumber,
  name,
  services: ['a-melding'],
  delegation: { state, checkedAt: state === 'not-delegated' ? null : '2026-11-23T10:00:00.000Z' },
  addedAt: '2026-11-23T09:30:00.000Z',
});

const view = (clients: FirmClient[], over: Partial<FirmClientsView> = {}): FirmClientsView => ({
  profileId: PROFILE_ID,
  firmOrgNumber: '974761076',
  agentSystemUserId: 'a1b2c3d4-0000-4000-8000-000000000001',
  clients,
  altinnOnly: [],
  clientAdminUrl: 'http://127.0.0.1:1/systemuser/clients',
  delegationApi: true,
  lastSyncError: null,
  ...over,
});

const ok = (value: unknown) => () => ({ ok: true, value });
const profiles = (p: object) => ok({ profiles: [p], activeProfileId: PROFILE_ID, notices: [] });

describe('the Clients page', () => {
  it('lists each client with where its delegation stands in Altinn', async () => {
    renderWithProviders(<ClientsPage />, {
      'profiles.list': profiles(firm),
      'firm.clients': ok(
        view([client('910000017', 'Fjellstue AS', 'delegated'), client('910000025', 'Bakeri AS', 'removed')]),
      ),
    });
    const list = await screen.findByTestId('client-list');
    const fjell = list.querySelector('[data-org="910000017"]') as HTMLElement;
    const bakeri = list.querySelector('[data-org="910000025"]') as HTMLElement;
    expect(within(fjell).getByText('Lagt til i Altinn')).toBeTruthy();
    expect(within(bakeri).getByText('Fjernet i Altinn')).toBeTruthy();
    expect(screen.getByTestId('sync-delegations')).toBeTruthy();
  });

  it('shows each org number grouped the Norwegian way, and names the client on its buttons for a screen reader', async () => {
    renderWithProviders(<ClientsPage />, {
      'profiles.list': profiles(firm),
      'firm.clients': ok(
        view([client('910000017', 'Fjellstue AS', 'delegated'), client('910000025', 'Bakeri AS', 'removed')], {
          delegationApi: false,
        }),
      ),
    });
    const list = await screen.findByTestId('client-list');
    const fjell = list.querySelector('[data-org="910000017"]') as HTMLElement;
    expect(within(fjell).getByText('910 000 017')).toBeTruthy();
    expect(fjell.textContent).not.toContain('910000017');
    // Three rows, three "Fjern fra Innsender": each says which client it removes.
    expect(within(fjell).getByRole('button', { name: /^Fjern fra Innsender ?: Fjellstue AS$/ })).toBeTruthy();
    const bakeri = list.querySelector('[data-org="910000025"]') as HTMLElement;
    expect(
      within(bakeri).getByRole('button', { name: /^Klientadministrator har lagt den til ?: Bakeri AS$/ }),
    ).toBeTruthy();
  });

  it('adds a client and shows the refusal that names it when main refuses the number', async () => {
    const refusal = {
      ok: false,
      error: {
        code: 'FIRM_CLIENT_ORG_INVALID',
        message: {
          nb: 'Organisasjonsnummeret 910000018 for Feil AS har feil kontrollsiffer.',
          en: 'The organisation number 910000018 for Feil AS has a wrong check digit.',
        },
      },
    };
    const { invoke } = renderWithProviders(<ClientsPage />, {
      'profiles.list': profiles(firm),
      'firm.clients': ok(view([])),
      'firm.addClient': () => refusal,
    });
    await userEvent.type(await screen.findByLabelText('Organisasjonsnummer'), '910000018');
    await userEvent.type(screen.getByLabelText('Navn'), 'Feil AS');
    await userEvent.click(screen.getByTestId('add-client'));
    expect(invoke).toHaveBeenCalledWith('firm.addClient', { orgNumber: '910000018', name: 'Feil AS' });
    expect(await screen.findByText(/910000018 for Feil AS har feil kontrollsiffer/)).toBeTruthy();
  });

  // A client typed with another company's valid number shows "Ikke lagt til"; the one Altinn has was shown nowhere.
  it('lists the clients Altinn has that the list lacks, and adds one through the same add', async () => {
    const solbaer = {
      orgNumber: '315000017',
      name: 'Solbær AS',
      altinnClientId: 'c0ffee00-0000-4000-8000-000000000017',
    };
    const typed = client('315000025', 'Solbær AS', 'not-delegated');
    const after = view([typed, { ...client('315000017', 'Solbær AS', 'delegated') }]);
    const { invoke } = renderWithProviders(<ClientsPage />, {
      'profiles.list': profiles(firm),
      'firm.clients': ok(view([typed], { altinnOnly: [solbaer, { ...solbaer, orgNumber: '315000033', name: null }] })),
      'firm.addClient': ok(after),
    });
    const section = await screen.findByRole('region', { name: 'I Altinn, men ikke i listen din' });
    expect(within(section).getByText(/men de står ikke i klientlisten over/)).toBeTruthy();
    const row = section.querySelector('[data-org="315000017"]') as HTMLElement;
    expect(within(row).getByText('Solbær AS')).toBeTruthy();
    expect(within(row).getByText('315 000 017')).toBeTruthy();
    const nameless = section.querySelector('[data-org="315000033"]') as HTMLElement;
    expect(within(nameless).getByText('Uten navn i Altinn')).toBeTruthy();
    expect(within(nameless).getByRole('button', { name: /^Legg til ?: 315 000 033$/ })).toBeTruthy();
    await userEvent.click(within(row).getByRole('button', { name: /^Legg til ?: Solbær AS$/ }));
    expect(invoke).toHaveBeenCalledWith('firm.addClient', { orgNumber: '315000017', name: 'Solbær AS' });
    expect(await within(section).findByRole('status')).toHaveProperty(
      'textContent',
      'Solbær AS er lagt til i klientlisten.',
    );
    expect(section.querySelector('[data-org="315000017"]')).toBeNull();
    expect(screen.getByTestId('client-list').querySelector('[data-org="315000017"]')).toBeTruthy();
  });

  it('shows no such list while Altinn has nothing the list lacks', async () => {
    renderWithProviders(<ClientsPage />, {
      'profiles.list': profiles(firm),
      'firm.clients': ok(view([client('910000017', 'Fjellstue AS', 'delegated')])),
    });
    await screen.findByTestId('client-list');
    expect(screen.queryByTestId('altinn-only')).toBeNull();
  });

  it('sends the firm to the setup while the agent systembruker is not approved', async () => {
    renderWithProviders(<ClientsPage />, {
      'profiles.list': profiles(firm),
      'firm.clients': ok(view([], { agentSystemUserId: null, clientAdminUrl: null })),
    });
    expect(await screen.findByRole('link', { name: 'Til oppsettet' })).toBeTruthy();
    expect(screen.queryByTestId('open-client-admin')).toBeNull();
  });

  it('tells a business serving only itself that it has no clients, without asking main for any', async () => {
    const { invoke } = renderWithProviders(<ClientsPage />, {
      'profiles.list': profiles({ ...firm, kind: 'business' }),
    });
    expect(await screen.findByText('Den aktive profilen rapporterer for seg selv og har ingen klienter.')).toBeTruthy();
    expect(invoke).not.toHaveBeenCalledWith('firm.clients', expect.anything());
  });
});
