import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness/harness';
import { startHarnessWithApprovedProfile, type ApprovedProfileHarness } from './harness/approved-profile';
import { fixturePath } from '../shared/reports/fixtures';
import { dispatchOk } from '../main/support/test-app-services';
import type { ChannelName } from '../../shared/ipc/contract';

const ORG = '211785462';
const EMPLOYEE = '08842199736';

/** Tax cards for the employees of an a-melding draft: picked, checked, ordered, answered, exported. */
describe('ordering skattekort in real Chromium', () => {
  let files: string;
  let started: ApprovedProfileHarness | undefined;
  let h: Harness;
  const ok = <T = unknown>(channel: ChannelName, payload?: unknown) => dispatchOk(h.services)<T>(channel, payload);

  beforeAll(async () => {
    started = await startHarnessWithApprovedProfile({
      name: 'skattekort',
      orgNumber: ORG,
      displayName: 'Eksempel AS',
      services: ['a-melding', 'skattekort-til-arbeidsgiver'],
    });
    ({ h, files } = started);
    // An a-melding checked and saved as a draft, as on Rapporter.
    const path = join(files, 'a-melding-januar.xml');
    copyFileSync(fixturePath('amelding-example-v2_2.xml'), path);
    const [checked] = await h.services.reports.checkPaths([path]);
    await ok('reports.saveDraft', { checkId: checked?.checkId });
    await h.page.reload();
  });
  afterAll(async () => {
    await started?.close();
  });

  it('flags the ids of a CSV that cannot be ordered', async () => {
    const { page } = h;
    await page.getByRole('navigation').getByRole('link', { name: 'Skattekort', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Skattekort' }).waitFor();
    const csv = join(files, 'ansatte.csv');
    writeFileSync(csv, `Navn;Fødselsnummer\nKari;${EMPLOYEE}\nOla;01018010019\nKari igjen;${EMPLOYEE}\n`);
    h.desktop.nextPicks.push([csv]);
    await page.getByTestId('persons-from-csv').click();
    await page.getByTestId('person-list').waitFor();
    const statuses = await page
      .getByTestId('person-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(statuses).toEqual(['ok', 'invalid', 'duplicate']);
    await page.getByText('1 av 3 kan bestilles.').waitFor();
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('skattekort-01-csv-checked');
  });

  it('orders for the employees of the a-melding draft, follows the order and shows the answer per employee', async () => {
    const { page } = h;
    await page.getByTestId('persons-from-draft').click();
    await page.getByRole('heading', { name: 'Ansatte fra a-meldingen for januar 2026' }).waitFor();
    expect(await page.getByTestId('person-row').count()).toBe(1);
    await page.getByTestId('order-email').fill('lonn@example.no');
    await page.getByTestId('order-review').click();
    await page.getByTestId('order-confirm').getByText('Skattekort for 1 arbeidstaker,').waitFor();
    await page.getByTestId('order-confirm-button').click();
    await page.getByTestId('order-queued').waitFor();
    const order = page.getByTestId('skattekort-order').first();
    await page.locator('[data-testid="skattekort-order"][data-answer="ready"]').waitFor({ timeout: 30_000 });
    const row = page.getByTestId('answer-row');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.first().textContent()).toContain(EMPLOYEE);
    expect(await row.first().getAttribute('data-result')).toMatch(/^(skattekortopplysningerOK|ikkeSkattekort)$/);
    expect(await order.getByText('Bestillingsreferanse').count()).toBe(1);
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('skattekort-02-answer');

    // The order went through the outbox and the audit log, like every submission.
    const { submissions } = await ok<{ submissions: { target: { service: string }; state: { kind: string } }[] }>(
      'outbox.list',
    );
    expect(
      submissions.filter((s) => s.target.service === 'skattekort-til-arbeidsgiver').map((s) => s.state.kind),
    ).toEqual(['received']);
    expect(await h.services.outbox.exportAudit('csv')).toMatch(/skattekort-til-arbeidsgiver/);
    expect(h.desktop.notifications.map((n) => n.title)).toContain('Skattekortene er klare');
  });

  it('exports the answer as CSV and JSON for the payroll system', async () => {
    const { page } = h;
    await page.getByTestId('export-csv').click();
    await page.getByTestId('export-done').waitFor();
    const csv = h.desktop.saved.at(-1);
    expect(csv?.path).toMatch(/skattekort-.*\.csv$/);
    expect(csv?.content.split('\r\n')[0]).toMatch(/^arbeidsgiver;arbeidstakeridentifikator;inntektsaar/);
    expect(csv?.content).toContain(`${ORG};${EMPLOYEE}`);
    await page.getByTestId('export-json').click();
    await expect.poll(() => h.desktop.saved.length).toBe(2);
    const json = JSON.parse(h.desktop.saved.at(-1)?.content ?? '{}') as {
      skattekort: { arbeidstakeridentifikator: string }[];
    };
    expect(json.skattekort[0]?.arbeidstakeridentifikator).toBe(EMPLOYEE);
  });

  it('shows an answer that is only a status (UGYLDIG_INNTEKTSAAR) as what it means, not as an error', async () => {
    const { page } = h;
    // Two years ahead is never open for ordering (the sandbox follows NAV's window: next year from 15 December).
    const year = String(new Date().getFullYear() + 2);
    await page.getByTestId('persons-from-draft').click();
    await page.getByTestId('order-year').fill(year);
    await page.getByTestId('order-type').selectOption('HENT_KUN_ENDRING');
    await page.getByTestId('order-email').fill('lonn@example.no');
    await page.getByTestId('order-review').click();
    await page.getByTestId('order-confirm-button').click();
    await page.getByTestId('order-queued').waitFor();
    const status = page.locator('[data-testid="answer-status"][data-status="UGYLDIG_INNTEKTSAAR"]');
    await status.waitFor({ timeout: 30_000 });
    expect(await status.textContent()).toContain('Skatteetaten tar ikke imot bestillinger for dette inntektsåret nå');
    expect(await page.getByTestId('answer-row').count()).toBe(1);
    // Nothing to export from an answer without cards.
    expect(await page.getByTestId('export-csv').count()).toBe(1);
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('skattekort-04-status-only');
    expect(h.desktop.notifications.map((n) => n.title)).toContain('Skatteetaten har svart på skattekortbestillingen');
  });
});
