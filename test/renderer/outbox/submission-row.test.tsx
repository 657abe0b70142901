import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SubmissionRow } from '../../../renderer/components/outbox/SubmissionRow';
import { SubmissionSchema, type Submission, type SubmissionState } from '../../../shared/outbox/submission';
import { renderWithProviders } from '../render-with-providers';

const ID = '0f6b7c7e-58d4-4f4e-9d55-3a1f3c1d2e01';
const KORRELASJONSID = '7d0c8f6a-1b2c-4d3e-8f90-a1b2c3d4e5f6';

/** A submission as it crosses IPC (parsed by the contract's own schema), in the given state. */
function submission(state: SubmissionState): Submission {
  return SubmissionSchema.parse({
    id: ID,
    idempotencyKey: 'a3c1e0d2-5b6f-4a7e-8c9d-0e1f2a3b4c5d',
    payloadSha256: 'b'.repeat(64),
    payloadBytes: 2594,
    draftId: 'c'.repeat(32),
    label: 'A-melding 2026-01 (melding-1)',
    target: {
      service: 'a-melding',
      kalendermaaned: '2026-01',
      opplysningspliktig: '211785462',
      meldingsId: 'melding-1',
    },
    createdAt: '2026-02-03T09:00:00.000Z',
    updatedAt: '2026-02-03T09:00:01.000Z',
    attempts: 1,
    checkpoint: {},
    state,
  });
}

function renderRow(
  state: SubmissionState,
  progress?: { done: number; total: number; phase: string },
  companyName?: string,
  language: 'nb' | 'en' = 'nb',
) {
  const onCancel = vi.fn();
  const onRetry = vi.fn();
  const view = renderWithProviders(
    <ul>
      <SubmissionRow
        submission={submission(state)}
        progress={progress ? { profileId: 'p', id: ID, ...progress } : undefined}
        onCancel={onCancel}
        onRetry={onRetry}
        companyName={companyName}
      />
    </ul>,
    {},
    { language },
  );
  const row = screen.getByTestId('submission');
  return { ...view, row, onCancel, onRetry };
}

const error = {
  code: 'SKATTEETATEN_AMLD_010',
  message: { nb: 'Innsendingen feilet validering.', en: 'The submission failed validation.' },
  details: ['AMLD_1101 Meldings-ID melding-1 er allerede brukt', `korrelasjonsid ${KORRELASJONSID}`],
  status: 400,
  korrelasjonsid: KORRELASJONSID,
};

describe('one submission in the outbox, in each state', () => {
  it('keeps the card’s padding: its technical details are not the card’s own child', () => {
    // Designsystemet's card.css takes the padding off a Card with a Details as a direct child
    // (`.ds-card:has(>.ds-details) { padding: 0 }`): the headline and the state would touch the card's border.
    const { row } = renderRow({ kind: 'queued', since: '2026-02-03T09:00:00.000Z' });
    expect(row.classList.contains('ds-card')).toBe(true);
    expect(row.querySelector(':scope > .ds-details')).toBeNull();
    expect(within(row).getByTestId('submission-technical').classList.contains('ds-details')).toBe(true);
  });

  it('names the company it is for with its org number, when its name is known (a firm’s client)', () => {
    const { row } = renderRow({ kind: 'queued', since: '2026-02-03T09:00:00.000Z' }, undefined, 'Fjellstue AS');
    expect(row.textContent).toContain('A-melding · Fjellstue AS (211 785 462)');
  });

  it('queued: waits, and can be cancelled', async () => {
    const { row, onCancel } = renderRow({ kind: 'queued', since: '2026-02-03T09:00:00.000Z' });
    expect(row.dataset.state).toBe('queued');
    expect(within(row).getByTestId('submission-state').textContent).toBe('I kø');
    // The headline says what it is; the stored label with the meldingsId is a technical detail.
    within(row).getByRole('heading', { level: 3, name: 'A-melding for januar 2026' });
    const technical = within(row).getByTestId('submission-technical');
    expect(within(technical).getByText('Tekniske detaljer')).toBeInTheDocument();
    expect(within(technical).getByText('A-melding 2026-01 (melding-1)')).toBeInTheDocument();
    expect(row.textContent).toContain('A-melding · 211 785 462');
    expect(row.textContent).toContain('Venter på å bli sendt.');
    await userEvent.click(within(row).getByRole('button', { name: /^Avbryt innsendingen/ }));
    expect(onCancel).toHaveBeenCalledWith(ID);
    expect(within(row).queryByTestId('retry')).toBeNull();
  });

  it('sending: says so, with the progress of a long upload, and offers nothing to press', () => {
    const { row } = renderRow(
      { kind: 'sending', since: '2026-02-03T09:00:00.000Z', attempt: 2 },
      { done: 1, total: 3, phase: 'validation' },
    );
    expect(within(row).getByTestId('submission-state').textContent).toBe('Sendes');
    expect(within(row).getByRole('status').textContent).toBe('Sendes til Skatteetaten nå (forsøk 2).');
    const bar = within(row).getByRole('progressbar', { name: 'Skatteetaten kontrollerer filen: steg 1 av 3' });
    expect(bar.getAttribute('value')).toBe('1');
    expect(within(row).queryAllByRole('button')).toEqual([]);
  });

  it('received: shows the receipt (dialog, forsendelse and meldings id) and the hash of what was sent', () => {
    const { row } = renderRow({
      kind: 'received',
      at: '2026-02-03T09:00:02.000Z',
      receipt: {
        dialogId: '01944b8e-aaaa-7bbb-8ccc-000000000001',
        forsendelseId: 'e2b7c2d4-1111-4222-8333-444455556666',
        meldingsId: 'melding-1',
      },
    });
    expect(within(row).getByTestId('submission-state').textContent).toBe('Mottatt');
    const facts = within(row).getByTestId('receipt-facts');
    const value = (label: string) =>
      [...facts.querySelectorAll('dt')].find((dt) => dt.textContent === label)?.nextElementSibling?.textContent;
    expect(value('Dialog-ID')).toBe('01944b8e-aaaa-7bbb-8ccc-000000000001');
    expect(value('Forsendelses-ID')).toBe('e2b7c2d4-1111-4222-8333-444455556666');
    expect(value('Meldings-ID')).toBe('melding-1');
    expect(value('SHA-256 av det som ble sendt')).toBe('b'.repeat(64));
    expect(within(row).getByTestId('submission-technical').contains(facts)).toBe(true);
    expect(within(row).getByRole('link', { name: 'Se tilbakemeldinger' }).getAttribute('href')).toBe('/feedback');
    // "Erstatt": the Reports page, told which received a-melding the next file replaces.
    expect(within(row).getByTestId('replace').getAttribute('href')).toBe(`/reports?erstatt=${ID}`);
    // Named for a screen reader by the headline too, as the receipt buttons are, not by the stored label.
    expect(within(row).getByTestId('replace').textContent).toBe('Erstatt …: A-melding for januar 2026');
    // No cancel or retry: only the receipt, to save as PDF or print, each naming the submission for a screen reader
    // by its headline (the stored label with the meldingsId stays under technical details).
    expect(
      within(row)
        .queryAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([
      'Lagre kvittering som PDF …: A-melding for januar 2026',
      'Skriv ut kvittering …: A-melding for januar 2026',
    ]);
  });

  it('rejected: the reason in plain words, Skatteetaten’s code and the korrelasjonsid to quote; no retry', () => {
    const { row } = renderRow({ kind: 'rejected', at: '2026-02-03T09:00:02.000Z', error });
    expect(within(row).getByTestId('submission-state').textContent).toBe('Avvist');
    const rejection = within(row).getByTestId('rejection');
    within(rejection).getByRole('heading', { name: 'Skatteetaten avviste innsendingen' });
    expect(rejection.textContent).toContain('Innsendingen feilet validering.');
    // Each specification's code and path (its words are in the message already) is for support: in the card's
    // technical details, not repeated in the alert.
    expect(rejection.textContent).not.toContain('AMLD_1101');
    const technical = within(row).getByTestId('submission-technical');
    expect(within(technical).getByTestId('error-details').textContent).toBe(
      'AMLD_1101 Meldings-ID melding-1 er allerede brukt',
    );
    expect(within(technical).getByText('Skatteetatens spesifisering')).toBeInTheDocument();
    expect(within(rejection).getByTestId('error-codes').textContent).toBe(
      `Kode: SKATTEETATEN_AMLD_010 · Korrelasjons-ID: ${KORRELASJONSID}`,
    );
    // The korrelasjonsid is shown once, not again among the details.
    expect(within(rejection).getAllByText(KORRELASJONSID)).toHaveLength(1);
    expect(rejection.textContent).toContain('Oppgi korrelasjons-ID-en');
    expect(within(row).queryAllByRole('button')).toEqual([]);
  });

  it('failed: why it waits, when it is tried next, and a retry button that works', async () => {
    const { row, onRetry } = renderRow({
      kind: 'failed',
      at: '2026-02-03T09:00:02.000Z',
      error: { code: 'SKATTEETATEN_OFFLINE', message: { nb: 'Fikk ikke kontakt med Skatteetaten.', en: 'x' } },
      reason: 'offline',
      attempt: 3,
      retryAt: '2026-02-03T09:05:00.000Z',
    });
    expect(within(row).getByTestId('submission-state').textContent).toBe('Venter');
    const failure = within(row).getByTestId('failure');
    within(failure).getByRole('heading', { name: /Ingen forbindelse med Skatteetaten\. Ingenting er tapt/ });
    expect(within(failure).getByTestId('next-retry').textContent).toMatch(
      /^Neste forsøk .*2026.* \(forsøk 3 feilet\)\.$/,
    );
    await userEvent.click(within(failure).getByRole('button', { name: /^Prøv igjen nå/ }));
    expect(onRetry).toHaveBeenCalledWith(ID);
    within(failure).getByRole('button', { name: /^Avbryt innsendingen/ });
  });

  it('failed and waiting for the user: no automatic retry time', () => {
    const { row } = renderRow({
      kind: 'failed',
      at: '2026-02-03T09:00:02.000Z',
      error: { code: 'MASKINPORTEN_SYSTEMUSER_NOT_FOUND', message: { nb: 'Systembrukeren finnes ikke.', en: 'x' } },
      reason: 'needs-action',
      attempt: 1,
      retryAt: null,
    });
    expect(within(row).getByTestId('next-retry').textContent).toContain('Sendes ikke av seg selv');
    expect(row.textContent).toContain('Systembrukeren finnes ikke.');
  });

  // Every passing fault was headed "Skatteetaten svarte ikke som ventet", whichever service failed; only the message
  // below named the right one (the codes: main/maskinporten/token-errors.ts, main/outbox/received-lookup.ts,
  // main/skatteetaten/skatteetaten-errors.ts).
  it.each([
    ['MASKINPORTEN_UNAVAILABLE', 'transient', /^Maskinporten, der Innsender logger inn, svarte ikke som ventet\./],
    ['MASKINPORTEN_RATE_LIMITED', 'transient', /^Maskinporten, der Innsender logger inn, ba oss vente litt\./],
    ['MASKINPORTEN_UNREACHABLE', 'offline', /^Ingen forbindelse med Maskinporten, der Innsender logger inn\./],
    ['DIALOGPORTEN_UNAVAILABLE', 'transient', /^Kvitteringen kunne ikke hentes fra Dialogporten ennå\./],
    ['OUTBOX_RECEIVED_NOT_FOUND_YET', 'transient', /^Kvitteringen kunne ikke hentes fra Dialogporten ennå\./],
    ['DIALOGPORTEN_RATE_LIMITED', 'rate-limited', /^Dialogporten ba oss vente litt\./],
    [
      'SKATTEETATEN_UNREADABLE_ANSWER',
      'transient',
      /^Svaret kom ikke fra Skatteetaten, men trolig fra innloggingssiden/,
    ],
    [
      'MASKINPORTEN_UNREADABLE_ANSWER',
      'transient',
      /^Svaret kom ikke fra Skatteetaten, men trolig fra innloggingssiden/,
    ],
    ['SKATTEETATEN_UNAVAILABLE', 'transient', /^Skatteetaten svarte ikke som ventet\./],
  ] as const)('failed by %s (%s): the heading names the cause', (code, reason, heading) => {
    const { row } = renderRow({
      kind: 'failed',
      at: '2026-02-03T09:00:02.000Z',
      error: { code, message: { nb: 'Forklaringen.', en: 'The explanation.' } },
      reason,
      attempt: 1,
      retryAt: '2026-02-03T09:05:00.000Z',
    });
    const failure = within(row).getByTestId('failure');
    expect(within(failure).getByRole('heading', { level: 4 }).textContent).toMatch(heading);
  });

  // A firm's client taken off its systembruker in Altinn after its report was queued (main/firm/client-refusal.ts)
  // was headed "Innsendingen venter på deg: noe i oppsettet må rettes", as if the firm's own setup were wrong.
  it.each([
    ['nb', 'Fjellstue AS (211 785 462) er ikke lenger lagt til på kontorets systembruker i Altinn'],
    ['en', "Fjellstue AS (211 785 462) is no longer attached to the firm's systembruker in Altinn"],
  ] as const)(
    'a client whose delegation was withdrawn (%s): the heading names the client and the delegation',
    (language, heading) => {
      const { row } = renderRow(
        {
          kind: 'failed',
          at: '2026-02-03T09:00:02.000Z',
          error: {
            code: 'FIRM_CLIENT_DELEGATION_REMOVED',
            message: { nb: 'Be klientadministrator legge klienten til igjen.', en: 'Ask the klientadministrator.' },
            details: ['AMLD_005 Ikke tilgang', 'AMLD_1015 Systembrukeren er ikke autorisert for 211785462'],
            status: 403,
          },
          reason: 'needs-action',
          attempt: 1,
          retryAt: null,
        },
        undefined,
        'Fjellstue AS',
        language,
      );
      const failure = within(row).getByTestId('failure');
      expect(within(failure).getByRole('heading', { level: 4 }).textContent).toBe(heading);
      expect(failure.textContent).not.toContain('oppsettet må rettes');
    },
  );

  it('failed by Maskinporten in English: the heading names Maskinporten', () => {
    const { row } = renderRow(
      {
        kind: 'failed',
        at: '2026-02-03T09:00:02.000Z',
        error: { code: 'MASKINPORTEN_UNAVAILABLE', message: { nb: 'Forklaringen.', en: 'The explanation.' } },
        reason: 'transient',
        attempt: 1,
        retryAt: '2026-02-03T09:05:00.000Z',
      },
      undefined,
      undefined,
      'en',
    );
    expect(within(row).getByRole('heading', { level: 4 }).textContent).toMatch(
      /^Maskinporten, where Innsender logs in, did not answer as expected\./,
    );
  });

  it('cancelled: says when, and offers nothing', () => {
    const { row } = renderRow({ kind: 'cancelled', at: '2026-02-03T09:01:00.000Z' });
    expect(within(row).getByTestId('submission-state').textContent).toBe('Avbrutt');
    expect(row.textContent).toMatch(/Avbrutt \d/);
    expect(within(row).queryAllByRole('button')).toEqual([]);
  });
});
