import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FeedbackNavBadge } from '../../../renderer/components/feedback/FeedbackNavBadge';
import { FeedbackStatusSchema } from '../../../shared/feedback/feedback-overview';
import { renderWithProviders } from '../render-with-providers';

const status = (unread: number) =>
  FeedbackStatusSchema.parse({
    state: 'ready',
    profileId: 'p-1',
    poller: { state: 'waiting', nextPollAt: null, lastSyncAt: null, lastError: null },
    unread,
  });

describe('the unread count on the Tilbakemeldinger menu item', () => {
  it.each([
    [1, '1 ulest'],
    [3, '3 uleste'],
  ])('reads %i unread out as «%s»', async (unread, words) => {
    renderWithProviders(<FeedbackNavBadge />, { 'feedback.status': () => ({ ok: true, value: status(unread) }) });
    const badge = await screen.findByTestId('feedback-badge');
    expect(badge.querySelector('.visually-hidden')?.textContent).toBe(words);
  });
});
