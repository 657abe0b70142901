import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness/harness';

describe('adding a service to an approved systembruker, in real Chromium against the sandbox', () => {
  let h: Harness;
  const ok = async (channel: string, payload?: unknown) => {
    const result = await h.services.dispatch(channel, payload);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
    return result.value;
  };
  /** The owner, in "the OS browser": a separate context with no Innsender bridge. */
  const ownerDecides = async (url: string, button: 'Godkjenn' | 'Avvis', done: string) => {
    const browser = h.page.context().browser();
    if (!browser) throw new Error('no browser');
    const owner = await (await browser.newContext()).newPage();
    await owner.goto(url);
    await owner.getByRole('button', { name: button }).click();
    await owner.getByText(done).waitFor();
    return owner;
  };

  beforeAll(async () => {
    h = await startHarness();
    await ok('profiles.create', { orgNumber: '974761076', displayName: 'Fjellstue AS', environment: 'sandbox' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('sets up a systembruker for the a-melding and has the owner approve it', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Oppsett' }).click();
    await page.getByTestId('setup-wizard').waitFor();
    await page.getByTestId('generate-key').click();
    await page.getByTestId('key-row').waitFor();
    await page.getByTestId('register-sandbox-client').click();
    await page.getByTestId('step-client-state').getByText('Ferdig').waitFor();
    // The picker groups the services Innsender can send; what each asks Altinn for is under technical details.
    await page.getByTestId('service-group-tredjepart').waitFor();
    // Finansprodukter goes through the TPO file reception, so it is offered too.
    await expect(page.getByTestId('service-tredjepart-finansprodukter').count()).resolves.toBe(1);
    await page.getByTestId('service-technical').getByText('Tekniske detaljer').click();
    const access = page.getByTestId('service-a-melding-access');
    await access.waitFor();
    await expect(access.innerText()).resolves.toContain('ske-innrapportering-amelding');
    await expect(access.innerText()).resolves.toContain('a-ordning');
    await page.getByTestId('service-aksjonaerregisteroppgave').uncheck();
    await page.getByTestId('register-system').click();
    await page.getByTestId('step-system-state').getByText('Ferdig').waitFor();
    await page.getByTestId('create-request').click();
    await page.getByTestId('open-approval').click();
    await expect.poll(() => h.openedExternally.length).toBe(1);
    await (
      await ownerDecides(h.openedExternally[0] ?? '', 'Godkjenn', 'Systembrukeren er godkjent.')
    )
      .context()
      .close();
    await page.locator('[data-testid="request-status"][data-status="Accepted"]').waitFor({ timeout: 20_000 });
    await page.getByTestId('test-connection').click();
    await page.getByTestId('test-ok').waitFor();
    await expect(page.getByTestId('token-claims').textContent()).resolves.not.toContain(
      'innrapporteringaksjonaerregisteroppgave',
    );
  });

  it('adds the aksjonærregisteroppgave with a change request the owner approves, and the token then has its scope', async () => {
    const { page } = h;
    await page.getByTestId('start-change').click();
    await page.getByTestId('change-service-aksjonaerregisteroppgave').check();
    await expect(page.getByTestId('change-diff-added').innerText()).resolves.toBe('Aksjonærregisteroppgave (RF-1086)');
    // The Altinn right it asks for is under technical details.
    await expect(page.getByTestId('change-diff-added-rights').textContent()).resolves.toContain(
      'ske-innrapportering-aksjonaerregisteroppgave',
    );
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('change-request-01-diff');
    await page.getByTestId('send-change').click();
    await page.locator('[data-testid="change-status"][data-status="New"]').waitFor();
    await page.getByTestId('open-change-approval').click();
    await expect.poll(() => h.openedExternally.length).toBe(2);
    expect(h.openedExternally[1]).toContain('/accessmanagement/ui/systemuser/changerequest?id=');

    const owner = await ownerDecides(h.openedExternally[1] ?? '', 'Godkjenn', 'Endringen er godkjent.');
    await owner.screenshot({ path: 'test-artifacts/e2e/change-request-02-owner-approved.png' });
    await owner.context().close();

    await page.locator('[data-testid="change-status"][data-status="Accepted"]').waitFor({ timeout: 20_000 });
    await page.getByText('Endringen er godkjent. Systembrukeren har nå disse tjenestene.').waitFor();
    expect(h.desktop.notifications.map((n) => n.body).join('\n')).toContain('Endringen av tjenester');
    await page.getByTestId('test-connection').click();
    await page.getByTestId('test-ok').waitFor();
    await expect(page.getByTestId('token-claims').textContent()).resolves.toContain(
      'skatteetaten:innrapporteringaksjonaerregisteroppgave',
    );
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('change-request-03-accepted');
  });

  it('had no console errors or CSP violations', () => {
    expect(h.consoleErrors).toEqual([]);
  });
});
