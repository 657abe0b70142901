import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfirmSendAction } from '../../../renderer/components/outbox/ConfirmSendAction';
import { SubmitPreviewSchema, type SubmitPreview } from '../../../shared/outbox/outbox-views';
import { renderWithProviders } from '../render-with-providers';

const ID = '0b7a2d8e-1c1e-4f53-9d2a-7f0e1a2b3c4d';

// jsdom has <dialog> but not its modal methods, which Designsystemet's Dialog calls: open it as an attribute.
beforeAll(() => {
  const proto = HTMLDialogElement.prototype as { showModal?: () => void; close?: () => void };
  proto.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

/** What main answers for a tredjepart draft whose melding the outbox already holds (duplicate-key.ts). */
const preview = (existing: SubmitPreview['existing']): SubmitPreview =>
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
  });

const held = (state: 'received' | 'sending') => ({
  id: ID,
  idempotencyKey: '6f1c1d0e-2b1a-4c3d-8e9f-0a1b2c3d4e5f',
  payloadSha256: 'b'.repeat(64),
  payloadBytes: 900,
  label: 'Boligselskap (RF-1139) 2025 (314259521)',
  target: preview(null).target,
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

describe('the send confirmation', () => {
  it('says a report Skatteetaten has is already sent, with the date and the receipt, and offers no Send', async () => {
    const mutate = renderAction(preview(held('received')));
    await userEvent.click(screen.getByTestId('send'));
    const note = await screen.findByTestId('already-sent');
    expect(within(note).getByRole('heading', { name: 'Allerede sendt' })).toBeInTheDocument();
    expect(note).toHaveTextContent(/Skatteetaten mottok denne rapporten 20\. jan\. 2026.*kvittering forsendelse-1/);
    expect(screen.queryByTestId('confirm')).toBeNull();
    expect(mutate).not.toHaveBeenCalled();
  });

  it('says one still on its way is already in the outbox', async () => {
    renderAction(preview(held('sending')));
    await userEvent.click(screen.getByTestId('send'));
    const note = await screen.findByTestId('already-sent');
    expect(note).toHaveAttribute('data-state', 'sending');
    expect(note).toHaveTextContent('Denne rapporten er allerede i utboksen (Sendes) siden');
    expect(screen.queryByTestId('confirm')).toBeNull();
  });

  it('offers Send when nothing holds the report', async () => {
    renderAction(preview(null));
    await userEvent.click(screen.getByTestId('send'));
    expect(await screen.findByTestId('confirm')).toBeInTheDocument();
    expect(screen.queryByTestId('already-sent')).toBeNull();
  });
});
