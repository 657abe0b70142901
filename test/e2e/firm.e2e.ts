import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness/harness';
import { openSendConfirmation } from './harness/send-draft';
import { removeProfileKeys } from '../main/support/sandbox-profile';
import { fixtureText } from '../shared/reports/fixtures';
import { faultsAtSmallestWindow } from './harness/layout-checks';
import { runningClock } from '../main/support/running-clock';

const FIRM = { orgNumber: '974761076', name: 'Regnskap AS' };
/** The first is the a-melding fixture's opplysningspliktig; all three have valid check digits. */
const CLIENTS = [
  { orgNumber: '211785462', name: 'Fjellstue AS' },
  { orgNumber: '311000004', name: 'Kløver AS' },
  { orgNumber: '312000008', name: 'Vestvind AS' },
];

/** The fixture's a-melding for another opplysningspliktig, under a meldingsId of its own. */
function aMeldingFor(org: string, meldingsId: string): string {
  return fixtureText('amelding-example-v2_2.xml')
    .replace(/<meldingsId>[^<]+<\/meldingsId>/, `<meldingsId>${meldingsId}</meldingsId>`)
    .replace('<norskIdentifikator>211785462</norskIdentifikator>', `<norskIdentifikator>${org}</norskIdentifikator>`);
}

/**
 * An accounting firm's whole setup in real Chromium against the sandbox: a firm profile, client packages, the agent
 * systembruker approved by the firm's hovedadministrator, three clients attached by the klientadministrator on the
 * emulator's Altinn page, a send for one, and a refused send once another's delegation is removed.
 */
describe("an accounting firm's setup and clients in real Chromium", () => {
  let h: Harness;
  let files: string;
  let dataDir: string;
  /** The app's and the emulator's clock, moved ahead at the end to bring the firm's key to Maskinporten's year. */
  const clock = runningClock('2026-12-07T09:00:00.000Z');
  /** Altinn's pages, in "the OS browser": a separate context with no Innsender bridge. */
  const altinnPage = async (url: string): Promise<Page> => {
    const browser = h.page.context().browser();
    if (!browser) throw new Error('no browser');
    const page = await (await browser.newContext()).newPage();
    await page.goto(url);
    return page;
  };
  const stateOf = (org: string) => h.page.locator(`[data-testid="client-list"] [data-org="${org}"]`);

  /** Picks the file on Rapporter, saves it as a draft, opens it and asks to send it: the confirmation is shown. */
  async function openSend(name: string, content: string) {
    const path = join(files, name);
    writeFileSync(path, content);
    await openSendConfirmation(h, path);
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'innsender-e2e-firm-'));
    files = mkdtempSync(join(tmpdir(), 'innsender-e2e-firm-files-'));
    h = await startHarness({ dataDir, now: clock.now });
  });
  afterAll(async () => {
    const profileId = h?.services.profiles.active()?.id;
    await h?.close();
    await removeProfileKeys(profileId);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  });

  it('creates a firm profile and registers its system with the accountants’ client package', async () => {
    const { page } = h;
    await page.getByRole('heading', { level: 1, name: 'Oppsett' }).waitFor();
    await page.getByLabel('Organisasjonsnummer').fill(FIRM.orgNumber);
    await page.getByLabel('Navn', { exact: true }).fill(FIRM.name);
    await page.getByLabel('Et regnskapsførerkontor som rapporterer for klienter').check();
    await h.screenshot('firm-01-profile');
    await page.getByTestId('save-profile').click();
    await page.getByTestId('setup-wizard').waitFor();
    await page.getByTestId('generate-key').click();
    await page.getByTestId('key-row').waitFor();
    await page.getByTestId('register-sandbox-client').click();
    await page.getByTestId('step-client-state').getByText('Ferdig').waitFor();
    await page.getByTestId('service-aksjonaerregisteroppgave').uncheck();
    // Skatteetaten's a-melding page lists regnskapsforer-lonn for accountants (access-packages.ts names the page).
    await expect(page.getByLabel(/Regnskapsfører lønn/).isChecked()).resolves.toBe(true);
    await h.screenshot('firm-02-client-packages');
    await page.getByTestId('register-system').click();
    await page.getByTestId('step-system-state').getByText('Ferdig').waitFor();
    expect(await h.seriousA11yViolations()).toEqual([]);
  });

  it("asks for the agent systembruker, which the firm's hovedadministrator approves on Altinn's page", async () => {
    const { page } = h;
    await page.getByText('Regnskapsførerkontoret ber om én systembruker for klientforhold').waitFor();
    await page.getByTestId('create-request').click();
    await page.getByTestId('open-approval').click();
    await expect.poll(() => h.desktop.openedExternally.length).toBe(1);
    expect(h.desktop.openedExternally[0]).toContain('/accessmanagement/ui/systemuser/agentrequest?id=');
    const admin = await altinnPage(h.desktop.openedExternally[0] ?? '');
    await admin.getByRole('heading', { name: /ber om tilgang/ }).waitFor();
    await admin.screenshot({ path: 'test-artifacts/e2e/firm-03-agent-approval.png' });
    await admin.getByRole('button', { name: 'Godkjenn' }).click();
    await admin.getByText('Systembrukeren er godkjent.').waitFor();
    await admin.context().close();
    await page.locator('[data-testid="request-status"][data-status="Accepted"]').waitFor({ timeout: 20_000 });
  });

  it('adds three clients, has the klientadministrator attach them in Altinn and lists them as delegated', async () => {
    const { page } = h;
    await page.getByRole('navigation').getByRole('link', { name: 'Klienter', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Klienter' }).waitFor();
    await page.getByTestId('client-org').fill('974761077');
    await page.getByTestId('client-name').fill('Feilsiffer AS');
    await page.getByTestId('add-client').click();
    const mistyped = page.getByRole('alert').filter({ hasText: 'Feilsiffer AS (974 761 077)' });
    await mistyped.waitFor();
    // Said in words, the code only under Tekniske detaljer.
    const [said] = (await mistyped.innerText()).split('Tekniske detaljer');
    expect(said).toContain('Sjekk nummeret i Enhetsregisteret');
    expect(said).not.toMatch(/FIRM_CLIENT_ORG_INVALID|[<>{}]/);
    expect(await mistyped.getByText('FIRM_CLIENT_ORG_INVALID').isVisible()).toBe(false);
    await h.screenshot('firm-04a-mistyped-org');
    for (const client of CLIENTS) {
      await page.getByTestId('client-org').fill(client.orgNumber);
      // The register's name fills the field first (useRegisterName); typed over before it lands, the two ran
      // together ('Syntetisk selskap 311000004 ASKløver AS').
      await expect.poll(() => page.getByTestId('client-name').inputValue()).not.toBe('');
      await page.getByTestId('client-name').fill(client.name);
      await page.getByTestId('add-client').click();
      await stateOf(client.orgNumber).waitFor();
    }
    for (const c of CLIENTS)
      await expect(stateOf(c.orgNumber).getAttribute('data-state')).resolves.toBe('not-delegated');
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('firm-04-clients-not-delegated');

    await page.getByTestId('open-client-admin').click();
    await expect.poll(() => h.desktop.openedExternally.length).toBe(2);
    const klientadmin = await altinnPage(h.desktop.openedExternally[1] ?? '');
    for (const client of CLIENTS) {
      await klientadmin.getByLabel('Organisasjonsnummer').fill(client.orgNumber);
      await klientadmin.getByLabel('Navn').fill(client.name);
      await klientadmin.getByRole('button', { name: 'Legg til' }).click();
      await klientadmin.getByText(`${client.name} (${client.orgNumber}) er lagt til.`).waitFor();
    }
    await klientadmin.screenshot({ path: 'test-artifacts/e2e/firm-05-klientadministrator.png' });
    await klientadmin.context().close();

    await page.getByTestId('sync-delegations').click();
    for (const c of CLIENTS) {
      await page.locator(`[data-testid="client-list"] [data-org="${c.orgNumber}"][data-state="delegated"]`).waitFor();
    }
    await h.screenshot('firm-06-clients-delegated');
    expect(await faultsAtSmallestWindow(h.page, 'main')).toEqual({ pageWiderBy: 0, amountsSplit: [] });
  });

  // A client typed with another company's number whose check digit is also valid showed "Ikke lagt til", and nothing
  // showed the client Altinn did have on the systembruker: the firm could not see its mistake.
  it("lists the client Altinn has that the firm's list lacks, and adds it from there", async () => {
    const { page } = h;
    const [real, typed] = ['315000017', '315000025'];
    await page.getByTestId('client-org').fill(typed);
    await expect.poll(() => page.getByTestId('client-name').inputValue()).not.toBe('');
    await page.getByTestId('client-name').fill('Solbær AS');
    await page.getByTestId('add-client').click();
    await stateOf(typed).waitFor();
    const klientadmin = await altinnPage(h.desktop.openedExternally[1] ?? '');
    await klientadmin.getByLabel('Organisasjonsnummer').fill(real);
    await klientadmin.getByLabel('Navn').fill('Solbær AS');
    await klientadmin.getByRole('button', { name: 'Legg til' }).click();
    await klientadmin.getByText(`Solbær AS (${real}) er lagt til.`).waitFor();
    await klientadmin.context().close();

    await page.getByTestId('sync-delegations').click();
    const section = page.getByRole('region', { name: 'I Altinn, men ikke i listen din' });
    const row = section.locator(`[data-org="${real}"]`);
    await row.waitFor();
    expect(await row.innerText()).toMatch(/^Solbær AS\s+315 000 017\s+Legg til/);
    await expect(stateOf(typed).getAttribute('data-state')).resolves.toBe('not-delegated');
    await row.scrollIntoViewIfNeeded();
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('firm-06a-in-altinn-not-in-list');

    await row.getByRole('button', { name: /^Legg til/ }).click();
    await page.locator(`[data-testid="client-list"] [data-org="${real}"][data-state="delegated"]`).waitFor();
    await section.getByRole('status').getByText('Solbær AS er lagt til i klientlisten.').waitFor();
    expect(await section.locator('[data-org]').count()).toBe(0);
    await stateOf(typed)
      .getByRole('button', { name: /^Fjern fra Innsender/ })
      .click();
    await stateOf(typed).waitFor({ state: 'detached' });
    await h.screenshot('firm-06b-added-from-altinn');
  });

  it('sends an a-melding for a delegated client, and refuses one for a client whose delegation was removed', async () => {
    const { page } = h;
    await openSend('fjellstue.xml', aMeldingFor('211785462', 'firmae2e0001'));
    // The confirmation names the client the report is for, beside the firm that sends it.
    expect(await page.getByTestId('send-preview').innerText()).toContain('Fjellstue AS (211 785 462)');
    await page.getByTestId('confirm-send').click();
    await page.getByTestId('sent-to-outbox').waitFor();
    await page.getByTestId('sent-to-outbox').getByRole('link', { name: 'Gå til Utboks' }).click();
    await page.locator('[data-testid="submission"][data-state="received"]').waitFor({ timeout: 20_000 });
    await h.screenshot('firm-07-sent-for-client');

    // The klientadministrator removes Vestvind AS in Altinn.
    const url = h.desktop.openedExternally[1] ?? '';
    const klientadmin = await altinnPage(url);
    await klientadmin.getByRole('button', { name: 'Fjern Vestvind AS' }).click();
    await klientadmin.getByText('Vestvind AS (312000008) er fjernet.').waitFor();
    await klientadmin.context().close();

    await openSend('vestvind.xml', aMeldingFor('312000008', 'firmae2e0002'));
    await page.getByTestId('confirm-send').click();
    const dialog = page.getByTestId('send-dialog');
    await dialog.getByText(/Vestvind AS \(312 000 008\)/).waitFor();
    expect(await dialog.innerText()).toContain('Regnskap AS (974 761 076)');
    await h.screenshot('firm-08-refused-removed');
    const submissions = (await h.services.dispatch('outbox.list', undefined)) as {
      ok: true;
      value: { submissions: unknown[] };
    };
    expect(submissions.value.submissions).toHaveLength(1);

    await page.keyboard.press('Escape');
    await page.getByRole('navigation').getByRole('link', { name: 'Klienter', exact: true }).click();
    await page.locator('[data-testid="client-list"] [data-org="312000008"][data-state="removed"]').waitFor();
    await h.screenshot('firm-09-removed');
  });

  it('a client taken off the systembruker after its report was queued: Utboks names it and says what to do', async () => {
    const { page } = h;
    const sandbox = h.services.sandbox.running();
    // Skatteetaten is down while the report is queued, so it waits in the outbox for the next try.
    sandbox?.faults.add({ kind: 'status', status: 503, method: 'POST', pathPrefix: '/skatteetaten/' });
    await openSend('klover.xml', aMeldingFor('311000004', 'firmae2e0003'));
    await page.getByTestId('confirm-send').click();
    await page.getByTestId('sent-to-outbox').getByRole('link', { name: 'Gå til Utboks' }).click();
    const row = page.locator('[data-testid="submission"]', { hasText: 'Kløver AS (311 000 004)' });
    await row.getByTestId('failure').waitFor({ timeout: 20_000 });

    // Meanwhile the klientadministrator removes Kløver AS in Altinn; Skatteetaten is back.
    const klientadmin = await altinnPage(h.desktop.openedExternally[1] ?? '');
    await klientadmin.getByRole('button', { name: 'Fjern Kløver AS' }).click();
    await klientadmin.getByText('Kløver AS (311000004) er fjernet.').waitFor();
    await klientadmin.context().close();
    sandbox?.faults.clear();
    await row.getByTestId('retry').click();
    const failure = row.getByTestId('failure');
    await failure
      .getByText(/Kløver AS \(311 000 004\) er ikke lenger lagt til på systembrukeren til/)
      .waitFor({ timeout: 20_000 });
    // Headed with the client's missing delegation: it read "Innsendingen venter på deg: noe i oppsettet må rettes".
    await failure
      .getByRole('heading', {
        name: 'Kløver AS (311 000 004) er ikke lenger lagt til på kontorets systembruker i Altinn',
        exact: true,
      })
      .waitFor();
    const said = await failure.innerText();
    expect(said).not.toContain('oppsettet må rettes');
    expect(said).toContain('systembrukeren til Regnskap AS (974 761 076)');
    expect(said).toContain('Be klientadministrator legge klienten til igjen');
    expect(said).not.toMatch(/Sjekk rettighetene i Altinn|HTTP \d{3}|[<>{}]/);
    expect(await row.getAttribute('data-state')).toBe('failed');
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('firm-10-withdrawn-mid-batch');

    await page.getByRole('navigation').getByRole('link', { name: 'Klienter', exact: true }).click();
    await page.locator('[data-testid="client-list"] [data-org="311000004"][data-state="removed"]').waitFor();
  });

  it('warns on Oversikt as the firm’s one key nears Maskinporten’s year, and once it has passed', async () => {
    const { page } = h;
    const day = 86_400_000;
    clock.moveAhead(355 * day - 3_600_000);
    const oversikt = page.getByRole('navigation').getByRole('link', { name: 'Oversikt', exact: true });
    await oversikt.click();
    const alert = page.getByTestId('agent-key-alert');
    await alert.getByRole('heading', { name: 'Maskinporten-nøkkelen går snart ut' }).waitFor();
    expect(await alert.innerText()).toMatch(/utløper \d{1,2}\. \w+ \d{4} \(om 10 dager\)/);
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('firm-11-key-expiring');

    clock.moveAhead(366 * day);
    await page.getByRole('navigation').getByRole('link', { name: 'Klienter', exact: true }).click();
    await oversikt.click();
    await alert.getByRole('heading', { name: 'Maskinporten-nøkkelen har gått ut' }).waitFor();
    expect(await alert.innerText()).toContain('ingenting sendes for noen klient før nøkkelen er fornyet');
    await h.screenshot('firm-12-key-expired');
    await alert.getByRole('link', { name: 'Gå til Oppsett for å fornye nøkkelen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Oppsett' }).waitFor();
  });
});
