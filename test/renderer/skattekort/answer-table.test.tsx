import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AnswerTable } from '../../../renderer/components/skattekort/AnswerTable';
import { EmployeeCardSchema } from '../../../shared/skattekort/answer';
import { renderWithProviders } from '../render-with-providers';

const card = EmployeeCardSchema.parse({
  arbeidstakeridentifikator: '08842199736',
  arbeidsgiver: '211785462',
  inntektsaar: '2026',
  resultatForSkattekort: 'skattekortopplysningerOK',
  resultatKnown: true,
  result: { nb: 'Skattekort funnet', en: 'Tax card found' },
  utstedtDato: '2026-01-02',
  trekk: [
    {
      trekkode: 'pensjon',
      kind: 'trekkprosent',
      prosentsats: 30,
      antallMaanederForTrekk: 1,
      withhold: { nb: 'Trekk 30 %.', en: 'Withhold 30 %.' },
    },
    {
      trekkode: 'loennFraBiarbeidsgiver',
      kind: 'trekktabell',
      tabellnummer: '8184',
      antallMaanederForTrekk: 10.5,
      withhold: { nb: 'Trekk etter tabell 8184.', en: 'Withhold by table 8184.' },
    },
    {
      trekkode: 'loennFraHovedarbeidsgiver',
      kind: 'frikort',
      frikortbeloep: 60000,
      withhold: { nb: 'Ikke trekk før 60 000 kr.', en: 'No withholding before 60,000 kr.' },
    },
  ],
  tilleggsopplysning: [],
  notes: [],
  withhold: { nb: 'Ikke trekk før 60 000 kr.', en: 'No withholding before 60,000 kr.' },
});

describe("Skatteetaten's skattekort answer", () => {
  it('gives the issue date in words and the frikort amount as grouped kroner', () => {
    renderWithProviders(<AnswerTable cards={[card]} />);
    const table = screen.getByTestId('answer-table');
    expect(table.textContent).toContain('2. januar 2026');
    expect(table.textContent).not.toContain('2026-01-02');
    expect(table.textContent).toContain('Frikort 60 000 kr');
    // A count of months is pluralised, and a half month keeps its decimal comma.
    expect(table.textContent).toContain('30\u00a0% · 1 måned');
    expect(table.textContent).toContain('Tabell 8184 · 10,5 måneder');
  });

  it('in English too', () => {
    renderWithProviders(<AnswerTable cards={[card]} />, {}, { language: 'en' });
    const table = screen.getByTestId('answer-table');
    expect(table.textContent).toContain('2 January 2026');
    expect(table.textContent).toContain('Tax-free card 60,000 kr');
    expect(table.textContent).toContain('30\u00a0% · 1 month');
    expect(table.textContent).toContain('10.5 months');
  });
});
