import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Fault } from '../../main/sandbox/faults';
import type { Harness } from './harness/harness';
import { startHarness } from './harness/harness';
import { startHarnessWithApprovedProfile, type ApprovedProfileHarness } from './harness/approved-profile';
import { openSendConfirmation } from './harness/send-draft';
import { skatteetatenState } from '../main/support/skatteetaten-sandbox';
import { fixturePath, fixtureText } from '../shared/reports/fixtures';

const ORG = '211785462';
const FIXTURE_MELDINGS_ID = /<meldingsId>([^<]+)<\/meldingsId>/.exec(fixtureText('amelding-example-v2_2.xml'))![1]!;
const AMELDING_PATH = '/skatteetaten/innrapporteringamelding/';

/** What a page shows a person may hold no markup, JSON or stack: the words of a page that came in its place. */
const RAW = /[<>{}]|\bat \w+ \(|Unexpected token|HTTP \d{3}/;

/**
 * Services that fail, as the bookkeeper and the owner meet them in real Chromium against the emulator's faults
 * (`main/sandbox/faults.ts`): what the page says, that the report waits and is sent once the service is back, and
 * exactly once at the emulator.
 */
describe('the bookkeeper’s send when Skatteetaten or Dialogporten fails, in real Chromium', () => {
  let started: ApprovedProfileHarness | undefined;
  let h: Harness;
  let files: string;
  const fault = (f: Fault) => h.services.sandbox.running()?.faults.add(f);
  const clearFaults = () => h.services.sandbox.running()?.faults.clear();

  /** Picks an a-melding with its own meldingsId, saves it, sends it and opens Utboks. */
  async function send(meldingsId: string) {
    const { page } = h;
    const path = join(files, `${meldingsId}.xml`);
    copyFileSync(fixturePath('amelding-example-v2_2.xml'), path);
    writeFileSync(path, readFileSync(path, 'utf8').replace(FIXTURE_MELDINGS_ID, meldingsId));
    await openSendConfirmation(h, path);
    await page.getByTestId('confirm-send').click();
    await page.getByTestId('sent-to-outbox').getByRole('link', { name: 'Gå til Utboks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utboks' }).waitFor();
    return page.locator('[data-testid="submission"]', { hasText: meldingsId });
  }

  async function deliveries(meldingsId: string) {
    const sandbox = h.services.sandbox.running();
    if (!sandbox) throw new Error('the sandbox is not running');
    const { skatteetaten } = await skatteetatenState(sandbox);
    return skatteetaten?.receiptsByMeldingsId[`${ORG}/${meldingsId}`] ?? 0;
  }

  beforeAll(async () => {
    started = await startHarnessWithApprovedProfile({
      name: 'faults',
      orgNumber: ORG,
      displayName: 'Eksempel AS',
      services: ['a-melding'],
      harness: { feedback: { feedbackIntervals: { baseMs: 1000, maxMs: 2000, offlineRetryMs: 1000 } } },
    });
    ({ h, files } = started);
  }, 120_000);
  afterEach(() => {
    clearFaults();
  });
  afterAll(async () => {
    await started?.close();
  });

  it('a hotel network’s login page answers instead of Skatteetaten: the report waits, the page says to log in, and it is sent once when retried', async () => {
    fault({ kind: 'captive-portal', method: 'POST', pathPrefix: AMELDING_PATH });
    const row = await send('gjestenett1');
    const failure = row.getByTestId('failure');
    await failure.waitFor();
    await failure
      .getByRole('heading', {
        name: 'Skatteetaten svarte ikke som ventet. Den sendes på nytt av seg selv, med samme nøkkel.',
      })
      .waitFor();
    const said = await failure.innerText();
    expect(said).toContain('Det kommer ofte fra innloggingssiden til et gjestenett (hotell, flyplass)');
    expect(said).toContain('logg inn på nettet i nettleseren');
    expect(said).not.toMatch(RAW);
    expect(said).not.toContain('Uventet feil');
    // It is retried by itself (a next attempt is planned), not left for the user.
    expect(await row.getByTestId('next-retry').innerText()).toMatch(/^Neste forsøk .* \(forsøk \d+ feilet\)\.$/);
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('faults-01-guest-network');
    expect(await deliveries('gjestenett1')).toBe(0);

    clearFaults();
    await row.getByTestId('retry').click();
    await row.locator('[data-testid="submission-state"]', { hasText: 'Mottatt' }).waitFor();
    expect(await deliveries('gjestenett1')).toBe(1);
    await h.screenshot('faults-02-guest-network-sent');
  });

  it('Skatteetaten answers 503 twice, then comes back: the report is sent by itself, once', async () => {
    fault({ kind: 'status', status: 503, method: 'POST', pathPrefix: AMELDING_PATH, times: 2 });
    const row = await send('utilgjengelig1');
    await row.locator('[data-testid="submission-state"]', { hasText: 'Mottatt' }).waitFor({ timeout: 30_000 });
    const sent = await h.services.dispatch('outbox.list', undefined);
    if (!sent.ok) throw new Error(sent.error.code);
    const submission = (sent.value as { submissions: { label: string; attempts: number }[] }).submissions.find((s) =>
      s.label.includes('utilgjengelig1'),
    );
    expect(submission?.attempts).toBe(3);
    expect(await deliveries('utilgjengelig1')).toBe(1);
  });

  it('Dialogporten down: Tilbakemeldinger says so in bokmål, and recovers when it is back', async () => {
    const { page } = h;
    await page
      .getByRole('navigation')
      .getByRole('link', { name: /^Tilbakemeldinger/ })
      .click();
    await page.getByTestId('feedback-sync').waitFor();
    fault({ kind: 'status', status: 503, pathPrefix: '/dialogporten/' });
    fault({ kind: 'status', status: 503, pathPrefix: '/altinn/' });
    await page.getByTestId('feedback-sync-now').click();
    const error = page.getByTestId('feedback-sync').getByText('Dialogporten er midlertidig utilgjengelig.', {
      exact: false,
    });
    await error.waitFor({ timeout: 20_000 });
    expect(await error.innerText()).toMatch(/Innsender prøver igjen senere\./);
    await h.screenshot('faults-03-dialogporten-down');

    clearFaults();
    await page.getByTestId('feedback-sync-now').click();
    await error.waitFor({ state: 'detached', timeout: 20_000 });
    expect(h.consoleErrors).toEqual([]);
  });
});

describe('the owner’s setup when Altinn answers with a login page, in real Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('does not take the page for a registered system: says to log in to the network, and registers once it is back', async () => {
    const { page } = h;
    await page.getByRole('heading', { level: 1, name: 'Oppsett' }).waitFor();
    await page.getByLabel('Organisasjonsnummer').fill('974761076');
    await page.getByLabel('Navn', { exact: true }).fill('Fjellstue AS');
    await page.getByTestId('save-profile').click();
    await page.getByTestId('generate-key').click();
    await page.getByTestId('key-row').waitFor();
    await page.getByTestId('register-sandbox-client').click();
    await page.getByTestId('client-id').waitFor();

    h.services.sandbox.running()?.faults.add({ kind: 'captive-portal', pathPrefix: '/altinn/' });
    await page.getByTestId('register-system').click();
    const alert = page.getByRole('alert').filter({ hasText: 'Altinn' });
    await alert.waitFor();
    const said = await alert.innerText();
    expect(said).toContain('Fjellstue AS (974 761 076): Svaret kunne ikke leses som et svar fra Altinn.');
    expect(said).toContain('logg inn på nettet i nettleseren og prøv igjen');
    // Main's details (the operation, the page's first words) wait, closed, under technical details.
    expect(said).not.toMatch(RAW);
    expect(said).not.toContain('register system');
    expect(await page.getByTestId('system-registered').count()).toBe(0);
    expect(await page.getByTestId('step-system-state').innerText()).not.toBe('Ferdig');
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('faults-04-altinn-guest-network');

    h.services.sandbox.running()?.faults.clear();
    await page.getByTestId('register-system').click();
    await page.getByTestId('system-registered').waitFor();
    await page.getByTestId('step-system-state').getByText('Ferdig').waitFor();
  });
});
