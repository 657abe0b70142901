import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OverviewPage } from '../../../renderer/routes/OverviewPage';
import { ROW_HEIGHT } from '../../../renderer/components/overview/ClientOverviewList';
import type { ClientOverview, ClientOverviewRow } from '../../../shared/domain/client-overview';
import { renderWithProviders } from '../render-with-providers';
import type { BridgeTransport } from '../../../shared/ipc/bridge-api';
import type { KeyView, SetupOverview } from '../../../shared/domain/setup';
import { firm, PROFILE_ID } from './firm-profile';
import { validOrgNumbers } from '../../main/support/org-numbers';
import { OPEN_EVENT_ROUTES } from '../../../shared/ipc/open-routes';

/** The list's visible height in this test: jsdom lays nothing out, so the scroll box is given one. */
const VIEWPORT = 480;

const ORGS = validOrgNumbers(500);
function row(i: number): ClientOverviewRow {
  const rejected = i % 50 === 7 ? 1 : 0;
  const newFeedback = i % 25 === 3 ? 2 : 0;
  const delegated = i % 100 !== 11;
  return {
    orgNumber: ORGS[i] as string,
    name: `Klient ${String(i).padStart(3, '0')} AS`,
    profileId: PROFILE_ID,
    setupReady: true,
    delegation: delegated ? 'delegated' : 'not-delegated',
    draftsWithErrors: 0,
    inFlight: 0,
    rejected,
    newFeedback,
    overdue: 0,
    nextDeadline: {
      id: 'a-melding:2026-11',
      service: 'a-melding',
      dueDate: '2026-12-07',
      daysLeft: i % 30,
      status: 'upcoming',
    },
    attention: [
      ...(delegated ? [] : (['delegation-missing'] as const)),
      ...(rejected ? (['rejected'] as const) : []),
      ...(newFeedback ? (['new-feedback'] as const) : []),
    ],
  };
}
const overview: ClientOverview = {
  scope: 'firm',
  profileId: PROFILE_ID,
  today: '2026-12-07',
  rows: ORGS.map((_, i) => row(i)),
};

/** The firm's one Maskinporten key, registered a year before 7 December 2027, with `daysLeft` to go. */
const agentKey = (daysLeft: number, over: Partial<KeyView> = {}): KeyView => ({
  kid: 'nokkel-1',
  origin: 'generated',
  status: 'active',
  createdAt: '2026-12-07T09:00:00.000Z',
  registeredAt: '2026-12-07T09:00:00.000Z',
  ageDays: 365 - daysLeft,
  expiresAt: '2027-12-07T09:00:00.000Z',
  daysLeft,
  publicJwk: { kty: 'RSA', n: 'AQAB', e: 'AQAB', kid: 'nokkel-1', alg: 'RS256', use: 'sig' },
  ...over,
});

function renderOverview(
  route = '/overview',
  subscribe?: BridgeTransport['subscribe'],
  keys: KeyView[] = [agentKey(200)],
  language: 'nb' | 'en' = 'nb',
) {
  return renderWithProviders(
    <OverviewPage />,
    {
      'profiles.list': () => ({ ok: true, value: { profiles: [firm], activeProfileId: PROFILE_ID, notices: [] } }),
      'firm.overview': () => ({ ok: true, value: overview }),
      // Only what the page reads of the setup: the keys.
      'setup.status': () => ({ ok: true, value: { keys, keyWarnings: [] } as unknown as SetupOverview }),
    },
    { route, language, ...(subscribe ? { subscribe } : {}) },
  );
}

const shownRows = () => screen.getByTestId('overview-scroll').querySelectorAll('[role="row"]');
const shownNames = () => [...shownRows()].map((r) => within(r as HTMLElement).getByRole('link').textContent);

describe('the overview of 500 clients', () => {
  beforeAll(() => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(VIEWPORT);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
    vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockReturnValue(500 * ROW_HEIGHT);
    // jsdom does not scroll: do what a browser does when the list scrolls itself to a row.
    Object.defineProperty(HTMLElement.prototype, 'scrollTo', {
      configurable: true,
      value(this: HTMLElement, to: ScrollToOptions) {
        this.scrollTop = to.top ?? this.scrollTop;
        this.dispatchEvent(new Event('scroll'));
      },
    });
  });
  afterAll(() => {
    vi.restoreAllMocks();
    delete (HTMLElement.prototype as Partial<HTMLElement>).scrollTo;
  });

  it('keeps only the visible rows in the DOM, and draws others as the list scrolls', async () => {
    renderOverview();
    expect(await screen.findByTestId('overview-count')).toHaveTextContent('Viser 500 av 500 klienter');
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '501');
    const bound = VIEWPORT / ROW_HEIGHT + 2 * 6 + 1;
    expect(shownRows().length).toBeGreaterThan(5);
    expect(shownRows().length).toBeLessThanOrEqual(bound);
    const scroll = screen.getByTestId('overview-scroll');
    scroll.scrollTop = 300 * ROW_HEIGHT;
    fireEvent.scroll(scroll);
    await waitFor(() => expect(shownRows()[0]?.getAttribute('aria-rowindex')).not.toBe('2'));
    expect(shownRows().length).toBeLessThanOrEqual(bound);
    const indexes = [...shownRows()].map((r) => Number(r.getAttribute('aria-rowindex')));
    expect(Math.min(...indexes)).toBeGreaterThan(280);
  });

  it('shows a client’s whole name on the pointer, since the name column ends a long one in an ellipsis', async () => {
    renderOverview('/overview?sort=name&dir=ascending');
    await screen.findByTestId('overview-scroll');
    const links = [...shownRows()].map((r) => within(r as HTMLElement).getByRole('link'));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.getAttribute('title')).toBe(link.textContent);
  });

  it('finds a client by name, or by org number typed with or without spaces, and announces the count', async () => {
    renderOverview('/overview?sort=name&dir=ascending');
    const search = await screen.findByTestId('overview-search');
    await userEvent.type(search, 'klient 123');
    expect(screen.getByTestId('overview-count')).toHaveTextContent('Viser 1 av 500 klienter');
    expect(shownNames()).toEqual(['Klient 123 AS']);
    const org = ORGS[42] as string;
    await userEvent.clear(search);
    await userEvent.type(search, `${org.slice(0, 3)} ${org.slice(3, 6)} ${org.slice(6)}`);
    expect(shownNames()).toEqual(['Klient 042 AS']);
    await userEvent.clear(search);
    await userEvent.type(search, org);
    expect(shownNames()).toEqual(['Klient 042 AS']);
    expect(screen.getByTestId('overview-count')).toHaveAttribute('role', 'status');
  });

  it('sorts by each column both ways, saying so with aria-sort', async () => {
    renderOverview();
    await screen.findByTestId('overview-count');
    // By default the weightiest first: the clients not attached in Altinn.
    expect(shownNames().slice(0, 5)).toEqual([
      'Klient 011 AS',
      'Klient 111 AS',
      'Klient 211 AS',
      'Klient 311 AS',
      'Klient 411 AS',
    ]);
    const sortButton = (name: string) => screen.getByRole('button', { name });
    const header = (name: string) => sortButton(name).closest('[role="columnheader"]');
    expect(header('Trenger oppfølging')).toHaveAttribute('aria-sort', 'descending');

    await userEvent.click(sortButton('Navn'));
    expect(header('Navn')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('Trenger oppfølging')).toHaveAttribute('aria-sort', 'none');
    expect(shownNames()[0]).toBe('Klient 000 AS');
    await userEvent.click(sortButton('Navn'));
    expect(header('Navn')).toHaveAttribute('aria-sort', 'descending');
    expect(shownNames()[0]).toBe('Klient 499 AS');

    await userEvent.click(sortButton('Neste frist'));
    expect(header('Neste frist')).toHaveAttribute('aria-sort', 'ascending');
    // Soonest first (0 days left: 000, 030, 060, …), ties by name.
    expect(shownNames().slice(0, 3)).toEqual(['Klient 000 AS', 'Klient 030 AS', 'Klient 060 AS']);

    await userEvent.click(sortButton('Organisasjonsnummer'));
    await userEvent.click(sortButton('Organisasjonsnummer'));
    expect(header('Organisasjonsnummer')).toHaveAttribute('aria-sort', 'descending');
    expect(shownNames()[0]).toBe('Klient 499 AS');
  });

  it('filters with the chips, which combine', async () => {
    renderOverview();
    await screen.findByTestId('overview-count');
    const chip = (name: string) => screen.getByRole('checkbox', { name });
    await userEvent.click(chip('Avvist'));
    expect(screen.getByTestId('overview-count')).toHaveTextContent('Viser 10 av 500 klienter');
    await userEvent.click(chip('Avvist'));
    await userEvent.click(chip('Nye tilbakemeldinger'));
    expect(screen.getByTestId('overview-count')).toHaveTextContent('Viser 20 av 500 klienter');
    await userEvent.click(chip('Mangler tilgang'));
    // 11, 111, …: none of them also has new feedback (i % 25 === 3).
    expect(screen.getByTestId('overview-count')).toHaveTextContent('Viser 0 av 500 klienter');
    expect(screen.getByText('Ingen treff. Endre søket eller ta bort et filter.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Vis alle' }));
    expect(screen.getByTestId('overview-count')).toHaveTextContent('Viser 500 av 500 klienter');
    await userEvent.click(chip('Trenger oppfølging'));
    expect(screen.getByTestId('overview-count')).toHaveTextContent('Viser 35 av 500 klienter');
  });

  it('opens at the clients with a deadline soon when a firm’s deadline warning is clicked', async () => {
    // Five clients whose next deadline is soon and not met (what the warning names), the rest as above.
    const soon = (r: ClientOverviewRow, i: number): ClientOverviewRow =>
      i < 5 && r.nextDeadline
        ? { ...r, nextDeadline: { ...r.nextDeadline, status: 'soon' }, attention: [...r.attention, 'deadline-soon'] }
        : r;
    renderWithProviders(
      <OverviewPage />,
      {
        'profiles.list': () => ({ ok: true, value: { profiles: [firm], activeProfileId: PROFILE_ID, notices: [] } }),
        'firm.overview': () => ({ ok: true, value: { ...overview, rows: overview.rows.map(soon) } }),
      },
      { route: OPEN_EVENT_ROUTES['overview.open']({ filter: 'deadline' }) },
    );
    expect(await screen.findByTestId('overview-count')).toHaveTextContent('Viser 5 av 500 klienter');
    expect(screen.getByRole('checkbox', { name: 'Frist snart' })).toBeChecked();
  });

  it('moves between rows with the arrow keys, drawing the rows it reaches', async () => {
    renderOverview('/overview?sort=name&dir=ascending');
    await screen.findByTestId('overview-count');
    const first = within(shownRows()[0] as HTMLElement).getByRole('link');
    first.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Klient 002 AS'));
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Klient 499 AS'));
    expect(shownRows().length).toBeLessThanOrEqual(VIEWPORT / ROW_HEIGHT + 13);
  });

  it('asks main again once after a burst of outbox changes, not once per change', async () => {
    const listeners = new Map<string, ((payload: unknown) => void)[]>();
    const { invoke } = renderOverview('/overview', (event, listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return () => undefined;
    });
    await screen.findByTestId('overview-count');
    const overviewCalls = () => invoke.mock.calls.filter(([channel]) => channel === 'firm.overview').length;
    expect(overviewCalls()).toBe(1);
    for (let i = 0; i < 20; i++) for (const listener of listeners.get('outbox.changed') ?? []) listener({});
    await waitFor(() => expect(overviewCalls()).toBe(2));
    await new Promise((r) => setTimeout(r, 400));
    expect(overviewCalls()).toBe(2);
  });
});

// Every client's report is sent with the firm's one agent key; its expiry was told only in Oppsett's key step, so a
// firm working from Oversikt learnt of it when Maskinporten refused every send (MP-121).
describe('the firm’s Maskinporten key on the overview', () => {
  it('says the key expires soon, when, and that no client is sent for after it, with the way to Oppsett', async () => {
    renderOverview('/overview', undefined, [agentKey(1)]);
    const alert = await screen.findByTestId('agent-key-alert');
    within(alert).getByRole('heading', { name: 'Maskinporten-nøkkelen går snart ut' });
    expect(alert.textContent).toContain('utløper 7. desember 2027 (om 1 dag)');
    expect(alert.textContent).toContain('ingenting sendes for noen klient');
    expect(within(alert).getByRole('link', { name: 'Gå til Oppsett for å fornye nøkkelen' }).getAttribute('href')).toBe(
      '/setup',
    );
    expect(alert.textContent).not.toContain('nokkel-1');
  });

  it('says it has gone out, in English too', async () => {
    renderOverview('/overview', undefined, [agentKey(-3)], 'en');
    const alert = await screen.findByTestId('agent-key-alert');
    within(alert).getByRole('heading', { name: 'The Maskinporten key has expired' });
    expect(alert.textContent).toContain('expired on 7 December 2027');
  });

  it('says nothing while the key has long to go, or once a successor is uploaded and confirmed', async () => {
    renderOverview('/overview', undefined, [
      agentKey(5),
      agentKey(365, { kid: 'nokkel-2', expiresAt: '2028-12-06T09:00:00.000Z' }),
    ]);
    await screen.findByTestId('overview-count');
    expect(screen.queryByTestId('agent-key-alert')).toBeNull();
  });
});
