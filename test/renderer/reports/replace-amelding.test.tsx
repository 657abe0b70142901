import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ReportsPage } from '../../../renderer/routes/ReportsPage';
import { renderWithProviders } from '../render-with-providers';

const PROFILE_ID = '0b6f3b8e-3a49-4a8e-9b2f-1f6e2f7d1c11';
const SUBMISSION_ID = '0f6b7c7e-58d4-4f4e-9d55-3a1f3c1d2e01';
const profile = {
  id: PROFILE_ID,
  orgNumber: '211785462',
  displayName: 'Eksempel AS',
  environment: 'sandbox',
  createdAt: '2026-11-23T09:00:00.000Z',
};

describe('the Reports page, opened from "Erstatt" on a received a-melding', () => {
  it('says which melding is replaced, and sends the picked file as its replacement', async () => {
    const { invoke } = renderWithProviders(
      <ReportsPage />,
      {
        'profiles.list': () => ({ ok: true, value: { profiles: [profile], activeProfileId: PROFILE_ID, notices: [] } }),
        'reports.listDrafts': () => ({ ok: true, value: { drafts: [] } }),
        'outbox.list': () => ({ ok: true, value: { submissions: [] } }),
        'reports.replaceAMelding': () => ({ ok: true, value: { checks: [] } }),
      },
      { route: `/reports?erstatt=${SUBMISSION_ID}` },
    );
    const note = await screen.findByTestId('replacing');
    within(note).getByRole('heading', { name: `Erstatter ${SUBMISSION_ID}` });
    // The page is made again once the profile is known (its drafts and rules are the profile's): pick after that.
    await screen.findByText(/Kontrolleres for Eksempel AS/);
    await userEvent.click(screen.getByTestId('pick-files'));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('reports.replaceAMelding', { submissionId: SUBMISSION_ID }),
    );
    expect(invoke.mock.calls.map(([channel]) => channel)).not.toContain('reports.pick');
  });
});
