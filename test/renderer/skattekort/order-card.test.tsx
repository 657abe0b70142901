import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OrderCard } from '../../../renderer/components/skattekort/OrderCard';
import { SkattekortOrderViewSchema } from '../../../shared/skattekort/skattekort-views';
import { renderWithProviders } from '../render-with-providers';

const order = SkattekortOrderViewSchema.parse({
  submission: {
    id: '0f6b7c7e-58d4-4f4e-9d55-3a1f3c1d2e01',
    idempotencyKey: 'a3c1e0d2-5b6f-4a7e-8c9d-0e1f2a3b4c5d',
    payloadSha256: 'b'.repeat(64),
    payloadBytes: 300,
    // The stored label is bokmål for the audit log; the card's headline is not read from it.
    label: 'Skattekort 2026 (2 arbeidstakere)',
    target: {
      service: 'skattekort-til-arbeidsgiver',
      inntektsaar: '2026',
      arbeidsgiver: '211785462',
      bestillingstype: 'HENT_ALLE_OPPGITTE',
      arbeidstakere: 2,
    },
    createdAt: '2026-02-03T09:00:00.000Z',
    updatedAt: '2026-02-03T09:00:00.000Z',
    attempts: 0,
    checkpoint: {},
    state: { kind: 'queued', since: '2026-02-03T09:00:00.000Z' },
  },
  answer: { kind: 'not-ordered' },
});

describe('a skattekort order card', () => {
  it('is headed in the UI language, not by the stored bokmål label', () => {
    renderWithProviders(
      <ul>
        <OrderCard order={order} />
      </ul>,
      {},
      { language: 'en' },
    );
    const card = screen.getByTestId('skattekort-order');
    expect(within(card).getByRole('heading', { level: 3 }).textContent).toBe('Tax card order for 2026, 2 employees');
    expect(card.textContent).not.toContain('arbeidstakere');
  });
});
