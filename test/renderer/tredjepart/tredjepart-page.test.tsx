import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TredjepartPage } from '../../../renderer/routes/TredjepartPage';
import { checkMeldingText } from '../../../shared/tredjepart/check-melding';
import type { TredjepartCheckResult } from '../../../shared/tredjepart/check-result';
import { renderWithProviders } from '../render-with-providers';

const PROFILE_ID = '0b6f3b8e-3a49-4a8e-9b2f-1f6e2f7d1c11';
const profile = {
  id: PROFILE_ID,
  orgNumber: '974761076',
  displayName: 'Fjellstue AS',
  environment: 'sandbox',
  createdAt: '2026-11-23T09:00:00.000Z',
};
const melding = readFileSync(join(__dirname, '../../fixtures/tredjepart/gavertilfrivillige.json'), 'utf8');

function result(text: string): TredjepartCheckResult {
  const checked = checkMeldingText(text, {
    scheme: 'gavertilfrivillige',
    environment: 'sandbox',
    profileOrg: '974761076',
    today: '2026-03-01',
  });
  return {
    kind: 'tredjepart',
    scheme: 'gavertilfrivillige',
    files: [{ path: '/data/gaver.json', sha256: 'a'.repeat(64), size: text.length }],
    format: 'json',
    valid: checked.valid,
    findings: checked.findings,
    summary: checked.summary,
    checkedAt: '2026-03-01T10:00:00.000Z',
  };
}

/** The page is made again for the active profile once it has loaded: act on that one. */
const loaded = () => screen.findByTestId('tredjepart-rules-for');

describe('the Tredjepart page', () => {
  const answers = (checked: TredjepartCheckResult) => ({
    'profiles.list': () => ({ ok: true, value: { profiles: [profile], activeProfileId: PROFILE_ID, notices: [] } }),
    'tredjepart.listDrafts': () => ({ ok: true, value: { drafts: [] } }),
    'tredjepart.pick': () => ({ ok: true, value: { check: { checkId: 'c'.repeat(32), result: checked } } }),
  });

  it('picks a file for the chosen scheme and shows the verdict, the sums and nothing to fix', async () => {
    const { invoke } = renderWithProviders(<TredjepartPage />, answers(result(melding)));
    await loaded();
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Ordning' }), 'gavertilfrivillige');
    await userEvent.click(screen.getByRole('button', { name: 'Velg fil …' }));
    const section = await screen.findByTestId('tredjepart-result');
    expect(invoke).toHaveBeenCalledWith('tredjepart.pick', { scheme: 'gavertilfrivillige', inntektsaar: '2025' });
    expect(within(section).getByRole('heading', { level: 3, name: 'Klar til innsending' })).toBeTruthy();
    expect(within(screen.getByTestId('tredjepart-summary')).getByText('10 000,50 kr')).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Lagre som utkast' }).getAttribute('data-variant')).toBe(
      'primary',
    );
  });

  it('lists each finding with its code and path when the file has errors', async () => {
    const broken = melding.replace('"10000.50"', '"1"');
    renderWithProviders(<TredjepartPage />, answers(result(broken)));
    await loaded();
    await userEvent.click(await screen.findByRole('button', { name: 'Velg fil …' }));
    const section = await screen.findByTestId('tredjepart-result');
    expect(section.getAttribute('data-valid')).toBe('false');
    expect(within(section).getByText('Kode for brukerstøtte: TREDJEPART_SUM_MISMATCH')).toBeTruthy();
    expect(within(section).getByTestId('error-summary')).toBeTruthy();
    // With errors there is no primary "save": fixing comes first.
    const save = within(section).getByRole('button', { name: 'Lagre som utkast likevel' });
    expect(save.getAttribute('data-variant')).toBe('secondary');
    expect(within(section).getByText(/leveranse\/oppgaveoppsummering\/sumBeloep/)).toBeTruthy();
    // What to fix leads; the file's contents come after the findings and the actions.
    const order = [
      within(section).getByTestId('error-summary'),
      save,
      within(section).getByTestId('tredjepart-summary'),
    ];
    expect(order[0]!.compareDocumentPosition(order[1]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(order[1]!.compareDocumentPosition(order[2]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // Advice for a tredjepart file names the system or spreadsheet that made it, not payroll.
    expect(section.textContent).toContain('Rett oppsummeringen i systemet eller regnearket som laget filen');
  });

  it('refuses a year that is not four digits before anything is sent', async () => {
    renderWithProviders(<TredjepartPage />, answers(result(melding)));
    await loaded();
    const year = await screen.findByRole('textbox', { name: /Inntektsår/ });
    await userEvent.clear(year);
    await userEvent.type(year, '25');
    expect(await screen.findByText('Skriv et årstall med fire siffer.')).toBeTruthy();
  });
});
