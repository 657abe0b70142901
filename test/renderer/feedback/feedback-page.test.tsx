import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Route, Routes } from 'react-router';
import { FeedbackPage } from '../../../renderer/routes/FeedbackPage';
import { interpretFeedbackDocument } from '../../../shared/feedback/interpret-feedback';
import {
  FeedbackItemSchema,
  FeedbackListSchema,
  FeedbackStatusSchema,
  type FeedbackItem,
} from '../../../shared/feedback/feedback-overview';
import { renderWithProviders } from '../render-with-providers';
import { TILBAKEMELDING_WITH_DEVIATIONS } from '../../fixtures/feedback/amelding-tilbakemelding';

const TILBAKEMELDING = JSON.stringify(TILBAKEMELDING_WITH_DEVIATIONS);

const summary = {
  dialogId: 'd-1',
  serviceId: 'a-melding' as const,
  serviceResource: 'urn:altinn:resource:ske-innrapportering-amelding',
  title: 'A-melding 2026-02',
  orgNumber: '974761076',
  period: '2026-02',
  status: 'Completed',
  extendedStatus: 'MOTTATT',
  outcome: 'received-with-deviations' as const,
  headline: { nb: 'Mottatt med 2 avvik', en: 'Received with 2 deviations' },
  deviations: 2,
  receivedAt: '2026-03-02T08:01:00.000Z',
  link: { kind: 'made-elsewhere' as const },
  unread: true,
  feedbackCount: 1,
};

const item: FeedbackItem = FeedbackItemSchema.parse({
  summary,
  dialog: {
    id: 'd-1',
    party: 'urn:altinn:organization:identifier-no:974761076',
    serviceResource: summary.serviceResource,
    status: 'Completed',
    extendedStatus: 'MOTTATT',
    externalReference: 'M-2026-02',
    title: 'A-melding 2026-02',
    summary: null,
    createdAt: '2026-03-02T08:00:00.000Z',
    updatedAt: '2026-03-02T08:01:00.000Z',
    transmissions: [],
  },
  feedback: [
    {
      transmission: {
        id: 't-1',
        createdAt: '2026-03-02T08:01:00.000Z',
        type: 'Acceptance',
        sender: 'ServiceOwner',
        // As the sandbox titles it (main/sandbox/skatteetaten/amelding-routes.ts): the month as Dialogporten has it.
        title: 'A-melding 2026-02: mottatt med avvik',
        summary: null,
        relatedTransmissionId: null,
        isAuthorized: true,
        attachments: [{ id: 'a-1', displayName: 'Tilbakemelding.json', urls: [] }],
      },
      documents: [
        {
          attachmentId: 'a-1',
          name: 'Tilbakemelding.json',
          mediaType: 'application/json',
          bytes: TILBAKEMELDING.length,
          fetchedAt: '2026-03-02T08:01:05.000Z',
          view: interpretFeedbackDocument(TILBAKEMELDING, 'application/json'),
        },
      ],
      pendingAttachments: [],
    },
  ],
});

const ready = FeedbackStatusSchema.parse({
  state: 'ready',
  profileId: 'p-1',
  poller: {
    state: 'waiting',
    nextPollAt: '2026-03-02T08:03:00.000Z',
    lastSyncAt: '2026-03-02T08:01:00.000Z',
    lastError: null,
  },
  unread: 1,
});

function renderPage(route: string, extra: Parameters<typeof renderWithProviders>[1] = {}) {
  return renderWithProviders(
    <Routes>
      <Route path="/feedback" element={<FeedbackPage />} />
      <Route path="/setup" element={<p>Oppsett-siden</p>} />
    </Routes>,
    {
      'feedback.status': () => ({ ok: true, value: ready }),
      'feedback.list': () => ({ ok: true, value: FeedbackListSchema.parse({ items: [summary], unread: 1 }) }),
      'feedback.get': () => ({ ok: true, value: item }),
      'feedback.markRead': () => ({ ok: true, value: { unread: 0 } }),
      'feedback.downloadDocument': () => ({ ok: true, value: { path: '/home/a/Tilbakemelding.json' } }),
      'clipboard.copy': () => ({ ok: true, value: { copied: true } }),
      ...extra,
    },
    { route },
  );
}

describe('the Feedback page', () => {
  it('says which a-melding a replacement replaces', async () => {
    const link = {
      kind: 'linked' as const,
      submissionId: 's-2',
      by: 'dialogId' as const,
      replaces: { submissionId: 's-1', meldingsId: 'M-2026-02-original' },
    };
    renderPage('/feedback?item=d-1', {
      'feedback.get': () => ({ ok: true, value: { ...item, summary: { ...item.summary, link } } }),
    });
    expect((await screen.findByTestId('feedback-detail-replaces')).textContent).toBe(
      'Meldingen erstatter a-meldingen M-2026-02-original (innsending s-1).',
    );
    // The submission's id is a technical detail, not part of the sentence.
    expect(screen.getByTestId('feedback-detail-origin').textContent).toBe('Svar på en innsending fra Innsender.');
    expect(screen.getByTestId('feedback-detail-technical').textContent).toContain('s-2');
  });

  it('lists feedback with service, period, status and origin, and opens an item', async () => {
    const { invoke } = renderPage('/feedback');
    const row = await screen.findByTestId('feedback-row');
    expect(within(row).getByText('A-melding')).toBeTruthy();
    expect(within(row).getByText('februar 2026')).toBeTruthy();
    expect(within(row).getByText('Mottatt med avvik')).toBeTruthy();
    expect(within(row).getByText('2 avvik', { exact: false })).toBeTruthy();
    expect(within(row).getByText('Sendt utenfor Innsender')).toBeTruthy();
    expect(within(row).getByTestId('feedback-unread').textContent).toBe('Ny');
    expect(screen.getByTestId('feedback-sync-state').textContent).toBe('Henter automatisk');

    // Dialogporten's title 'A-melding 2026-02' with the month in words.
    await userEvent.click(within(row).getByRole('button', { name: 'Åpne A-melding februar 2026' }));
    await screen.findByTestId('feedback-detail');
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('feedback.markRead', { dialogId: 'd-1' }));
  });

  it('renders the a-melding tilbakemelding: deviations by severity with the person and employment, and the amounts', async () => {
    const { invoke } = renderPage('/feedback?item=d-1');
    const view = await screen.findByTestId('feedback-view');
    expect(view.dataset.outcome).toBe('received-with-deviations');
    // The headline names the month in words, once, not 'A-melding 2026-02 · februar 2026'.
    expect(within(screen.getByTestId('feedback-detail')).getByRole('heading', { level: 2 }).textContent).toBe(
      'A-melding februar 2026',
    );

    // The transmission's title names the month in words too, as the headline above it does.
    expect(within(screen.getByTestId('feedback-entry')).getByRole('heading', { level: 3 }).textContent).toBe(
      'A-melding februar 2026: mottatt med avvik',
    );

    const groups = screen.getAllByTestId('deviation-group');
    expect(groups.map((g) => g.dataset.severity)).toEqual(['immediate', 'guideline']);
    const immediate = within(groups[0]!);
    expect(immediate.getByText('Sluttdato før startdato', { exact: false })).toBeTruthy();
    expect(immediate.getByText('Kari Nordmann, 010190 *****, ansattnr. 17')).toBeTruthy();
    expect(immediate.getByText('AF-1')).toBeTruthy();
    expect(within(groups[1]!).getByText('Avvikskode 181E')).toBeTruthy();
    expect(document.body.textContent).not.toContain('01019012345');

    const totals = screen.getByTestId('feedback-period-totals');
    expect(totals.textContent).toMatch(/arbeidsgiveravgift.*14\s100 kr/i);
    expect(totals.textContent).toMatch(/forskuddstrekk.*30\s000 kr/i);
    expect(screen.getByTestId('feedback-payment').textContent).toContain('9747610762202602');
    expect(screen.getByTestId('feedback-unconfirmed').textContent).toContain('ikke publisert det nøyaktige formatet');
    expect(screen.getByTestId('feedback-detail-origin').textContent).toContain('utenfor Innsender');

    await userEvent.click(screen.getByTestId('feedback-download'));
    expect((await screen.findByTestId('feedback-downloaded')).textContent).toBe('Lagret i /home/a/Tilbakemelding.json');
    expect(invoke).toHaveBeenCalledWith('feedback.downloadDocument', { transmissionId: 't-1', attachmentId: 'a-1' });
  });

  it('reads as a letter: the outcome, then what to pay with copy buttons, then deviations; ids as technical details', async () => {
    const { invoke } = renderPage('/feedback?item=d-1');
    const view = await screen.findByTestId('feedback-view');
    const payment = screen.getByTestId('feedback-payment');
    // The outcome sentence, then the payment card, then the deviations, then the deliveries.
    const order = [
      within(view).getByText(/^A-meldingen er mottatt/),
      payment,
      screen.getByTestId('feedback-deviations'),
      screen.getAllByTestId('feedback-delivery')[0]!,
    ];
    order.slice(1).forEach((el, i) => {
      expect(order[i]!.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    });
    expect(within(payment).getByRole('heading', { name: 'Dette skal betales for februar 2026' })).toBeTruthy();
    const lines = within(payment).getAllByTestId('feedback-pay-line');
    expect(lines[0]!.textContent).toMatch(/^Forskuddstrekk30 000 krKopier.*KID 9747610762202602Kopier/);
    expect(lines[1]!.textContent).toMatch(/^Arbeidsgiveravgift14 100 krKopier.*KID 9747610761202602Kopier/);
    expect(payment.textContent).toContain('6345.06.18820');
    expect(payment.textContent).toContain('16. mars 2026');

    await userEvent.click(within(payment).getByRole('button', { name: 'Kopier KID for forskuddstrekk' }));
    expect(invoke).toHaveBeenCalledWith('clipboard.copy', { text: '9747610762202602' });
    await userEvent.click(within(payment).getByRole('button', { name: 'Kopier Kontonummer' }));
    expect(invoke).toHaveBeenCalledWith('clipboard.copy', { text: '63450618820' });
    await userEvent.click(within(payment).getByRole('button', { name: 'Kopier Forskuddstrekk, beløp' }));
    expect(invoke).toHaveBeenCalledWith('clipboard.copy', { text: '30000' });
    expect(await within(payment).findByRole('button', { name: 'Kopiert Forskuddstrekk, beløp' })).toBeTruthy();

    // Statuses in words; Skatteetaten's raw values and ids only under technical details.
    expect(screen.getAllByTestId('feedback-delivery')[0]!.textContent).toContain('Mottatt');
    const technical = screen.getByTestId('feedback-detail-technical');
    expect(document.body.textContent!.replace(technical.textContent!, '')).not.toMatch(/MOTTATT|Acceptance/);
    expect(technical.textContent).toContain('MOTTATT');
    expect(within(technical).getByText('Tekniske detaljer')).toBeTruthy();
    expect(technical.textContent).toContain('d-1');
  });

  it('says what to finish in Oppsett when the profile cannot fetch feedback yet', async () => {
    renderPage('/feedback', {
      'feedback.status': () => ({
        ok: true,
        value: {
          state: 'not-ready',
          reason: 'setup-incomplete',
          missingStep: 'request',
          message: { nb: 'Få systembrukeren godkjent (steg 4) under Oppsett.', en: 'Get it approved.' },
        },
      }),
    });
    const alert = await screen.findByTestId('feedback-not-ready');
    expect(alert.textContent).toContain('Få systembrukeren godkjent (steg 4) under Oppsett.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Gå til Oppsett' }));
    await screen.findByText('Oppsett-siden');
  });

  it('shows the empty state when nothing has come yet', async () => {
    renderPage('/feedback', { 'feedback.list': () => ({ ok: true, value: { items: [], unread: 0 } }) });
    await screen.findByText('Ingen tilbakemeldinger ennå');
  });
});
