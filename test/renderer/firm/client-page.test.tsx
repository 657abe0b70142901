import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Route, Routes } from 'react-router';
import { ClientPage } from '../../../renderer/routes/ClientPage';
import type { ClientOverview } from '../../../shared/domain/client-overview';
import { renderWithProviders } from '../render-with-providers';
import { firm, PROFILE_ID } from './firm-profile';

const ORG = '311000004';
const overview: ClientOverview = {
  scope: 'firm',
  profileId: PROFILE_ID,
  today: '2026-12-07',
  rows: [
    {
      orgNumber: ORG,
      name: 'Nordlys Bakeri AS',
      profileId: PROFILE_ID,
      setupReady: true,
      delegation: 'delegated',
      draftsWithErrors: 0,
      inFlight: 0,
      rejected: 1,
      newFeedback: 2,
      overdue: 0,
      nextDeadline: {
        id: 'a-melding:2026-11',
        service: 'a-melding',
        dueDate: '2026-12-07',
        daysLeft: 0,
        status: 'soon',
      },
      attention: ['rejected', 'new-feedback', 'deadline-soon'],
    },
  ],
};

describe('a client’s page, opened from the overview', () => {
  it('colours what needs attention as the overview row does: rejected red, new feedback blue, a deadline amber', async () => {
    renderWithProviders(
      <Routes>
        <Route path="/overview/:org" element={<ClientPage />} />
      </Routes>,
      {
        'profiles.list': () => ({ ok: true, value: { profiles: [firm], activeProfileId: PROFILE_ID, notices: [] } }),
        'firm.overview': () => ({ ok: true, value: overview }),
        'reports.listDrafts': () => ({ ok: true, value: { drafts: [] } }),
        'outbox.list': () => ({ ok: true, value: [] }),
        'feedback.list': () => ({ ok: true, value: { items: [] } }),
      },
      { route: `/overview/${ORG}` },
    );
    await screen.findByRole('heading', { level: 1, name: 'Nordlys Bakeri AS' });
    expect(screen.getByText('Avvist').getAttribute('data-color')).toBe('danger');
    expect(screen.getByText('Ny tilbakemelding').getAttribute('data-color')).toBe('info');
    expect(screen.getByText('Frist snart').getAttribute('data-color')).toBe('warning');
  });
});
