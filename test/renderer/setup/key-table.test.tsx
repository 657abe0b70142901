import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { KeyTable } from '../../../renderer/components/setup/KeyTable';
import type { KeyView, SetupOverview } from '../../../shared/domain/setup';
import { renderWithProviders } from '../render-with-providers';

const key = (over: Partial<KeyView>): KeyView => ({
  kid: 'nokkel-1',
  origin: 'generated',
  status: 'active',
  createdAt: '2026-12-07T09:00:00.000Z',
  registeredAt: '2026-12-07T09:00:00.000Z',
  ageDays: 368,
  expiresAt: '2027-12-07T09:00:00.000Z',
  daysLeft: -3,
  publicJwk: { kty: 'RSA', n: 'AQAB', e: 'AQAB', kid: 'nokkel-1', alg: 'RS256', use: 'sig' },
  ...over,
});
/** Only what the key table reads of the overview. */
const overviewWith = (keys: KeyView[]) => ({ keys, environment: 'sandbox' }) as unknown as SetupOverview;

// A key Maskinporten no longer takes (a year after upload, MP-121): the table said "7. desember 2027 (om -3 dager)".
describe('the key table’s expiry column', () => {
  it('says a key has gone out, and when, instead of counting negative days', () => {
    renderWithProviders(<KeyTable overview={overviewWith([key({})])} />);
    const row = screen.getByTestId('key-row');
    expect(row).toHaveTextContent('Gikk ut 7. desember 2027');
    expect(row).not.toHaveTextContent(/-\d+ dag/);
  });

  it('counts the days left for a key that still works', () => {
    renderWithProviders(<KeyTable overview={overviewWith([key({ daysLeft: 16 })])} />);
    expect(screen.getByTestId('key-row')).toHaveTextContent('7. desember 2027 (om 16 dager)');
  });
});
