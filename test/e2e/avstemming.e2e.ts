import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness/harness';
import { startHarnessWithApprovedProfile, type ApprovedProfileHarness } from './harness/approved-profile';
import { fixturePath } from '../shared/reports/fixtures';
import { faultsAtSmallestWindow } from './harness/layout-checks';
import { dispatchOk } from '../main/support/test-app-services';
import type { ChannelName } from '../../shared/ipc/contract';

const ORG = '211785462';
const EMPLOYEE = '08842199736';
/** An a-melding Skatteetaten has from the business's payroll system, not from Innsender. */
const FOREIGN_MELDINGS_ID = 'lonnssystem-2026-01';

/**
 * The a-melding avstemmingsrapport in real Chromium against the sandbox: the project's a-melding example
 * (test/fixtures/reports/amelding-example-v2_2.xml) sent through the outbox, one more melding registered from
 * "another system", then the report for January 2026 fetched, shown per income recipient and in total, and saved
 * as CSV and as PDF. The report's shape is Innsender's assumption (Skatteetaten publishes no example yet:
 * docs/api/avstemmingsrapport-amelding.md @ 3e022611, "Eksempler: Ikke tilgjengelig").
 */
describe('the a-melding avstemmingsrapport in real Chromium', () => {
  let started: ApprovedProfileHarness | undefined;
  let h: Harness;
  const ok = <T = unknown>(channel: ChannelName, payload?: unknown) => dispatchOk(h.services)<T>(channel, payload);

  beforeAll(async () => {
    started = await startHarnessWithApprovedProfile({
      name: 'avstemming',
      orgNumber: ORG,
      displayName: 'Eksempel AS',
      services: ['a-melding', 'a-melding-avstemming'],
    });
    ({ h } = started);
    const path = join(started.files, 'a-melding-januar.xml');
    copyFileSync(fixturePath('amelding-example-v2_2.xml'), path);
    const [checked] = await h.services.reports.checkPaths([path]);
    const draft = await ok<{ id: string }>('reports.saveDraft', { checkId: checked?.checkId });
    await ok('outbox.submit', { draftId: draft.id });
    // The outbox sends in the background: wait (at most 30 s) until Skatteetaten has received it.
    const states = async () =>
      (await ok<{ submissions: { state: { kind: string } }[] }>('outbox.list')).submissions.map((s) => s.state.kind);
    for (let i = 0; i < 60 && (await states()).join() !== 'received'; i += 1) await delay(500);
    expect(await states()).toEqual(['received']);
    const sandbox = h.services.sandbox.running();
    if (!sandbox) throw new Error('the sandbox is not running');
    const seeded = await fetch(`${sandbox.baseUrl}/__admin/skatteetaten/a-meldinger`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-innsender-admin': sandbox.adminToken },
      body: JSON.stringify({ org: ORG, kalendermaaned: '2026-01', meldingsId: FOREIGN_MELDINGS_ID }),
    });
    expect(seeded.status).toBe(201);
  });
  afterAll(async () => {
    await started?.close();
  });

  it('shows the report for a month beside what Innsender sent, per income recipient and in total', async () => {
    const { page } = h;
    await page.getByRole('navigation').getByRole('link', { name: 'Avstemming', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Avstemming av a-meldingen' }).waitFor();
    await page.getByTestId('avstemming-month').fill('2026-13');
    await page.getByText('Skriv måneden som ÅÅÅÅ-MM, for eksempel 2026-11.').waitFor();
    expect(await page.getByTestId('avstemming-fetch').isDisabled()).toBe(true);
    await page.getByTestId('avstemming-month').fill('2026-01');
    await page.getByTestId('avstemming-fetch').click();

    const report = page.getByTestId('avstemming-report');
    await report.waitFor();
    expect(await report.getAttribute('data-status')).toBe('same');
    await report.getByRole('heading', { name: 'Rapport for januar 2026' }).waitFor();
    expect(await page.getByTestId('avstemming-verdict').textContent()).toContain(
      'Alt stemmer: 1 inntektsmottaker har samme inntekt og forskuddstrekk',
    );
    // The melding from the payroll system is registered at Skatteetaten but was not sent from here.
    // One of each, in the singular (i18next's _one), not "1 inntektsmottakere" and "1 a-meldinger".
    await page.getByText('1 a-melding hos Skatteetaten er ikke sendt fra Innsender').waitFor();
    const row = page.getByTestId('avstemming-row');
    expect(await row.count()).toBe(1);
    expect(await row.first().getAttribute('data-status')).toBe('same');
    const cells = await row.first().locator('td').allTextContents();
    expect(cells[0]).toContain(EMPLOYEE);
    // 40 000 kr income and 12 000 kr withheld (negative, as in the a-melding), on both sides.
    expect(cells.slice(1, 5).map((c) => c.replace(/\s/g, ''))).toEqual(['40000kr', '40000kr', '−12000kr', '−12000kr']);
    const meldinger = await page
      .getByTestId('avstemming-melding')
      .evaluateAll((items) => items.map((i) => [i.getAttribute('data-state'), i.textContent]));
    expect(meldinger).toContainEqual([
      'skatteetaten',
      `${FOREIGN_MELDINGS_ID} (januar 2026): registrert hos Skatteetaten, ikke sendt fra Innsender.`,
    ]);
    expect(meldinger.map(([state]) => state).sort()).toEqual(['both', 'skatteetaten']);
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('avstemming-01-month');
    // At the smallest window the app allows, the table scrolls (the page does not) and no amount is split.
    expect(await faultsAtSmallestWindow(page, '[data-testid="avstemming-report"]')).toEqual({
      pageWiderBy: 0,
      amountsSplit: [],
    });
  });

  it('saves the reconciliation as CSV and as a PDF', async () => {
    const { page } = h;
    await page.getByTestId('avstemming-export-csv').click();
    await page.getByTestId('avstemming-exported').waitFor();
    const csv = h.desktop.saved.at(-1);
    expect(csv?.path).toMatch(/avstemming-211785462-2026-01\.csv$/);
    const lines = csv?.content.trim().split('\r\n') ?? [];
    expect(lines[0]).toBe(
      'fraOgMed;tilOgMed;identifikator;navn;inntektSkatteetaten;inntektInnsender;forskuddstrekkSkatteetaten;forskuddstrekkInnsender;status',
    );
    expect(lines[1]).toMatch(new RegExp(`^2026-01;2026-01;${EMPLOYEE};[^;]*;40000;40000;-12000;-12000;same$`));
    expect(lines[2]).toBe('2026-01;2026-01;SUM;;40000;40000;-12000;-12000;same');

    await page.getByTestId('avstemming-export-pdf').click();
    await expect.poll(() => h.desktop.saved.length).toBe(2);
    const pdf = h.desktop.saved.at(-1);
    expect(pdf?.path).toMatch(/avstemming-211785462-2026-01\.pdf$/);
    expect(pdf?.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf?.bytes.length).toBeGreaterThan(1000);
  });

  it('shows the report for a whole year, January to December', async () => {
    const { page } = h;
    await page.getByTestId('avstemming-kind').selectOption('year');
    await page.getByTestId('avstemming-year').fill('26');
    await page.getByText('Skriv året med fire sifre, for eksempel 2026.').waitFor();
    await page.getByTestId('avstemming-year').fill('2026');
    await page.getByTestId('avstemming-fetch').click();
    const report = page.getByTestId('avstemming-report');
    await report.getByRole('heading', { name: 'Rapport for 2026' }).waitFor();
    expect(await page.getByTestId('avstemming-row').count()).toBe(1);
    expect(await report.getAttribute('data-status')).toBe('same');
  });
});
