import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness/harness';

/** Nothing secret may ever be on the page: no JWT, no PEM private key, no private JWK member. */
async function secretsOnPage(page: Page): Promise<string[]> {
  const { text, html } = await page.evaluate(() => ({
    text: document.body.innerText,
    html: document.documentElement.outerHTML,
  }));
  const found: string[] = [];
  for (const [name, pattern] of [
    ['jwt', /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\./],
    ['pem private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
    ['private jwk member', /"d"\s*:\s*"/],
  ] as const) {
    if (pattern.test(text) || pattern.test(html)) found.push(name);
  }
  if (text.includes('eyJ')) found.push('eyJ in the text');
  return found;
}

describe('the setup wizard in real Chromium, against the sandbox', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('starts with a sandbox profile and a working keychain, and makes the key', async () => {
    const { page } = h;
    await page.getByRole('heading', { level: 1, name: 'Oppsett' }).waitFor();
    await page.getByLabel('Organisasjonsnummer').fill('974761076');
    await page.getByLabel('Navn', { exact: true }).fill('Fjellstue AS');
    await page.getByTestId('save-profile').click();
    await page.getByTestId('setup-wizard').waitFor();
    await page.getByTestId('keychain-ok').waitFor();
    await expect(page.getByTestId('step-key-state').textContent()).resolves.toBe('Din tur');
    await expect(page.getByTestId('step-test-state').textContent()).resolves.toBe('Venter på forrige steg');
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('setup-01-empty');

    await page.getByTestId('generate-key').click();
    await page.getByTestId('key-row').waitFor();
    const kid = await page.getByTestId('key-row').getAttribute('data-kid');
    expect(kid).toMatch(/^[\w-]{43}$/);
    await page.getByTestId('step-key-state').getByText('Ferdig').waitFor();

    await page.getByTestId('copy-jwk').click();
    await page.getByText('Den offentlige nøkkelen er kopiert').waitFor();
    expect(JSON.parse(h.desktop.clipboard[0] ?? '')).toEqual([expect.objectContaining({ kid, kty: 'RSA' })]);
    await page.getByTestId('save-jwk').click();
    await page.getByText(/Lagret i .*\.jwk\.json/).waitFor();
    expect(JSON.parse(h.desktop.saved[0]?.content ?? '')).toEqual(JSON.parse(h.desktop.clipboard[0] ?? ''));
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('setup-02-key');
  });

  it('registers the sandbox client and the system, and creates the systembruker request', async () => {
    const { page } = h;
    await page.getByTestId('register-sandbox-client').click();
    await page.getByTestId('client-id').waitFor();
    await page.getByTestId('step-client-state').getByText('Ferdig').waitFor();
    await expect(page.getByTestId('key-row').getByText('Registrert').isVisible()).resolves.toBe(true);

    await expect(page.getByTestId('service-a-melding').isChecked()).resolves.toBe(true);
    await page.getByTestId('register-system').click();
    const registered = page.getByTestId('system-registered');
    await registered.getByText('Innsender er registrert som virksomhetens eget system i Altinn.').waitFor();
    await registered.getByText('Tekniske detaljer').click();
    await registered.getByText(/974761076_innsender/).waitFor();
    await page.getByTestId('step-system-state').getByText('Ferdig').waitFor();

    await expect(page.getByTestId('owner-org').inputValue()).resolves.toBe('974761076');
    await page.getByTestId('create-request').click();
    await page.locator('[data-testid="request-status"][data-status="New"]').waitFor();
    await page.getByText('Venter på godkjenning for 974 761 076').waitFor();
    await page.getByTestId('open-approval').click();
    await expect.poll(() => h.desktop.openedExternally.length).toBe(1);
    const baseUrl = h.services.sandbox.running()?.baseUrl;
    expect(h.desktop.openedExternally[0]).toMatch(
      new RegExp(`^${baseUrl}/altinn-am/accessmanagement/ui/systemuser/request\\?id=[0-9a-f-]{36}`),
    );
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('setup-03-waiting');
  });

  it('reaches Accepted when the owner approves on the confirm page, and the connection test succeeds', async () => {
    const { page } = h;
    // The owner, in "the OS browser": a separate browser context with no Innsender bridge.
    const browser = page.context().browser();
    if (!browser) throw new Error('no browser');
    const owner = await (await browser.newContext()).newPage();
    await owner.goto(h.desktop.openedExternally[0] ?? '');
    await owner.getByRole('heading', { name: /ber om tilgang/ }).waitFor();
    await owner.getByRole('button', { name: 'Godkjenn' }).click();
    await owner.getByText('Systembrukeren er godkjent.').waitFor();
    await owner.screenshot({ path: 'test-artifacts/e2e/setup-04-owner-approved.png' });
    await owner.context().close();

    await page.locator('[data-testid="request-status"][data-status="Accepted"]').waitFor({ timeout: 20_000 });
    await page.getByText('Systembrukeren for 974 761 076 er godkjent. Neste steg: test forbindelsen.').waitFor();
    expect(h.desktop.notifications.map((n) => n.body).join('\n')).toContain('er godkjent');

    await page.getByTestId('test-connection').click();
    await page.getByTestId('test-ok').waitFor();
    // The token's claims are for support: behind the disclosure until asked for.
    await expect(page.getByTestId('token-claims').isVisible()).resolves.toBe(false);
    await page.getByTestId('token-details').getByText('Tekniske detaljer').click();
    await page.getByTestId('token-claims').waitFor();
    const claims = await page.getByTestId('token-claims').innerText();
    expect(claims).toContain('skatteetaten:innrapporteringamelding');
    expect(claims).toContain('974761076');
    expect(claims).toContain('974761076_innsender');
    await expect(page.getByTestId('setup-progress').textContent()).resolves.toBe('5 av 5 steg ferdig.');
    await expect(page.getByTestId('setup-next-link').textContent()).resolves.toBe('Sjekk og send din første a-melding');
    await expect(page.getByTestId('setup-next-link').getAttribute('href')).resolves.toMatch(/\/reports$/);
    expect(await secretsOnPage(page)).toEqual([]);
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('setup-05-connected');
  });

  it('resumes where it was after a reload', async () => {
    const { page } = h;
    await page.reload();
    await page.getByTestId('setup-wizard').waitFor();
    await page.getByTestId('test-ok').waitFor();
    await expect(page.getByTestId('setup-progress').textContent()).resolves.toBe('5 av 5 steg ferdig.');
  });

  it('shows a rejection with the next step, and lets the user ask again', async () => {
    const { page } = h;
    // A second organisation in the sandbox, taken to the request step through the same channels the UI uses.
    const created = await h.services.dispatch('profiles.create', {
      orgNumber: '314768949',
      displayName: 'Øvingsbedrift AS',
      environment: 'sandbox',
    });
    if (!created.ok) throw new Error(created.error.code);
    await page.getByRole('button', { name: 'Bruk denne' }).click();
    await page.getByRole('heading', { name: 'Koble Øvingsbedrift AS til Maskinporten og Altinn' }).waitFor();
    await page.getByTestId('generate-key').click();
    await page.getByTestId('key-row').waitFor();
    await page.getByTestId('register-sandbox-client').click();
    await page.getByTestId('step-client-state').getByText('Ferdig').waitFor();
    await page.getByTestId('register-system').click();
    await page.getByTestId('step-system-state').getByText('Ferdig').waitFor();
    await page.getByTestId('create-request').click();
    await page.getByTestId('open-approval').click();
    await expect.poll(() => h.desktop.openedExternally.length).toBe(2);

    const browser = page.context().browser();
    if (!browser) throw new Error('no browser');
    const owner = await (await browser.newContext()).newPage();
    await owner.goto(h.desktop.openedExternally[1] ?? '');
    await owner.getByRole('button', { name: 'Avvis' }).click();
    await owner.getByText('Forespørselen er avvist.').waitFor();
    await owner.context().close();

    await page.locator('[data-testid="request-status"][data-status="Rejected"]').waitFor({ timeout: 20_000 });
    await page.getByText('Forespørselen ble avvist i Altinn.').waitFor();
    await page.getByTestId('step-request-state').getByText('Trenger handling').waitFor();
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('setup-06-rejected');

    await page.getByTestId('discard-request').click();
    await page.getByTestId('create-request').click();
    await page.locator('[data-testid="request-status"][data-status="New"]').waitFor();
    expect(await secretsOnPage(page)).toEqual([]);
  });

  it('takes the kid Samarbeidsportalen lists for a key in a test profile, and says why', async () => {
    const { page } = h;
    const created = await h.services.dispatch('profiles.create', {
      orgNumber: '311654306',
      displayName: 'Testbedrift AS',
      environment: 'test',
    });
    if (!created.ok) throw new Error(created.error.code);
    // The list learns of the new profile by an event: wait for its row rather than take whichever button is last.
    await page
      .getByRole('row', { name: /Testbedrift AS/ })
      .getByRole('button', { name: 'Bruk denne', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Koble Testbedrift AS til Maskinporten og Altinn' }).waitFor();
    await page.getByTestId('generate-key').click();
    await page.getByTestId('key-row').waitFor();
    const kid = (await page.getByTestId('key-row').getAttribute('data-kid')) ?? '';
    // The client step says when to enter the portal's kid (a key pasted as PEM gets one of its own).
    await page.getByText(/Viser portalen nøkkelen med en annen kid enn Innsender/).waitFor();

    await page.getByTestId('portal-kid').getByText('Viser portalen en annen kid for nøkkelen?').click();
    await page.getByTestId('portal-kid-input').fill('ikke en kid');
    await page.getByTestId('portal-kid-save').click();
    await page.getByText(/Kopier den slik portalen viser den/).waitFor();
    const portalKid = '9bc5078c-2d4e-4f7a-8b1c-5e6f7a8b9c0d';
    await page.getByTestId('portal-kid-input').fill(portalKid);
    await page.getByTestId('portal-kid-save').click();
    await page.getByText(`Innsender bruker kid-en portalen viser: ${portalKid}`).waitFor();
    const overview = await h.services.dispatch('setup.status', undefined);
    if (!overview.ok) throw new Error(overview.error.code);
    expect((overview.value as { keys: unknown[] }).keys).toEqual([expect.objectContaining({ kid, portalKid })]);
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('setup-07-portal-kid');
  });

  it('had no console errors or CSP violations', () => {
    expect(h.consoleErrors).toEqual([]);
  });
});
