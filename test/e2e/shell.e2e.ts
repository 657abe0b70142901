import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness/harness';
import { channelNames } from '../../shared/ipc/contract';

describe('the app shell in real Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('starts a fresh install at setup with an empty state that says what to do', async () => {
    const { page } = h;
    await page.getByRole('heading', { level: 1, name: 'Oppsett' }).waitFor();
    await expect(page.getByText('Start med virksomheten').isVisible()).resolves.toBe(true);
    expect(page.url()).toContain('#/setup');
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('01-setup-fresh');
  });

  it('refuses an invalid organisation number in the form, then creates a sandbox profile', async () => {
    const { page } = h;
    await page.getByLabel('Organisasjonsnummer').fill('123456789');
    await page.getByLabel('Navn', { exact: true }).fill('Fjellstue AS');
    await page.getByTestId('save-profile').click();
    await page.getByText('Organisasjonsnummeret er ikke gyldig').waitFor();
    expect(h.services.profiles.state().profiles).toHaveLength(0);

    await page.getByLabel('Organisasjonsnummer').fill('974 761 076');
    await page.getByTestId('save-profile').click();
    await page.getByText('Fjellstue AS er lagt til.').waitFor();
    // It reached main, validated and normalised, and became the active profile.
    const state = h.services.profiles.state();
    expect(state.profiles.map((p) => [p.orgNumber, p.environment])).toEqual([['974761076', 'sandbox']]);
    expect(state.activeProfileId).toBe(state.profiles[0]?.id);
    await page.getByTestId('env-banner').waitFor();
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('02-setup-profile-created');
  });

  it('renders every route with no serious accessibility violation', async () => {
    const { page } = h;
    const routes = [
      ['Rapporter', 'Rapporter'],
      ['Utboks', 'Utboks'],
      ['Tilbakemeldinger', 'Tilbakemeldinger'],
      ['Innstillinger', 'Innstillinger'],
      ['Oppsett', 'Oppsett'],
    ] as const;
    for (const [link, heading] of routes) {
      await page.getByRole('navigation').getByRole('link', { name: link }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await h.seriousA11yViolations(), `axe on ${link}`).toEqual([]);
      await h.screenshot(`03-route-${link.toLowerCase()}`);
    }
  });

  it('shows the running sandbox and its loopback endpoints in settings', async () => {
    const { page } = h;
    await page.getByRole('navigation').getByRole('link', { name: 'Innstillinger' }).click();
    const status = page.getByTestId('sandbox-status');
    // The loopback address is not the page's text: it stands with the other addresses, folded away.
    await status.getByText('Sandkassen kjører på denne maskinen.', { exact: false }).waitFor();
    expect(await status.textContent()).not.toMatch(/127\.0\.0\.1/);
    const baseUrl = h.services.sandbox.running()?.baseUrl;
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // The addresses are technical details, folded away until asked for.
    expect(await page.getByTestId('endpoint-table').isVisible()).toBe(false);
    await page.getByTestId('endpoint-details').getByText('Tekniske detaljer').click();
    await page.getByTestId('endpoint-table').getByText(`${baseUrl}/maskinporten/token`).waitFor();
    await page.getByTestId('endpoint-table').getByText(baseUrl!, { exact: true }).waitFor();
  });

  it('switches the whole UI to English and remembers it in main', async () => {
    const { page } = h;
    await page.getByTestId('language').selectOption('en');
    await page.getByRole('navigation').getByRole('link', { name: 'Outbox' }).waitFor();
    expect(h.services.settings.read().language).toBe('en');
    await page.getByRole('navigation').getByRole('link', { name: 'Feedback' }).click();
    await page.getByRole('heading', { level: 1, name: 'Feedback' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await h.screenshot('04-english-feedback');
  });

  it('gives the page no way around the contract: bad payloads and unknown channels are refused by main', async () => {
    const result = await h.page.evaluate(async () => {
      const api = window.innsender as unknown as Record<string, Record<string, (i?: unknown) => Promise<unknown>>>;
      const bad = await api.profiles!.create!({ orgNumber: 'DROP TABLE', displayName: '', environment: 'moon' });
      const external = await api.external!.open!({ url: 'https://evil.example.com/' });
      return { bad, external, keys: Object.keys(window.innsender ?? {}).sort() };
    });
    expect(result.bad).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_INPUT' } });
    expect(result.external).toMatchObject({ ok: false, error: { code: 'EXTERNAL_URL_REFUSED' } });
    expect(h.openedExternally).toEqual([]);
    // Exactly the contract's groups and `on`: nothing else (no ipcRenderer, no require) reaches the page.
    const groups = [...new Set(channelNames.map((c) => c.split('.')[0]!)), 'on'].sort();
    expect(result.keys).toEqual(groups);
  });

  it('loads under the strict CSP with no console errors or CSP violations', () => {
    expect(h.consoleErrors).toEqual([]);
  });
});
