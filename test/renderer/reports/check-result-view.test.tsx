import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../renderer/i18n';
import { CheckResultView } from '../../../renderer/components/reports/CheckResultView';
import { DraftList } from '../../../renderer/components/reports/DraftList';
import { DraftView } from '../../../renderer/components/reports/DraftView';
import {
  AMeldingCheckResultSchema,
  CheckResultSchema,
  type AMeldingCheckResult,
  type CheckResult,
} from '../../../shared/reports/check-result';
import type { DraftDetail, DraftOverview } from '../../../shared/reports/report-views';

const FILE = '/home/regnskap/lonn/a-melding-2026-01.xml';
const sha256 = 'a'.repeat(64);

/** What main answers for the formats.md example with one error and one warning, as it crosses IPC. */
const aMelding: AMeldingCheckResult = AMeldingCheckResultSchema.parse({
  kind: 'amelding',
  files: [{ path: FILE, sha256, size: 2594 }],
  valid: false,
  checkedAt: '2026-01-25T12:00:00.000Z',
  version: 'v2_2',
  format: 'xml',
  xsd: 'amelding_v2_2',
  findings: [
    {
      code: 'AMELDING_SUM_FORSKUDDSTREKK',
      severity: 'error',
      path: 'leveranse/oppgave/betalingsinformasjon/sumForskuddstrekk',
      message: { nb: 'Summen av forskuddstrekk stemmer ikke.', en: 'The withholding total does not add up.' },
      file: FILE,
      line: 13,
    },
    {
      code: 'AMELDING_DEADLINE_PASSED',
      severity: 'warning',
      path: 'leveranse/kalendermaaned',
      message: { nb: 'Fristen har gått ut.', en: 'The deadline has passed.' },
      file: FILE,
      line: 5,
    },
  ],
  summary: {
    version: 'v2_2',
    format: 'xml',
    kalendermaaned: '2026-01',
    frist: '2026-02-05',
    meldingsId: '6065697390f04e939e8e9cf48d812be2',
    opplysningspliktig: '211785462',
    kildesystem: 'EksempelLoenn 1.0',
    leveringstidspunkt: '2026-01-23T14:50:35Z',
    virksomheter: [
      {
        organisasjonsnummer: '314768949',
        inntektsmottakere: 1,
        inntekt: '40000',
        forskuddstrekk: 12000,
        arbeidsgiveravgiftPerSone: [{ sone: '1', grunnlag: '40000', arbeidsgiveravgift: 5640 }],
      },
    ],
    inntektsmottakere: 1,
    totals: {
      inntekt: '40000',
      forskuddstrekk: 12000,
      arbeidsgiveravgift: 5640,
      arbeidsgiveravgiftPerSone: [{ sone: '1', grunnlag: '40000', arbeidsgiveravgift: 5640 }],
      oppgittSumForskuddstrekk: 13000,
      oppgittSumArbeidsgiveravgift: 5640,
    },
  },
});

const rf1086: CheckResult = CheckResultSchema.parse({
  kind: 'rf1086',
  files: [
    { path: 'hoved.xml', sha256, size: 10 },
    { path: 'under.xml', sha256, size: 10 },
  ],
  valid: true,
  checkedAt: '2026-01-25T12:00:00.000Z',
  findings: [],
  summary: {
    selskap: { organisasjonsnummer: '314259521', navn: 'Fjellstue AS' },
    inntektsaar: '2025',
    aksjeklasser: [
      {
        aksjeType: 'Ordinære aksjer',
        antallAksjerFjoraret: 100,
        antallAksjer: 100,
        utbytte: '50000',
        aksjonaerenesAksjer: 100,
        aksjonaerer: [
          {
            identifikator: '08842199736',
            identifikatortype: 'foedselsnummer',
            navn: 'Kari Nordmann',
            antallAksjerFjoraret: 100,
            antallAksjer: 100,
            utbytte: '50000',
            file: 'under.xml',
          },
        ],
        file: 'hoved.xml',
      },
    ],
    totals: { aksjeklasser: 1, aksjonaerer: 1, underskjemaer: 1, utbytte: '50000' },
  },
});

/** The RF-1086 check as main answers it when the profile's outbox already holds the return. */
const heldBy = (state: 'received' | 'sending', receipt: { dialogId: string; forsendelseId: string } | null) =>
  CheckResultSchema.parse({
    ...rf1086,
    alreadySent: {
      submissionId: '0b7a2d8e-1c1e-4f53-9d2a-7f0e1a2b3c4d',
      label: 'Aksjonærregisteroppgave 2025 (314259521)',
      state,
      at: '2026-01-20T09:01:00.000Z',
      receipt,
    },
  });

function inLanguage(language: 'nb' | 'en', ui: ReactNode) {
  return render(<I18nextProvider i18n={initI18n(language)}>{ui}</I18nextProvider>);
}

/** The value beside a label in a summary's description list. */
const factIn = (container: HTMLElement, label: string) =>
  within(container)
    .getAllByText(label)
    .find((el) => el.tagName === 'DT')?.nextElementSibling?.textContent;

const headingLevels = () => screen.getAllByRole('heading').map((h) => Number(h.tagName.slice(1)));

describe('the check result view', () => {
  it('says "already sent" with the date and the receipt instead of "ready to submit" when the outbox holds the return', () => {
    const sent = heldBy('received', { dialogId: 'dialog-1', forsendelseId: 'forsendelse-1' });
    inLanguage(
      'nb',
      <MemoryRouter>
        <CheckResultView result={sent} />
      </MemoryRouter>,
    );
    const verdict = screen.getByTestId('verdict');
    expect(within(verdict).getByRole('heading', { name: 'Allerede sendt' })).toBeInTheDocument();
    expect(verdict).toHaveTextContent(
      /Skatteetaten mottok denne rapporten 20\. januar 2026 kl\. 10:01.*kvittering forsendelse-1/,
    );
    expect(verdict).not.toHaveTextContent('Klar til innsending');
    expect(within(verdict).getByRole('link', { name: 'Gå til Utboks' })).toHaveAttribute('href', '/outbox');
  });

  it('says a report still on its way is already in the outbox, in English too', () => {
    const queued = heldBy('sending', null);
    inLanguage(
      'en',
      <MemoryRouter>
        <CheckResultView result={queued} />
      </MemoryRouter>,
    );
    const verdict = screen.getByTestId('verdict');
    expect(within(verdict).getByRole('heading', { name: 'Already in the outbox' })).toBeInTheDocument();
    expect(verdict).toHaveTextContent('This report is already in the outbox (Sending) since');
  });

  it('says which XSD versions the check used: the a-melding namespace, each RF-1086 form by its spesifikasjonsnummer', () => {
    const { unmount } = inLanguage('nb', <CheckResultView result={aMelding} />);
    expect(screen.getByTestId('xsd-used')).toHaveTextContent('Kontrollert mot XSD: a-melding v2_2');
    unmount();
    const twoVersions = CheckResultSchema.parse({
      ...rf1086,
      xsd: ['rf1086_hovedskjema_12144', 'rf1086_underskjema_12232'],
    });
    inLanguage('en', <CheckResultView result={twoVersions} />);
    expect(screen.getByTestId('xsd-used')).toHaveTextContent(
      'Checked against the XSD: RF-1086 hovedskjema 12144, RF-1086 underskjema 12232',
    );
  });

  it('says nothing about an XSD for a result saved before versions were recorded', () => {
    expect(rf1086.kind === 'rf1086' && rf1086.xsd).toEqual([]);
    inLanguage('nb', <CheckResultView result={rf1086} />);
    expect(screen.queryByTestId('xsd-used')).toBeNull();
  });

  it('says first that the report has errors, then the a-melding summary, then findings grouped by severity', () => {
    inLanguage('nb', <CheckResultView result={aMelding} />);
    expect(screen.getByRole('heading', { level: 2, name: 'A-melding for januar 2026' })).toBeInTheDocument();
    const verdict = screen.getByTestId('verdict');
    expect(within(verdict).getByRole('heading', { name: 'Har feil som må rettes' })).toBeInTheDocument();
    expect(verdict).toHaveTextContent('Feil: 1 · Advarsler: 1');

    const summary = screen.getByTestId('amelding-summary');
    const fact = (label: string) => factIn(summary, label);
    expect(fact('Periode')).toBe('januar 2026 (frist 5. februar 2026)');
    expect(fact('Opplysningspliktig')).toBe('211 785 462');
    expect(fact('Inntektsmottakere')).toBe('1');
    expect(fact('Inntekt')).toMatch(/^40\s000 kr$/);
    // The file states another withholding total than its people add up to: both are shown.
    expect(fact('Forskuddstrekk')).toMatch(/^12\s000 kr \(oppgitt i filen: 13\s000 kr\)$/);
    expect(fact('Arbeidsgiveravgift')).toMatch(/^5\s640 kr$/);
    const zones = within(screen.getByTestId('zone-table')).getAllByRole('row');
    expect(zones[1]).toHaveTextContent(/^1\s*40\s000 kr\s*5\s640 kr$/);
    expect(within(screen.getByTestId('subunit-table')).getByText('314 768 949')).toBeInTheDocument();

    const errors = screen.getByTestId('findings-error');
    expect(within(errors).getByRole('heading', { level: 4, name: 'Feil (1)' })).toBeInTheDocument();
    const item = within(errors).getByRole('listitem');
    // The code for support: secondary text, marked so, under the finding's own words (never its headline).
    expect(item.querySelector('[data-support-code]')).toHaveTextContent(
      'Kode for brukerstøtte: AMELDING_SUM_FORSKUDDSTREKK',
    );
    expect(item).toHaveTextContent('Summen av forskuddstrekk stemmer ikke.');
    expect(item).toHaveTextContent('a-melding-2026-01.xml, linje 13');
    expect(item).toHaveTextContent('leveranse/oppgave/betalingsinformasjon/sumForskuddstrekk');
    expect(
      within(screen.getByTestId('findings-warning')).getByRole('heading', { name: 'Advarsel (1)' }),
    ).toBeInTheDocument();
  });

  it('leads with an error summary whose links move focus to each error, which says where and how to fix it', async () => {
    const withPlace = AMeldingCheckResultSchema.parse({
      ...aMelding,
      findings: [
        {
          ...aMelding.findings[0],
          code: 'AMELDING_FORSKUDDSTREKK_POSITIVE',
          message: { nb: 'Forskuddstrekket 500 kr er positivt.', en: 'The withholding 500 kr is positive.' },
          path: 'leveranse/oppgave/virksomhet[1]/inntektsmottaker[1]/forskuddstrekk[1]/beloep',
          where: { nb: 'Kari Nordmann, 010190 *****, januar 2026', en: 'Kari Nordmann, 010190 *****, January 2026' },
        },
        aMelding.findings[0],
        aMelding.findings[1],
      ],
    });
    inLanguage('nb', <CheckResultView result={withPlace} actions={<button>Lagre som utkast likevel</button>} />);
    const summary = screen.getByTestId('error-summary');
    expect(within(summary).getByRole('heading', { name: 'Rett disse 2 feilene før du sender' })).toBeInTheDocument();
    const links = within(summary).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      'Kari Nordmann, 010190 *****, januar 2026: Forskuddstrekket 500 kr er positivt.',
      'Summen av forskuddstrekk stemmer ikke.',
    ]);
    // The summary comes before the findings, and both before the actions and the report's summary.
    const order = [summary, screen.getByTestId('findings-error'), screen.getByText('Lagre som utkast likevel')];
    order.forEach((el, i) => {
      const next = order[i + 1] ?? screen.getByTestId('amelding-summary');
      expect(el.compareDocumentPosition(next) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    });

    await userEvent.click(links[0]!);
    const target = document.getElementById(links[0]!.getAttribute('href')!.slice(1))!;
    expect(target).toHaveFocus();
    expect(target).toHaveTextContent('Hvor: Kari Nordmann, 010190 *****, januar 2026');
    expect(target).toHaveTextContent('Slik retter du det: Rett opplysningene om den ansatte i lønnssystemet');
    await userEvent.click(links[1]!);
    expect(document.getElementById(links[1]!.getAttribute('href')!.slice(1))).toHaveTextContent(
      'Summene i filen stemmer ikke med linjene',
    );
    expect(screen.getAllByRole('heading').some((h) => h.textContent === 'Advarsel (1)')).toBe(true);
  });

  it('speaks English when the UI does, messages from main included', () => {
    inLanguage('en', <CheckResultView result={aMelding} />);
    expect(screen.getByRole('heading', { name: 'Has errors that must be fixed' })).toBeInTheDocument();
    // Once in the error summary, once in the list.
    expect(screen.getAllByText('The withholding total does not add up.')).toHaveLength(2);
    expect(screen.getByTestId('error-summary')).toHaveTextContent('Fix this error before you send');
    expect(factIn(screen.getByTestId('amelding-summary'), 'Tax withheld')).toBe(
      '12,000 kr (stated in the file: 13,000 kr)',
    );
    expect(screen.queryByText('Summen av forskuddstrekk stemmer ikke.')).not.toBeInTheDocument();
  });

  it('says a report without errors is ready to send, and keeps headings in order', () => {
    inLanguage(
      'nb',
      <CheckResultView result={{ ...aMelding, valid: true, findings: [] }} actions={<button>Lagre</button>} />,
    );
    expect(screen.getByRole('heading', { name: 'Klar til innsending' })).toBeInTheDocument();
    expect(screen.getByText('Ingen funn.')).toBeInTheDocument();
    expect(screen.queryByTestId('error-summary')).not.toBeInTheDocument();
    const levels = headingLevels();
    expect(levels[0]).toBe(2);
    levels.forEach((level, i) => i > 0 && expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));
  });

  it('shows an RF-1086 return: company, share classes, shareholders and dividends', async () => {
    inLanguage('nb', <CheckResultView result={rf1086} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Aksjonærregisteroppgave for 2025' })).toBeInTheDocument();
    const summary = screen.getByTestId('rf1086-summary');
    const fact = (label: string) => factIn(summary, label);
    expect(fact('Selskap')).toBe('Fjellstue AS, 314 259 521');
    expect(fact('Aksjonærer')).toBe('1');
    expect(fact('Utbytte')).toMatch(/^50\s000 kr$/);
    expect(within(screen.getByTestId('share-class-table')).getByText('Ordinære aksjer')).toBeInTheDocument();
    await userEvent.click(screen.getByText('Aksjonærer i Ordinære aksjer (1)'));
    expect(screen.getByText('Kari Nordmann')).toBeVisible();
  });

  it('explains an unreadable file instead of a summary', () => {
    const unreadable = CheckResultSchema.parse({
      kind: 'unreadable',
      files: [{ path: 'xxe.xml', sha256, size: 237 }],
      valid: false,
      checkedAt: '2026-01-25T12:00:00.000Z',
      findings: [
        {
          code: 'XML_DOCTYPE_FORBIDDEN',
          severity: 'error',
          path: '',
          message: { nb: 'DOCTYPE er ikke tillatt.', en: 'No DOCTYPE.' },
          line: 2,
        },
      ],
    });
    inLanguage('nb', <CheckResultView result={unreadable} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Kunne ikke lese: xxe.xml' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Filen kunne ikke leses' })).toBeInTheDocument();
    expect(screen.getByText('linje 2')).toBeInTheDocument();
  });
});

const overview = (over: Partial<DraftOverview>): DraftOverview => ({
  id: '1'.repeat(32),
  kind: 'amelding',
  savedAt: '2026-01-25T12:00:00.000Z',
  checkedAt: '2026-01-25T12:00:00.000Z',
  valid: true,
  errorCount: 0,
  warningCount: 0,
  files: [{ name: FILE, origin: 'path', size: 2594 }],
  period: '2026-01',
  organisationNumber: '211785462',
  sourceStatus: 'unchanged',
  ...over,
});

describe('the draft list and an opened draft', () => {
  it('lists drafts with status and a warning when the source changed; open and delete name the draft', async () => {
    const onOpen = vi.fn();
    const onDelete = vi.fn();
    const changed = overview({ id: '2'.repeat(32), valid: false, errorCount: 2, sourceStatus: 'changed' });
    inLanguage(
      'nb',
      <DraftList
        drafts={[overview({}), changed, overview({ id: '3'.repeat(32), sourceStatus: 'not-tracked' })]}
        onOpen={onOpen}
        onDelete={onDelete}
      />,
    );
    const rows = screen.getAllByTestId('draft-row');
    expect(rows[0]).toHaveTextContent('A-melding · januar 2026 · 211 785 462');
    expect(rows[0]).toHaveTextContent('a-melding-2026-01.xml');
    expect(rows[0]).toHaveTextContent('Klar');
    expect(rows[1]).toHaveTextContent('2 feil');
    expect(within(rows[1] as HTMLElement).getByTestId('source-changed')).toHaveTextContent('Filen er endret');
    expect(rows[2]).toHaveTextContent('Dratt inn, følges ikke');

    await userEvent.click(within(rows[1] as HTMLElement).getByRole('button', { name: /^Åpne/ }));
    expect(onOpen).toHaveBeenCalledWith(changed.id);
    await userEvent.click(within(rows[1] as HTMLElement).getByRole('button', { name: /^Slett/ }));
    expect(onDelete).toHaveBeenCalledWith(changed);
  });

  it('says when there are no drafts yet', () => {
    inLanguage('nb', <DraftList drafts={[]} onOpen={() => {}} onDelete={() => {}} />);
    expect(screen.getByText(/Ingen utkast ennå/)).toBeInTheDocument();
  });

  it('warns in an opened draft that its source file changed, and offers to check the changed file', async () => {
    const onCheckSource = vi.fn();
    const draft: DraftDetail = {
      id: '1'.repeat(32),
      profileId: 'p',
      kind: 'amelding',
      savedAt: '2026-01-25T12:00:00.000Z',
      checkedAt: '2026-01-25T12:00:00.000Z',
      files: [{ sourcePath: FILE, origin: 'path', sha256, size: 2594 }],
      result: aMelding,
      sourceStatus: 'changed',
    };
    inLanguage(
      'nb',
      <DraftView draft={draft} busy={false} onRecheck={() => {}} onCheckSource={onCheckSource} onClose={() => {}} />,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Utkast: A-melding for januar 2026' })).toBeInTheDocument();
    expect(screen.getByTestId('draft-source-alert')).toHaveTextContent(/er endret etter at det ble lagret/);
    await userEvent.click(screen.getByRole('button', { name: 'Kontroller den endrede filen' }));
    expect(onCheckSource).toHaveBeenCalled();
    // The draft has errors: no send button, and checking again (after the fix) is the primary action.
    expect(screen.queryByRole('button', { name: /^Send/ })).toBeNull();
    expect(screen.getByTestId('recheck-draft').getAttribute('data-variant')).toBe('primary');
  });
});
