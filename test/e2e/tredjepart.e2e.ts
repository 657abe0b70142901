import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness/harness';
import { startHarnessWithApprovedProfile, type ApprovedProfileHarness } from './harness/approved-profile';

const ORG = '974761076';
const FIXTURE = join(__dirname, '../fixtures/tredjepart/boligselskap.json');

/** A boligselskap file picked, checked, saved, sent and answered, in real Chromium against the emulator. */
describe('tredjepartsopplysninger in real Chromium', () => {
  let files: string;
  let started: ApprovedProfileHarness | undefined;
  let h: Harness;

  beforeAll(async () => {
    // Through setup fast, with the wizard's channels: an approved systembruker with the boligselskap right.
    started = await startHarnessWithApprovedProfile({
      name: 'tredjepart',
      orgNumber: ORG,
      displayName: 'Fjellstue AS',
      services: ['tredjepart-boligselskap'],
      harness: { feedback: { feedbackIntervals: { baseMs: 1000, maxMs: 2000, offlineRetryMs: 1000 } } },
    });
    ({ h, files } = started);
  });
  afterAll(async () => {
    await started?.close();
  });

  it('names what is wrong in a file, at its path', async () => {
    const { page } = h;
    await page.getByRole('navigation').getByRole('link', { name: 'Tredjepart', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tredjepartsopplysninger' }).waitFor();
    const broken = join(files, 'borettslag-feil.json');
    writeFileSync(broken, readFileSync(FIXTURE, 'utf8').replace('"sumAndelFormue": 675914', '"sumAndelFormue": 1'));
    h.desktop.nextPicks.push([broken]);
    await page.getByTestId('tredjepart-pick').click();
    const result = page.locator('[data-testid="tredjepart-result"][data-valid="false"]');
    await result.waitFor();
    await result.getByText('TREDJEPART_SUM_MISMATCH').waitFor();
    await result.getByText('Tekniske detaljer').first().click();
    await result.getByText('leveranse[1]/oppgaveoppsummering/sumAndelFormue', { exact: false }).waitFor();
    expect(await page.getByTestId('tredjepart-verdict').textContent()).toContain('Har feil som må rettes');
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('tredjepart-01-findings');
  });

  it('checks a good file, shows its summary, saves it and sends it after the confirmation', async () => {
    const { page } = h;
    const path = join(files, 'borettslag-2025.json');
    copyFileSync(FIXTURE, path);
    await page.getByTestId('tredjepart-scheme').selectOption('boligselskap');
    h.desktop.nextPicks.push([path]);
    await page.getByTestId('tredjepart-pick').click();
    const result = page.locator('[data-testid="tredjepart-result"][data-valid="true"]');
    await result.waitFor();
    const summary = page.getByTestId('tredjepart-summary');
    expect(await summary.locator('dt:text-is("Oppgaver") + dd').textContent()).toBe('2');
    expect(await summary.locator('dt:text-is("Oppgavegiver") + dd').textContent()).toBe('974 761 076');
    expect(await summary.locator('dt:text-is("Formue") + dd').textContent()).toMatch(/^675\s914 kr$/);
    await h.screenshot('tredjepart-02-ready');

    await page.getByTestId('tredjepart-save').click();
    await page.getByTestId('tredjepart-saved').waitFor();
    const draft = page.getByTestId('tredjepart-draft');
    await draft.getByRole('heading', { name: 'Boligselskap (RF-1139) 2025' }).waitFor();
    await draft.getByTestId('tredjepart-send').click();
    const dialog = page.getByTestId('tredjepart-send-dialog');
    const preview = dialog.getByTestId('send-preview');
    await preview.waitFor();
    expect(await preview.locator('dt:text-is("Inntektsår") + dd').textContent()).toBe('2025');
    await dialog.getByTestId('send-technical-details').getByText('Tekniske detaljer').click();
    expect(await dialog.getByTestId('send-technical').locator('dt:text-is("Sendes til") + dd').textContent()).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/skatteetaten\/innrapporteringboligselskap\/v1\/2025$/,
    );
    expect(await preview.textContent()).toContain('Fjellstue AS (974 761 076)');
    await dialog.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('tredjepart-03-confirm');
    await dialog.getByTestId('tredjepart-confirm-send').click();
    await page.getByTestId('tredjepart-sent').getByRole('link', { name: 'Gå til Utboks' }).click();

    const row = page.locator('[data-testid="submission"][data-state="received"]');
    await row.waitFor();
    expect(await row.getByRole('heading').textContent()).toBe('Boligselskap (RF-1139) for 2025');
    expect(
      await row.getByTestId('receipt-facts').locator('dt:text-is("Innsendingens navn i loggen") + dd').textContent(),
    ).toBe('Boligselskap (RF-1139) 2025 (974761076)');
    expect(await row.getByTestId('receipt-facts').locator('dt:text-is("Dialog-ID") + dd').textContent()).toMatch(
      /^[0-9a-f-]{36}$/,
    );
    await h.screenshot('tredjepart-04-received');
  });

  it('shows Skatteetaten’s feedback, linked to the submission, in plain words', async () => {
    const { page } = h;
    await page
      .getByRole('navigation')
      .getByRole('link', { name: /^Tilbakemeldinger/ })
      .click();
    const row = page.locator('[data-testid="feedback-row"]', {
      has: page.locator('[data-testid="feedback-outcome"][data-outcome="approved"]'),
    });
    await row.waitFor({ timeout: 45_000 });
    expect(await row.getByTestId('feedback-origin').textContent()).toBe('Sendt fra Innsender');
    await row.getByRole('button').click();
    const view = page.locator('[data-testid="feedback-view"][data-kind="tredjepart"]');
    await view.waitFor();
    await view.getByText('Boligselskap (RF-1139): leveransen er godkjent.').waitFor();
    expect(await view.getAttribute('data-outcome')).toBe('approved');
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('tredjepart-05-feedback');
    expect(h.consoleErrors).toEqual([]);
  });
});
