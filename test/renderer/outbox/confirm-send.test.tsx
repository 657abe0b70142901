import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmSendAction, type SendPreviewQuery } from '../../../renderer/components/outbox/ConfirmSendAction';
import { SubmitPreviewSchema, type SubmitPreview } from '../../../shared/outbox/outbox-views';
import type { ReportSubstance } from '../../../shared/outbox/report-substance';
import { renderWithProviders } from '../render-with-providers';

function preview(substance: ReportSubstance, environment: SubmitPreview['environment'] = 'sandbox'): SubmitPreview {
  return SubmitPreviewSchema.parse({
    draftId: 'c'.repeat(32),
    label: 'A-melding 2026-01 (6065697390f04e939e8e9cf48d812be2)',
    target: {
      service: 'a-melding',
      kalendermaaned: '2026-01',
      opplysningspliktig: '974761076',
      meldingsId: '6065697390f04e939e8e9cf48d812be2',
    },
    payloadBytes: 12594,
    payloadSha256: 'b'.repeat(64),
    profile: { displayName: 'Fjellstue AS', orgNumber: '974761076' },
    environment,
    destination: 'http://127.0.0.1:41234/skatteetaten/innrapporteringamelding/v1',
    existing: null,
    substance,
  });
}

async function openDialog(data: SubmitPreview, language: 'nb' | 'en' = 'nb') {
  const query: SendPreviewQuery = { isPending: false, error: null, data };
  const submit = { isSuccess: false, isPending: false, error: null, mutate: vi.fn() };
  renderWithProviders(
    <ConfirmSendAction
      draftId={data.draftId}
      usePreview={() => query}
      useSubmit={() => submit}
      testIds={{ send: 'send', dialog: 'dialog', confirm: 'confirm', sent: 'sent' }}
    />,
    {},
    { language },
  );
  await userEvent.click(screen.getByTestId('send'));
  const dialog = screen.getByTestId('dialog');
  const fact = (label: string) =>
    within(screen.getByTestId('send-preview'))
      .getAllByText(label)
      .find((el) => el.tagName === 'DT')?.nextElementSibling?.textContent;
  return { dialog, fact, submit };
}

const aMelding: ReportSubstance = {
  kind: 'amelding',
  kalendermaaned: '2026-01',
  opplysningspliktig: '974761076',
  inntektsmottakere: 12,
  inntekt: '675914.5',
  forskuddstrekk: 201300,
  arbeidsgiveravgift: 95304,
};

describe('the send confirmation', () => {
  it('leads with the period, the people and the totals; bytes, hash and host are technical details', async () => {
    const { dialog, fact } = await openDialog(preview(aMelding));
    expect(fact('Periode')).toBe('januar 2026');
    expect(fact('Virksomhet')).toBe('Fjellstue AS (974 761 076)');
    expect(fact('Inntektsmottakere')).toBe('12');
    expect(fact('Samlet inntekt')).toBe('675 914,50 kr');
    expect(fact('Forskuddstrekk')).toBe('201 300 kr');
    expect(fact('Arbeidsgiveravgift')).toBe('95 304 kr');
    expect(fact('Miljø')).toBe('Sandkasse – ingenting sendes til Skatteetaten');
    const preview_ = screen.getByTestId('send-preview');
    expect(preview_.textContent).not.toMatch(/127\.0\.0\.1|bbbb|6065697390f04e/);

    const details = screen.getByTestId('send-technical-details');
    expect(within(details).getByText('Tekniske detaljer')).toBeInTheDocument();
    const technical = within(screen.getByTestId('send-technical'));
    expect(technical.getByText('6065697390f04e939e8e9cf48d812be2')).toBeInTheDocument();
    expect(technical.getByText('12 594 byte')).toBeInTheDocument();
    expect(technical.getByText('b'.repeat(64))).toBeInTheDocument();

    // The buttons live in their own footer block, outside the scrolling body.
    const footer = within(dialog).getByTestId('confirm').closest('.outbox-preview__footer');
    expect(footer).not.toBeNull();
    expect(footer!.contains(within(dialog).getByRole('button', { name: 'Avbryt' }))).toBe(true);
    expect(dialog.querySelector('.outbox-preview__body')!.contains(footer)).toBe(false);
  });

  it('shows an RF-1086 as company, year, shareholders, shares and dividend, in English too', async () => {
    const { fact } = await openDialog(
      preview(
        {
          kind: 'rf1086',
          selskap: { organisasjonsnummer: '314259521', navn: 'Fjellstue AS' },
          inntektsaar: '2025',
          aksjonaerer: 1,
          aksjer: 1000,
          utbytte: '50000',
        },
        'production',
      ),
      'en',
    );
    expect(fact('Company')).toBe('Fjellstue AS, 314 259 521');
    expect(fact('Income year')).toBe('2025');
    expect(fact('Shareholders')).toBe('1');
    expect(fact('Shares at 31 December')).toBe('1,000');
    expect(fact('Dividend')).toBe('50,000 kr');
    expect(fact('Environment')).toBe('Production – a real report to Skatteetaten');
    expect(screen.getByTestId('production-warning')).toBeInTheDocument();
    expect(screen.getByTestId('confirm').textContent).toBe('Send to production');
  });
});

const ID = '0b7a2d8e-1c1e-4f53-9d2a-7f0e1a2b3c4d';

/** What main answers for a tredjepart draft whose melding the outbox already holds (duplicate-key.ts). */
const tredjepartPreview = (existing: SubmitPreview['existing']): SubmitPreview =>
  SubmitPreviewSchema.parse({
    draftId: 'a'.repeat(32),
    label: 'Boligselskap (RF-1139) 2025 (314259521)',
    target: {
      service: 'tredjepart',
      scheme: 'boligselskap',
      inntektsaar: '2025',
      oppgavegiver: '314259521',
      antallOppgaver: 2,
      leveransereferanse: 'Borettslag-2025-1',
    },
    payloadBytes: 900,
    payloadSha256: 'b'.repeat(64),
    profile: { displayName: 'Fjellstue AS', orgNumber: '314259521' },
    environment: 'sandbox',
    destination: 'http://127.0.0.1:1/skatteetaten/innrapporteringboligselskap/v1/2025',
    existing,
    substance: null,
  });

const held = (state: 'received' | 'sending') => ({
  id: ID,
  idempotencyKey: '6f1c1d0e-2b1a-4c3d-8e9f-0a1b2c3d4e5f',
  payloadSha256: 'b'.repeat(64),
  payloadBytes: 900,
  label: 'Boligselskap (RF-1139) 2025 (314259521)',
  target: tredjepartPreview(null).target,
  createdAt: '2026-01-20T09:00:00.000Z',
  updatedAt: '2026-01-20T09:01:00.000Z',
  attempts: 1,
  checkpoint: {},
  state:
    state === 'received'
      ? {
          kind: 'received' as const,
          at: '2026-01-20T09:01:00.000Z',
          receipt: { dialogId: 'dialog-1', forsendelseId: 'forsendelse-1' },
        }
      : { kind: 'sending' as const, since: '2026-01-20T09:00:30.000Z', attempt: 1 },
});

function renderAction(data: SubmitPreview) {
  const mutate = vi.fn();
  renderWithProviders(
    <ConfirmSendAction
      draftId={data.draftId}
      usePreview={(id) => ({ isPending: false, error: null, data: id ? data : undefined })}
      useSubmit={() => ({ isSuccess: false, isPending: false, error: null, mutate })}
      testIds={{ send: 'send', dialog: 'dialog', confirm: 'confirm', sent: 'sent' }}
    />,
  );
  return mutate;
}

describe('the send confirmation of a report the outbox already holds', () => {
  it('says a report Skatteetaten has is already sent, with the date and the receipt, and offers no Send', async () => {
    const mutate = renderAction(tredjepartPreview(held('received')));
    await userEvent.click(screen.getByTestId('send'));
    const note = await screen.findByTestId('already-sent');
    expect(within(note).getByRole('heading', { name: 'Allerede sendt' })).toBeInTheDocument();
    expect(note).toHaveTextContent(
      /Skatteetaten mottok denne rapporten 20\. januar 2026 kl\. 10:01, kvittering forsendelse-1\. /,
    );
    // The note stands on this very report: the outbox's stored label (a raw org number, bokmål) is not repeated.
    expect(note.textContent).not.toContain('314259521');
    expect(screen.queryByTestId('confirm')).toBeNull();
    expect(mutate).not.toHaveBeenCalled();
  });

  it('says one still on its way is already in the outbox', async () => {
    renderAction(tredjepartPreview(held('sending')));
    await userEvent.click(screen.getByTestId('send'));
    const note = await screen.findByTestId('already-sent');
    expect(note).toHaveAttribute('data-state', 'sending');
    expect(note).toHaveTextContent(
      /^Allerede i utboksenDenne rapporten er allerede i utboksen \(Sendes\) siden 20\. januar 2026 kl\. 10:00\. Den sendes bare én gang\./,
    );
    expect(screen.queryByTestId('confirm')).toBeNull();
  });

  it('offers Send when nothing holds the report', async () => {
    renderAction(tredjepartPreview(null));
    await userEvent.click(screen.getByTestId('send'));
    expect(await screen.findByTestId('confirm')).toBeInTheDocument();
    expect(screen.queryByTestId('already-sent')).toBeNull();
  });
});
