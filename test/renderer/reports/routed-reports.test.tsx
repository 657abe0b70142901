import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RoutedReportsView } from '../../../renderer/components/reports/RoutedReportsView';
import { ReportsPage } from '../../../renderer/routes/ReportsPage';
import { SetupPage } from '../../../renderer/routes/SetupPage';
import { Route, Routes } from 'react-router';
import { RoutedReportsSchema, type RoutedReports } from '../../../shared/reports/report-routing';
import { renderWithProviders } from '../render-with-providers';

const FIRM_ID = '0b6f3b8e-3a49-4a8e-9b2f-1f6e2f7d1c11';
const sha256 = 'a'.repeat(64);
const id = (n: number) => n.toString(16).padStart(32, '0');

function aMelding(name: string, valid: boolean) {
  return {
    kind: 'amelding',
    files: [{ path: name, sha256, size: 100 }],
    valid,
    findings: valid
      ? []
      : [
          {
            code: 'AMELDING_SUM_FORSKUDDSTREKK',
            severity: 'error',
            path: 'leveranse',
            message: { nb: 'Summen av forskuddstrekk stemmer ikke.', en: 'The withholding total does not add up.' },
          },
        ],
    checkedAt: '2026-01-25T12:00:00.000Z',
    version: 'v2_2',
    format: 'xml',
    xsd: 'amelding_v2_2',
    summary: null,
  };
}

/** A tredjepart check as main answers it: the scheme, and an error when the file lacks what the scheme needs. */
function tredjepartCheck(n: number, name: string, scheme: string, valid: boolean) {
  return {
    checkId: id(n),
    result: {
      kind: 'tredjepart',
      scheme,
      files: [{ path: name, sha256, size: 100 }],
      format: 'json',
      valid,
      findings: valid
        ? []
        : [
            {
              code: 'TREDJEPART_MATRIKKEL_MISSING',
              severity: 'error',
              path: 'leveranse/oppgave[1]',
              message: { nb: 'Matrikkelnummeret mangler.', en: 'The matrikkelnummer is missing.' },
            },
          ],
      summary: null,
      checkedAt: '2026-01-25T12:00:00.000Z',
    },
  };
}

/** What main's outbox answers and tells of a submission; the page reads its id and state. */
function submission(submissionId: string, kind: 'queued' | 'sending' | 'received') {
  const at = '2026-01-25T12:00:00.000Z';
  const state =
    kind === 'received'
      ? { kind, at, receipt: { dialogId: 'd-1', forsendelseId: 'f-1' } }
      : kind === 'sending'
        ? { kind, since: at, attempt: 1 }
        : { kind, since: at };
  return { id: submissionId, label: 'a-melding', createdAt: at, updatedAt: at, attempts: 0, state };
}

const target = (orgNumber: string, name: string) => ({
  kind: 'client',
  orgNumber,
  name,
  profileId: FIRM_ID,
  active: true,
});

/** Three clients (one with an error), an organisation that is no client, and a file that could not be read. */
const ROUTED: RoutedReports = RoutedReportsSchema.parse({
  firm: true,
  groups: [
    {
      target: target('211785462', 'Fjellstue AS'),
      checks: [{ checkId: id(1), origin: 'dropped', result: aMelding('fjellstue-januar.xml', true) }],
      tredjepart: [],
    },
    {
      target: target('314259521', 'Kløver AS'),
      checks: [
        { checkId: id(2), origin: 'dropped', result: aMelding('klover-januar.xml', true) },
        { checkId: id(3), origin: 'dropped', result: aMelding('klover-februar.xml', false) },
      ],
      tredjepart: [],
    },
    {
      target: target('974761076', 'Sameiet Fjellstue'),
      checks: [],
      tredjepart: [
        // Its fields fit boligsameie alone: checked with the client's rules already.
        {
          fileId: id(20),
          name: 'boligsameie.json',
          candidates: ['boligsameie'],
          check: tredjepartCheck(21, 'boligsameie.json', 'boligsameie', true),
        },
        // Only fields both housing schemes share: the user chooses.
        { fileId: id(30), name: 'uklar.json', candidates: ['boligselskap', 'boligsameie'], check: null },
      ],
    },
  ],
  unknown: [{ orgNumber: '311000004', files: [{ name: 'ukjent.xml', kind: 'amelding' }] }],
  unreadable: [
    {
      checkId: id(9),
      origin: 'dropped',
      result: {
        kind: 'unreadable',
        files: [{ path: 'odelagt.xml', sha256, size: 6 }],
        valid: false,
        findings: [
          {
            code: 'REPORT_ENCODING_INVALID',
            severity: 'error',
            path: '',
            message: { nb: 'Filen er ikke gyldig UTF-8.', en: 'The file is not valid UTF-8.' },
          },
        ],
        checkedAt: '2026-01-25T12:00:00.000Z',
      },
    },
  ],
});

const groupOf = (org: string) =>
  screen.getAllByTestId('routed-group').find((g) => g.getAttribute('data-org') === org) as HTMLElement;

describe('files routed to many clients', () => {
  it('groups them per client with name and org number, then the unknown org and the unreadable file', () => {
    renderWithProviders(<RoutedReportsView routed={ROUTED} onAddClient={() => {}} />);
    expect(screen.getByRole('heading', { level: 2, name: '7 filer fordelt på klientene' })).toBeTruthy();
    expect(
      screen.getAllByTestId('routed-group').map((g) => within(g).getByRole('heading', { level: 3 }).textContent),
    ).toEqual(['Fjellstue AS (211 785 462)', 'Kløver AS (314 259 521)', 'Sameiet Fjellstue (974 761 076)']);
    const klover = groupOf('314259521');
    expect(within(klover).getByText('2 rapporter, 1 med feil')).toBeTruthy();
    expect(
      within(klover)
        .getAllByTestId('routed-file')
        .map((r) => r.getAttribute('data-valid')),
    ).toEqual(['true', 'false']);
    expect(within(klover).getByText('1 feil')).toBeTruthy();
    const sameiet = within(groupOf('974761076'));
    // Only tredjepart files: the group says so, not "0 rapporter, 0 med feil".
    expect(sameiet.getByTestId('routed-group-counts').textContent).toBe('2 filer med tredjepartsopplysninger');
    expect(
      sameiet
        .getAllByTestId('routed-tredjepart-file')
        .map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent)),
    ).toEqual([
      ['boligsameie.json', 'Boligsameie (RF-1140)', 'Klar'],
      ['uklar.json', expect.stringContaining('Ordning for uklar.json'), 'Velg ordning'],
    ]);
    expect(
      [...sameiet.getByRole('combobox', { name: 'Ordning for uklar.json' }).querySelectorAll('option')].map(
        (o) => o.textContent,
      ),
    ).toEqual(['Velg ordning', 'Boligselskap (RF-1139)', 'Boligsameie (RF-1140)']);

    const unknown = screen.getByTestId('routed-unknown');
    expect(within(unknown).getByRole('heading', { level: 3 }).textContent).toBe('Ikke klienter');
    expect(within(unknown).getByText('311 000 004')).toBeTruthy();
    expect(within(unknown).getByRole('button', { name: 'Legg til 311 000 004 som klient' })).toBeTruthy();
    const unreadable = screen.getByTestId('routed-unreadable');
    expect(within(unreadable).getByRole('heading', { level: 3 }).textContent).toBe('1 fil kunne ikke leses');
    expect(within(unreadable).getByTestId('unreadable-file').textContent).toBe(
      'odelagt.xml: Filen er ikke gyldig UTF-8.',
    );
  });

  it("saves a client's files as its drafts, then sends the error-free ones", async () => {
    const { invoke } = renderWithProviders(<RoutedReportsView routed={ROUTED} />, {
      'reports.saveRouted': () => ({
        ok: true,
        value: {
          saved: [
            { checkId: id(2), draftId: id(102) },
            { checkId: id(3), draftId: id(103) },
          ],
        },
      }),
      'outbox.submit': () => ({ ok: false, error: { code: 'TEST_STOP', message: { nb: 'stopp', en: 'stop' } } }),
    });
    const klover = groupOf('314259521');
    await userEvent.click(within(klover).getByRole('button', { name: 'Lagre alle 2 som utkast' }));
    expect(invoke).toHaveBeenCalledWith('reports.saveRouted', { checkIds: [id(2), id(3)] });
    await within(klover).findByTestId('group-saved');
    expect(within(klover).getByTestId('group-saved').textContent).toBe(
      'Lagret som utkast hos Kløver AS (314 259 521).',
    );
    // Only the error-free draft is offered for sending.
    await userEvent.click(within(klover).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('outbox.submit', { draftId: id(102), profileId: FIRM_ID }));
    expect(invoke.mock.calls.filter(([channel]) => channel === 'outbox.submit')).toHaveLength(1);
  });

  it("checks an unclear tredjepart file for the scheme chosen, then saves and sends the client's meldinger", async () => {
    const { invoke } = renderWithProviders(<RoutedReportsView routed={ROUTED} />, {
      'reports.checkRoutedTredjepart': () => ({
        ok: true,
        value: tredjepartCheck(31, 'uklar.json', 'boligsameie', false),
      }),
      'tredjepart.saveDraft': (payload) => ({
        ok: true,
        value: { id: (payload as { checkId: string }).checkId.replace(/^0/, 'd') },
      }),
      'tredjepart.submit': (payload) => ({
        ok: true,
        value: submission(`sub-${(payload as { id: string }).id}`, 'queued'),
      }),
    });
    const sameiet = within(groupOf('974761076'));
    // Nothing is checked for a scheme until the user chooses one.
    expect(invoke.mock.calls.map(([channel]) => channel)).not.toContain('reports.checkRoutedTredjepart');
    await userEvent.selectOptions(sameiet.getByRole('combobox', { name: 'Ordning for uklar.json' }), 'boligsameie');
    expect(invoke).toHaveBeenCalledWith('reports.checkRoutedTredjepart', { fileId: id(30), scheme: 'boligsameie' });
    await waitFor(() =>
      expect(sameiet.getAllByTestId('routed-tredjepart-file')[1]?.getAttribute('data-valid')).toBe('false'),
    );
    expect(sameiet.getByText('1 feil')).toBeTruthy();
    expect(sameiet.getByText('Vis feil og advarsler i uklar.json')).toBeTruthy();

    await userEvent.click(sameiet.getByRole('button', { name: 'Lagre alle 2 som utkast' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('tredjepart.saveDraft', { checkId: id(31) }));
    expect(invoke).toHaveBeenCalledWith('tredjepart.saveDraft', { checkId: id(21) });
    // Only the error-free one is sent; the client is the firm's, shown, so no other profile is named.
    await userEvent.click(await sameiet.findByRole('button', { name: 'Send' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('tredjepart.submit', { id: id(21).replace(/^0/, 'd') }));
    expect(invoke.mock.calls.filter(([channel]) => channel === 'tredjepart.submit')).toHaveLength(1);
    expect(await sameiet.findByText('Lagt i utboksen')).toBeTruthy();
  });

  it("sends another set-up profile's files to its own outbox and follows them there", async () => {
    const OTHER_ID = '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
    const listeners: ((payload: unknown) => void)[] = [];
    const routed = RoutedReportsSchema.parse({
      firm: false,
      groups: [
        {
          target: { kind: 'profile', orgNumber: '314259521', name: 'Kløver AS', profileId: OTHER_ID, active: false },
          checks: [{ checkId: id(2), origin: 'dropped', result: aMelding('klover-januar.xml', true) }],
          tredjepart: [],
        },
      ],
      unknown: [],
      unreadable: [],
    });
    const { invoke } = renderWithProviders(
      <RoutedReportsView routed={routed} />,
      {
        'reports.saveRouted': () => ({ ok: true, value: { saved: [{ checkId: id(2), draftId: id(102) }] } }),
        'outbox.submit': () => ({ ok: true, value: submission('sub-1', 'queued') }),
      },
      {
        subscribe: (event, listener) => {
          if (event === 'outbox.changed') listeners.push(listener);
          return () => undefined;
        },
      },
    );
    const klover = within(groupOf('314259521'));
    await userEvent.click(klover.getByRole('button', { name: 'Lagre som utkast' }));
    await userEvent.click(await klover.findByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('outbox.submit', { draftId: id(102), profileId: OTHER_ID }),
    );
    expect(await klover.findByText('Lagt i utboksen')).toBeTruthy();
    // Main tells of every profile's outbox: the row follows its submission to the receipt.
    act(() => listeners.forEach((l) => l({ profileId: OTHER_ID, submission: submission('sub-1', 'sending') })));
    expect(await klover.findByText('Sendes')).toBeTruthy();
    act(() => listeners.forEach((l) => l({ profileId: OTHER_ID, submission: submission('sub-1', 'received') })));
    expect(await klover.findByText('Mottatt')).toBeTruthy();
  });

  it('offers a business to set an unknown organisation up under Oppsett, the org number filled in there', async () => {
    const routed = RoutedReportsSchema.parse({ ...ROUTED, firm: false, groups: [], unreadable: [] });
    renderWithProviders(
      <Routes>
        <Route path="/" element={<RoutedReportsView routed={routed} />} />
        <Route path="/setup" element={<SetupPage />} />
      </Routes>,
      {
        'profiles.list': () => ({ ok: true, value: { profiles: [], activeProfileId: null, notices: [] } }),
        'register.lookup': () => ({
          ok: false,
          error: { code: 'OFFLINE', message: { nb: 'frakoblet', en: 'offline' } },
        }),
      },
    );
    const unknown = screen.getByTestId('routed-unknown');
    // "Add as client" is a firm's; a business sets the organisation up as a profile of its own.
    expect(within(unknown).queryByRole('button', { name: /som klient/ })).toBeNull();
    await userEvent.click(within(unknown).getByRole('link', { name: 'Sett opp 311 000 004 under Oppsett' }));
    const field = await screen.findByLabelText('Organisasjonsnummer', { exact: false });
    expect((field as HTMLInputElement).value).toBe('311000004');
    expect(document.activeElement).toBe(field);
  });

  it('says it in English too', () => {
    renderWithProviders(<RoutedReportsView routed={ROUTED} onAddClient={() => {}} />, {}, { language: 'en' });
    expect(screen.getByRole('heading', { level: 2, name: '7 files routed to the clients' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Scheme for uklar.json' })).toBeTruthy();
    // The select's placeholder and the file's status.
    expect(screen.getAllByText('Choose a scheme')).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Add 311 000 004 as a client' })).toBeTruthy();
    expect(within(groupOf('211785462')).getByRole('button', { name: 'Save as draft' })).toBeTruthy();
    expect(screen.getByText('1 file could not be read')).toBeTruthy();
  });

  const firm = {
    id: FIRM_ID,
    orgNumber: '312000008',
    displayName: 'Regnskap AS',
    environment: 'sandbox',
    kind: 'firm',
    createdAt: '2026-11-23T09:00:00.000Z',
  };
  const firmPage = {
    'profiles.list': () => ({ ok: true, value: { profiles: [firm], activeProfileId: FIRM_ID, notices: [] } }),
    'reports.listDrafts': () => ({ ok: true, value: { drafts: [] } }),
    'outbox.list': () => ({ ok: true, value: { submissions: [] } }),
    'reports.route': () => ({ ok: true, value: ROUTED }),
  };
  /** Two files dropped on the zone (jsdom's File has no arrayBuffer(); Chromium's does, as the e2e test shows). */
  const dropTwoFiles = () => {
    const file = (name: string, text: string) =>
      Object.assign(new File([text], name), { arrayBuffer: async () => new TextEncoder().encode(text).buffer });
    const files = [file('a.xml', '<a/>'), file('b.xml', '<b/>')];
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files, items: [], types: ['Files'] } });
  };

  it("routes several files dropped on a firm's Reports page, and shows the groups", async () => {
    const { invoke } = renderWithProviders(<ReportsPage />, firmPage);
    await screen.findByText(/Kontrolleres for Regnskap AS/);
    dropTwoFiles();
    await screen.findByTestId('routed-reports');
    const call = invoke.mock.calls.find(([channel]) => channel === 'reports.route');
    expect((call?.[1] as { files: { name: string }[] }).files.map((f) => f.name)).toEqual(['a.xml', 'b.xml']);
    expect(invoke.mock.calls.map(([channel]) => channel)).not.toContain('reports.checkContent');
  });

  it('says in words that a drop of more files than main routes at once is too many, and sends nothing', async () => {
    const { invoke } = renderWithProviders(<ReportsPage />, firmPage);
    await screen.findByText(/Kontrolleres for Regnskap AS/);
    const files = Array.from({ length: 1001 }, (_, i) => new File(['<a/>'], `${i}.xml`));
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files, items: [], types: ['Files'] } });
    expect((await screen.findByTestId('drop-too-many')).textContent).toBe(
      'Det du slapp har 1001 filer, og Innsender fordeler høyst 1 000 filer om gangen. Del mappen opp og slipp delene hver for seg.',
    );
    expect(invoke.mock.calls.map(([channel]) => channel)).not.toContain('reports.route');
  });

  /** A file that says it holds `mib` MiB: the page refuses a drop from the sizes alone, before reading a byte. */
  const fileOf = (name: string, mib: number) =>
    Object.defineProperty(new File(['<a/>'], name), 'size', { value: mib * 1024 * 1024 });
  /** A folder dropped as Chromium hands it over: an entry whose reader gives its files, then nothing. */
  const dropFolder = (name: string, files: File[]) => {
    const fileEntry = (file: File) => ({
      name: file.name,
      isFile: true,
      isDirectory: false,
      file: (ok: (f: File) => void) => ok(file),
    });
    let read = false;
    const folder = {
      name,
      isFile: false,
      isDirectory: true,
      createReader: () => ({
        readEntries: (ok: (entries: unknown[]) => void) => ok(read ? [] : ((read = true), files.map(fileEntry))),
      }),
    };
    const items = [{ kind: 'file', webkitGetAsEntry: () => folder }];
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [], items, types: ['Files'] } });
  };

  it('says a dropped folder too large to drag in should be a folder with fewer files, or picked with «Velg mappe …»', async () => {
    const { invoke } = renderWithProviders(<ReportsPage />, firmPage);
    await screen.findByText(/Kontrolleres for Regnskap AS/);
    dropFolder('januar', [fileOf('a.xml', 20), fileOf('b.xml', 20)]);
    expect((await screen.findByTestId('drop-too-large')).textContent).toBe(
      'Mappen er for stor til å dras inn (grensen er 32 MiB til sammen). Velg en mappe med færre filer, eller bruk «Velg mappe …»: da leser Innsender filene fra disken, uten denne grensen.',
    );
    expect(invoke.mock.calls.map(([channel]) => channel)).not.toContain('reports.route');

    // Loose files too large are still told to use «Velg filer …».
    fireEvent.drop(screen.getByTestId('drop-zone'), {
      dataTransfer: { files: [fileOf('a.xml', 20), fileOf('b.xml', 20)], items: [], types: ['Files'] },
    });
    await waitFor(() =>
      expect(screen.getByTestId('drop-too-large').textContent).toBe(
        'Filene er for store til å dras inn (grensen er 32 MiB til sammen). Bruk «Velg filer …» i stedet.',
      ),
    );
  });

  it('adds an unknown organisation as a client under its registered name, and routes the dropped files again', async () => {
    const { invoke } = renderWithProviders(<ReportsPage />, {
      ...firmPage,
      'register.lookup': () => ({
        ok: true,
        value: {
          answer: {
            status: 'found',
            unit: { orgNumber: '311000004', name: 'Ukjent Handel AS', bankrupt: false, windingUp: false },
            subUnits: [],
            fetchedAt: '2026-01-25T12:00:00.000Z',
          },
          fromCache: false,
        },
      }),
      'firm.addClient': () => ({ ok: true, value: {} }),
    });
    await screen.findByText(/Kontrolleres for Regnskap AS/);
    dropTwoFiles();
    await userEvent.click(await screen.findByRole('button', { name: 'Legg til 311 000 004 som klient' }));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('firm.addClient', { orgNumber: '311000004', name: 'Ukjent Handel AS' }),
    );
    await waitFor(() => expect(invoke.mock.calls.filter(([channel]) => channel === 'reports.route')).toHaveLength(2));
    const [first, again] = invoke.mock.calls.filter(([channel]) => channel === 'reports.route');
    expect(again?.[1]).toEqual(first?.[1]);
  });
});
