import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness/harness';
import { removeProfileKeys } from '../main/support/sandbox-profile';
import { firmWithClients, sendReport, type FirmWithClients } from '../main/support/firm-with-clients';
import { aMeldingBody, fixtureText } from '../main/support/report-fixtures';
import { dispatchOk } from '../main/support/test-app-services';

const COUNT = 500;
/** Every 25th client is not attached to the agent systembruker in Altinn: 20 of 500. */
const NOT_ATTACHED_EVERY = 25;
/** A meldingsId Skatteetaten has from the client's payroll system, so sending it again is refused (AMLD_010). */
const FOREIGN_MELDINGS_ID = `lonnssystem-${randomUUID()}`;

function aMeldingFor(org: string, meldingsId: string): string {
  const leveranse = (JSON.parse(fixtureText('amelding-example.json')) as { leveranse: { opplysningspliktig: object } })
    .leveranse;
  return aMeldingBody(meldingsId, { opplysningspliktig: { ...leveranse.opplysningspliktig, norskIdentifikator: org } });
}

/**
 * The firm's home at 500 clients in real Chromium: the clients made through the firm service (not 500 clicks), one
 * a-melding received and one rejected, then the overview searched, filtered, sorted, a client opened and left again
 * with the search, sort and scroll kept, and the header's combobox switching profile and back.
 */
describe('the overview of a firm with 500 clients in real Chromium', () => {
  let h: Harness;
  let dataDir: string;
  let firm: FirmWithClients;
  let ownProfileId: string | undefined;
  const rows = () => h.page.locator('[data-testid="overview-scroll"] [role="row"]');
  const count = () => h.page.getByTestId('overview-count');

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'innsender-e2e-overview-'));
    h = await startHarness({ dataDir });
    firm = await firmWithClients(h.services, () => h.desktop.openedExternally, {
      count: COUNT,
      notAttachedEvery: NOT_ATTACHED_EVERY,
    });
    const [fjellstue, klover] = firm.clients;
    await sendReport(h.services, 'fjellstue.json', aMeldingFor(fjellstue?.orgNumber ?? '', randomUUID()));
    const sandbox = h.services.sandbox.running();
    if (!sandbox) throw new Error('the sandbox is not running');
    const seeded = await fetch(`${sandbox.baseUrl}/__admin/skatteetaten/a-meldinger`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-innsender-admin': sandbox.adminToken },
      body: JSON.stringify({ org: klover?.orgNumber, kalendermaaned: '2026-01', meldingsId: FOREIGN_MELDINGS_ID }),
    });
    if (seeded.status !== 201) throw new Error(`seeding the foreign a-melding: ${seeded.status}`);
    const rejected = await sendReport(
      h.services,
      'klover.json',
      aMeldingFor(klover?.orgNumber ?? '', FOREIGN_MELDINGS_ID),
    );
    if (rejected.state.kind !== 'rejected') throw new Error(`expected a rejection, got ${rejected.state.kind}`);
    // Back to the app's start (the page opened at Oppsett before there was a profile): a firm lands on its overview.
    await h.page.evaluate(() => history.replaceState(null, '', location.pathname));
    await h.page.reload();
  }, 240_000);
  afterAll(async () => {
    await h?.close();
    await removeProfileKeys(firm?.profileId);
    await removeProfileKeys(ownProfileId);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens at the overview with all 500 clients, drawing only the rows in view', async () => {
    const { page } = h;
    await page.getByRole('heading', { level: 1, name: 'Oversikt' }).waitFor();
    await expect.poll(() => count().textContent()).toBe('Viser 500 av 500 klienter');
    expect(await page.getByRole('table').getAttribute('aria-rowcount')).toBe('501');
    const drawn = await rows().count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(40);
    // Weightiest first: the clients not attached in Altinn (the rejected one comes right after them).
    await expect
      .poll(async () => firm.notAttached.includes((await rows().first().getAttribute('data-org')) ?? ''))
      .toBe(true);
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('overview-01-500-clients');
  });

  it('finds a client by name and by org number with spaces', async () => {
    const { page } = h;
    const search = page.getByTestId('overview-search');
    await search.fill('Nordlys Bakeri');
    await expect.poll(() => count().textContent()).toBe('Viser 5 av 500 klienter');
    await search.fill('311 000 004');
    await expect.poll(() => count().textContent()).toBe('Viser 1 av 500 klienter');
    expect(await rows().first().getByRole('link').textContent()).toBe(firm.clients[1]?.name);
    await search.fill('');
    await expect.poll(() => count().textContent()).toBe('Viser 500 av 500 klienter');
  });

  it('filters with the chips and sorts both ways, and keeps search, sort and scroll across a visit to a client', async () => {
    const { page } = h;
    // A chip is a controlled checkbox: its state changes once the page has re-rendered, so click and wait for the count.
    await page.getByRole('checkbox', { name: 'Mangler tilgang' }).click();
    await expect.poll(() => count().textContent()).toBe(`Viser ${firm.notAttached.length} av 500 klienter`);
    const nameHeader = page.getByRole('columnheader', { name: /Navn/ });
    await nameHeader.getByRole('button').click();
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('ascending');
    await nameHeader.getByRole('button').click();
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('descending');
    const names = await rows().getByRole('link').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, 'nb')));
    await h.screenshot('overview-02-filtered-sorted');
    await page.getByRole('checkbox', { name: 'Mangler tilgang' }).click();
    await expect.poll(() => count().textContent()).toBe('Viser 500 av 500 klienter');

    await page.getByRole('checkbox', { name: 'Avvist' }).click();
    await expect.poll(() => count().textContent()).toBe('Viser 1 av 500 klienter');
    await h.screenshot('overview-03-rejected');
    await page.getByRole('checkbox', { name: 'Avvist' }).click();
    await expect.poll(() => count().textContent()).toBe('Viser 500 av 500 klienter');

    // Down the list, open a client and come back: the same rows, sort and scroll.
    const scroll = page.getByTestId('overview-scroll');
    await scroll.evaluate((el) => el.scrollTo({ top: 300 * 64 }));
    await expect.poll(() => rows().first().getAttribute('aria-rowindex')).not.toBe('2');
    // A row in view (the first drawn rows are above it, drawn ahead of a scroll up).
    const target = page.locator('[data-testid="overview-scroll"] [data-index="303"]');
    const org = (await target.getAttribute('data-org')) ?? '';
    const offset = await scroll.evaluate((el) => el.scrollTop);
    await target.getByRole('link').click();
    await page.getByTestId('client-page').waitFor();
    expect(await page.getByTestId('client-page').getAttribute('data-org')).toBe(org);
    await page.getByTestId('overview-back').click();
    await count().waitFor();
    expect(await nameHeader.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => scroll.evaluate((el) => el.scrollTop)).toBe(offset);
    expect(await page.locator(`[data-testid="overview-scroll"] [data-org="${org}"]`).count()).toBe(1);
  });

  it('opens a client’s outbox, receipts and feedback, kept to its org number', async () => {
    const { page } = h;
    const [fjellstue, klover] = firm.clients;
    await page.getByTestId('overview-search').fill(klover?.orgNumber ?? '');
    await rows().first().getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: klover?.name }).waitFor();
    const outbox = page.getByTestId('client-outbox');
    await expect.poll(() => outbox.textContent()).toContain('Avvist');
    expect(await page.getByTestId('client-receipts').textContent()).toContain('Ingen kvitteringer ennå.');
    await h.screenshot('overview-04-client');
    await page.getByTestId('overview-back').click();

    await page.getByTestId('overview-search').fill(fjellstue?.name ?? '');
    await rows().first().getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: fjellstue?.name }).waitFor();
    await expect.poll(() => page.getByTestId('client-receipts').textContent()).toContain('Dialog-ID');
    expect(await page.getByTestId('client-outbox').textContent()).not.toContain('Avvist');
    // Loaded at the client's page itself (a reload, a restart), with no overview drawn first: its four sections
    // still sit two by two, from the overview's CSS the page brings along.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: fjellstue?.name }).waitFor();
    const top = (id: string) => page.getByTestId(id).evaluate((el) => el.getBoundingClientRect().top);
    expect(await top('client-outbox')).toBe(await top('client-drafts'));
  });

  it('switches profile with the header’s combobox and back, to the overview it left', async () => {
    const { page } = h;
    const own = await dispatchOk(h.services)<{ id: string }>('profiles.create', {
      orgNumber: '313000001',
      displayName: 'Nordlys AS',
      environment: 'sandbox',
    });
    ownProfileId = own.id;
    // Every call the page makes, as main receives it: the way back must not ask for the 500 clients again.
    const calls: unknown[] = [];
    const dispatch = h.services.dispatch;
    h.services.dispatch = (channel, payload) => {
      calls.push(channel);
      return dispatch(channel, payload);
    };
    const input = page.getByTestId('profile-switcher').locator('input');
    await input.click();
    await input.fill('');
    await input.pressSequentially('Nordlys');
    await h.screenshot('overview-05-switcher');
    await page.getByRole('option', { name: /Nordlys AS \(313 000 001\)/ }).click();
    await expect.poll(() => h.services.profiles.active()?.id).toBe(own.id);
    await expect.poll(() => calls.filter((c) => c === 'firm.overview').length).toBe(1);
    await input.click();
    await input.fill('');
    await input.pressSequentially('974 761');
    await page.getByRole('option', { name: /Regnskap AS/ }).click();
    await expect.poll(() => h.services.profiles.active()?.id).toBe(firm.profileId);
    await page.getByRole('link', { name: 'Oversikt', exact: true }).click();
    await expect.poll(() => count().textContent()).toBe('Viser 500 av 500 klienter');
    // Nordlys's overview was fetched once; the firm's came from the cache.
    expect(calls.filter((c) => c === 'firm.overview')).toHaveLength(1);
    h.services.dispatch = dispatch;
    await h.screenshot('overview-06-after-switch');
    expect(h.consoleErrors).toEqual([]);
  });
});
