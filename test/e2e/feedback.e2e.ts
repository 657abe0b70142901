import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness/harness';
import { faultsAtSmallestWindow, wordsSplitAcrossLines } from './harness/layout-checks';
import { approvedSandboxSetup, seedAMeldingFeedback, seedPdfFeedback } from '../main/support/feedback-seed';

const ORG = '974761076';

describe('feedback from Dialogporten in real Chromium, against the sandbox', () => {
  let h: Harness;
  beforeAll(async () => {
    // The app's poller, on a test-sized schedule: "within the poll interval" is then about a second.
    h = await startHarness({ feedback: { feedbackIntervals: { baseMs: 1000, maxMs: 2000, offlineRetryMs: 1000 } } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('tells the user to finish the setup first', async () => {
    const { page } = h;
    const created = await h.services.dispatch('profiles.create', {
      orgNumber: ORG,
      displayName: 'Fjellstue AS',
      environment: 'sandbox',
    });
    if (!created.ok) throw new Error(created.error.code);
    await page.getByRole('link', { name: 'Tilbakemeldinger' }).click();
    await page
      .getByTestId('feedback-not-ready')
      .getByText('lag Maskinporten-nøkkelen (steg 1)', { exact: false })
      .waitFor();
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('feedback-01-not-ready');
  });

  it('polls once the systembruker is approved, and shows the empty state', async () => {
    const { page } = h;
    // The wizard's own steps, through the channels its buttons call (setup.e2e.ts drives them in the UI).
    await approvedSandboxSetup(h.services, () => h.desktop.openedExternally);
    await page.locator('[data-testid="feedback-sync"][data-state="waiting"]').waitFor({ timeout: 15_000 });
    await page.getByText('Ingen tilbakemeldinger ennå').waitFor();
    expect(await page.getByTestId('feedback-badge').count()).toBe(0);
  });

  it('shows new feedback from an Altinn event, without a full search, with a notification and the badge', async () => {
    const { page } = h;
    const host = h.services.sandbox.running();
    if (!host) throw new Error('the sandbox is not running');
    const before = h.desktop.notifications.length;
    const mark = host.requests.list().length;
    const seeded = seedAMeldingFeedback(host, { org: ORG, externalReference: 'M-2026-02' });

    const row = page.locator(`[data-testid="feedback-row"][data-dialog-id="${seeded.dialog.id}"]`);
    // Altinn Events shows an event 30 s after it is registered (dialogporten-events.md §4.6); then the next pass.
    await row.waitFor({ timeout: 45_000 });
    const asked = host.requests.list().slice(mark);
    expect(asked.some((r) => r.path === '/altinn/events/api/v1/events')).toBe(true);
    // A full search names every resource of the profile; the event-driven one only the resource that changed.
    const searches = asked.filter((r) => r.path === '/dialogporten/api/v1/enduser/dialogs');
    expect(searches.length).toBeGreaterThan(0);
    for (const search of searches) {
      expect(new URLSearchParams(search.query).getAll('serviceResource')).toEqual([
        'urn:altinn:resource:ske-innrapportering-amelding',
      ]);
    }
    await row.getByText('Mottatt med avvik').waitFor();
    await page.locator('[data-testid="feedback-source"][data-source="events"]').waitFor();
    expect(await page.getByTestId('feedback-source').textContent()).toBe(
      'Altinn Events (bare endrede dialoger hentet)',
    );
    expect(await page.getByTestId('feedback-events-refused').count()).toBe(0);
    await expect(row.getByTestId('feedback-origin').textContent()).resolves.toBe('Sendt utenfor Innsender');
    await expect(row.getByText('februar 2026').count()).resolves.toBe(1);
    await page.locator('[data-testid="feedback-badge"][data-count="1"]').waitFor();
    await expect(page.getByRole('link', { name: /Tilbakemeldinger\s*1 ulest$/ }).count()).resolves.toBe(1);

    const raised = h.desktop.notifications.slice(before);
    expect(raised.map((n) => [n.title, n.body])).toEqual([
      [
        'Ny tilbakemelding fra Skatteetaten',
        'Fjellstue AS (974 761 076): a-meldingen for februar 2026 er mottatt, med 2 avvik.',
      ],
    ]);
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('feedback-02-list');
    expect(await faultsAtSmallestWindow(h.page, 'main')).toEqual({ pageWiderBy: 0, amountsSplit: [] });
  });

  it('opens from the notification, renders the tilbakemelding, and clears the badge', async () => {
    const { page } = h;
    const notification = h.desktop.notifications.at(-1);
    notification?.onClick?.();
    const detail = page.getByTestId('feedback-detail');
    await detail.waitFor();
    const view = page.getByTestId('feedback-view');
    await expect(view.getAttribute('data-outcome')).resolves.toBe('received-with-deviations');
    await page
      .locator('[data-testid="deviation-group"][data-severity="immediate"]')
      .getByText('Kari Nordmann', { exact: false })
      .waitFor();
    await page.locator('[data-testid="deviation-group"][data-severity="guideline"]').getByText('181E').waitFor();
    await expect(page.getByTestId('feedback-period-totals').innerText()).resolves.toMatch(/14\s100 kr/);
    await page.getByTestId('feedback-unconfirmed').waitFor();
    await page.getByTestId('feedback-badge').waitFor({ state: 'detached' });

    await page.getByTestId('feedback-download').click();
    await page.getByTestId('feedback-downloaded').waitFor();
    expect(JSON.parse(h.desktop.saved.at(-1)?.content ?? '')).toMatchObject({
      melding: { mottak: [{ kalendermaaned: '2026-02' }] },
    });
    // The 18rem sync box beside the feedback: each value under its label at the box's width, whatever the month's
    // name ("7. desemb|er 2026" was split while the values sat in a column beside the labels). Checked again on a
    // page loaded at Tilbakemeldinger, with no other route's CSS: the facts' grid came with Rapporter's CSS only.
    for (const reload of [false, true]) {
      if (reload) await page.reload();
      const sync = page.getByTestId('feedback-sync');
      await sync.locator('dd').first().waitFor();
      const widths = await sync.evaluate((box) => ({
        list: box.querySelector('dl')!.getBoundingClientRect().width,
        values: [...box.querySelectorAll('dd')].map((dd) => dd.getBoundingClientRect().width),
      }));
      expect(widths.values.length).toBeGreaterThan(1);
      for (const width of widths.values) expect(width, reload ? 'after a reload' : 'as opened').toBe(widths.list);
      expect(await wordsSplitAcrossLines(page, '[data-testid="feedback-sync"] dd')).toEqual([]);
    }
    await page.getByTestId('feedback-view').waitFor();
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('feedback-03-detail');
    expect(await faultsAtSmallestWindow(h.page, 'main')).toEqual({ pageWiderBy: 0, amountsSplit: [] });
    expect(h.consoleErrors).toEqual([]);
  });

  it('says a PDF document is to be saved, and saves its exact bytes', async () => {
    const { page } = h;
    const host = h.services.sandbox.running();
    if (!host) throw new Error('the sandbox is not running');
    const seeded = seedPdfFeedback(host, { org: ORG });
    await page.getByTestId('feedback-back').click();
    const row = page.locator(`[data-testid="feedback-row"][data-dialog-id="${seeded.dialog.id}"]`);
    // Found through Altinn Events: 30 s after the event, then the next pass.
    await row.waitFor({ timeout: 45_000 });
    await row.getByRole('button').click();
    const pdf = page.locator('[data-testid="feedback-detail"] [data-media-type="application/pdf"]');
    await pdf.getByText('Et PDF-dokument: lagre det for å lese det.').waitFor();
    expect(await pdf.getByTestId('feedback-view').count()).toBe(0);
    const saves = h.desktop.saved.length;
    await pdf.getByRole('button', { name: 'Last ned originalen (Kvittering.pdf)' }).click();
    await page.getByTestId('feedback-downloaded').getByText('Kvittering.pdf', { exact: false }).waitFor();
    expect(h.desktop.saved).toHaveLength(saves + 1);
    const saved = h.desktop.saved.at(-1);
    expect(saved?.path).toMatch(/Kvittering\.pdf$/);
    expect(saved?.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(saved?.bytes.equals(seeded.pdf)).toBe(true);
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('feedback-04-pdf');
    expect(h.consoleErrors).toEqual([]);
  });
});
