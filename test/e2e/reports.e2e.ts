import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness/harness';
import { faultsAtSmallestWindow } from './harness/layout-checks';
import { fixturePath } from '../shared/reports/fixtures';

/** Reports prepared offline, in real Chromium against the real main-process services and a real data folder. */
describe('the Reports page in real Chromium', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'innsender-e2e-reports-'));
  const files = mkdtempSync(join(tmpdir(), 'innsender-e2e-report-files-'));
  const copy = (fixture: string) => {
    copyFileSync(fixturePath(fixture), join(files, fixture));
    return join(files, fixture);
  };
  const aMelding = copy('amelding-example-v2_2.xml');
  const invalid = join(files, 'a-melding-feil-sum.xml');
  writeFileSync(
    invalid,
    readFileSync(aMelding, 'utf8').replace('<sumForskuddstrekk>12000', '<sumForskuddstrekk>13000'),
  );
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ dataDir });
    // The a-melding example's own organisation, in the sandbox (whose rules accept its synthetic people).
    h.services.profiles.create({ orgNumber: '211785462', displayName: 'Eksempel AS', environment: 'sandbox' });
    await h.page.reload();
    // The first load may already have sent a fresh install to Oppsett; go to Rapporter the way a user would.
    await h.page.getByRole('navigation').getByRole('link', { name: 'Rapporter', exact: true }).click();
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  });

  it('starts with an empty state that says what to do', async () => {
    const { page } = h;
    await page.getByRole('heading', { level: 1, name: 'Rapporter' }).waitFor();
    await page.getByRole('heading', { name: 'Ingen rapport kontrollert ennå' }).waitFor();
    await page.getByRole('button', { name: 'Velg filer …' }).waitFor();
    await page.getByText('Ingen utkast ennå').waitFor();
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('reports-01-empty');
  });

  it('picks a valid a-melding in the native dialog and shows the verdict and the summary', async () => {
    const { page } = h;
    h.desktop.nextPicks.push([aMelding]);
    await page.getByTestId('pick-files').click();
    await page.getByRole('heading', { level: 2, name: 'A-melding for januar 2026' }).waitFor();
    const verdict = page.getByTestId('verdict');
    await verdict.getByRole('heading', { name: 'Klar til innsending' }).waitFor();
    const summary = page.getByTestId('amelding-summary');
    expect(await summary.locator('dt:text-is("Opplysningspliktig") + dd').textContent()).toBe('211 785 462');
    expect(await summary.locator('dt:text-is("Inntektsmottakere") + dd').textContent()).toBe('1');
    expect(await summary.locator('dt:text-is("Arbeidsgiveravgift") + dd').textContent()).toMatch(/^5\s640 kr$/);
    await page.getByTestId('zone-table').waitFor();
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('reports-02-valid-amelding');
    expect(await faultsAtSmallestWindow(page, '[data-testid="amelding-summary"]')).toEqual({
      pageWiderBy: 0,
      amountsSplit: [],
    });
  });

  it('saves it as a draft, which is listed and still there after a reload', async () => {
    const { page } = h;
    await page.getByTestId('save-draft').click();
    await page.getByTestId('draft-saved').waitFor();
    await page.getByTestId('draft-row').first().waitFor();
    expect(await page.getByTestId('draft-row').count()).toBe(1);

    await page.reload();
    const row = page.getByTestId('draft-row').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('A-melding · januar 2026 · 211 785 462');
    expect(await row.textContent()).toContain('amelding-example-v2_2.xml');
    expect(await row.textContent()).toContain('Klar');
    expect(await row.textContent()).toContain('Uendret');
  });

  it('picks an RF-1086 main form and shareholder form together, and shows the return with its findings', async () => {
    const { page } = h;
    h.desktop.nextPicks.push([copy('rf1086-hovedskjema-example.xml'), copy('rf1086-underskjema-example.xml')]);
    await page.getByTestId('pick-files').click();
    await page.getByRole('heading', { level: 2, name: 'Aksjonærregisteroppgave for 2025' }).waitFor();
    await page.getByTestId('rf1086-summary').getByTestId('share-class-table').waitFor();
    // The company is not the active profile's organisation: that blocks sending, and says where.
    await page.getByTestId('verdict').getByRole('heading', { name: 'Har feil som må rettes' }).waitFor();
    const finding = page.locator('[data-code="RF1086_COMPANY_NOT_PROFILE"]');
    expect(await finding.textContent()).toContain('rf1086-hovedskjema-example.xml, linje 5');
    await page.getByTestId('save-draft').click();
    await page.getByTestId('draft-saved').waitFor();
    await page.getByTestId('draft-row').nth(1).waitFor();
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('reports-03-rf1086');
    expect(await faultsAtSmallestWindow(page, 'main')).toEqual({
      pageWiderBy: 0,
      amountsSplit: [],
    });
  });

  it('picks an a-melding with a wrong sum and shows the findings grouped, with code, message and line', async () => {
    const { page } = h;
    h.desktop.nextPicks.push([invalid]);
    await page.getByTestId('pick-files').click();
    await page.getByTestId('verdict').getByRole('heading', { name: 'Har feil som må rettes' }).waitFor();
    const errors = page.getByTestId('findings-error');
    await errors.getByRole('heading', { name: /^Feil \(\d+\)$/ }).waitFor();
    const finding = errors.locator('[data-code="AMELDING_SUM_FORSKUDDSTREKK"]');
    expect(await finding.textContent()).toMatch(/AMELDING_SUM_FORSKUDDSTREKK.*a-melding-feil-sum\.xml, linje \d+/);
    expect(await finding.textContent()).toContain('sumForskuddstrekk');
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('reports-04-invalid-amelding');
  });

  it('checks a dropped file from its bytes and says its source cannot be followed', async () => {
    const { page } = h;
    const json = readFileSync(fixturePath('amelding-example.json'), 'utf8');
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'januar.json', { type: 'application/json' }));
      return transfer;
    }, json);
    await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
    await page.getByRole('heading', { level: 2, name: 'A-melding for januar 2026' }).waitFor();
    await page.getByText('Dratt inn: appen kjenner filen bare ved navn').waitFor();
    await page.getByTestId('verdict').getByRole('heading', { name: 'Klar til innsending' }).waitFor();
  });

  it('warns in the list and in the opened draft when the source file has changed', async () => {
    const { page } = h;
    writeFileSync(aMelding, readFileSync(invalid));
    await page.reload();
    const row = page.getByTestId('draft-row').filter({ hasText: 'A-melding' });
    await row.getByTestId('source-changed').waitFor();
    expect(await row.getByTestId('source-changed').textContent()).toBe('Filen er endret');
    await row.getByRole('button', { name: /^Åpne/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Utkast: A-melding for januar 2026' }).waitFor();
    await page.getByTestId('draft-source-alert').waitFor();
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('reports-05-draft-source-changed');

    // Checking again keeps to the saved bytes (still valid); checking the changed file shows what is wrong now.
    await page.getByTestId('recheck-draft').click();
    await page.getByText('Utkastet er kontrollert på nytt.').waitFor();
    await page.getByTestId('verdict').getByRole('heading', { name: 'Klar til innsending' }).waitFor();
    await page.getByTestId('check-source').click();
    await page.locator('[data-code="AMELDING_SUM_FORSKUDDSTREKK"]').waitFor();
    await page.getByTestId('verdict').getByRole('heading', { name: 'Har feil som må rettes' }).waitFor();
  });

  it('keeps the drafts across a restart of the whole app, and deletes one', async () => {
    expect(h.consoleErrors).toEqual([]);
    await h.close();
    h = await startHarness({ dataDir });
    const { page } = h;
    await page.getByRole('heading', { level: 1, name: 'Rapporter' }).waitFor();
    await page.getByTestId('draft-row').nth(1).waitFor();
    expect(await page.getByTestId('draft-row').count()).toBe(2);

    page.once('dialog', (dialog) => void dialog.accept());
    await page
      .getByTestId('draft-row')
      .filter({ hasText: 'Aksjonærregisteroppgave' })
      .getByRole('button', { name: /^Slett/ })
      .click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="draft-row"]').length === 1);
    expect(h.consoleErrors).toEqual([]);
  });
});
