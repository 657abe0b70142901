import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness/harness';
import { SetupStateFile, profileDir } from '../../main/setup/setup-state';
import type { Profile } from '../../shared/domain/profile';

/** Tuesday 31 March 2026, 10:00 in Oslo: the a-melding for March is due 7 April (Easter Monday is 6 April). */
const NOW = new Date('2026-03-31T08:00:00Z');

/** Worked out by hand from the calendar, not by the code under test. */
const EXPECTED = [
  ['a-melding:2026-02', '2026-03-05', 'overdue'],
  ['a-melding:2026-03', '2026-04-07', 'soon'],
  ['a-melding:2026-04', '2026-05-05', 'upcoming'],
  ['a-melding:2026-05', '2026-06-05', 'upcoming'],
  ['a-melding:2026-06', '2026-07-06', 'upcoming'],
  ['a-melding:2026-07', '2026-08-05', 'upcoming'],
  ['a-melding:2026-08', '2026-09-07', 'upcoming'],
  ['a-melding:2026-09', '2026-10-05', 'upcoming'],
  ['a-melding:2026-10', '2026-11-05', 'upcoming'],
  ['a-melding:2026-11', '2026-12-07', 'upcoming'],
  ['a-melding:2026-12', '2027-01-05', 'upcoming'],
  ['tredjepart-boligselskap:2026', '2027-02-01', 'upcoming'],
  ['aksjonaerregisteroppgave:2026', '2027-02-01', 'upcoming'],
  ['a-melding:2027-01', '2027-02-05', 'upcoming'],
  ['a-melding:2027-02', '2027-03-05', 'upcoming'],
];

describe('the Frister page in real Chromium, from a fixed today', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ now: () => NOW });
    const created = await h.services.dispatch('profiles.create', {
      orgNumber: '974761076',
      displayName: 'Fjellstue AS',
      environment: 'sandbox',
    });
    if (!created.ok) throw new Error(created.error.code);
    const profileId = (created.value as Profile).id;
    // The services the business chose in the setup wizard, as the wizard stores them.
    await new SetupStateFile(profileDir(h.dataDir, profileId)).update((s) => ({
      ...s,
      services: ['tredjepart-boligselskap', 'a-melding', 'aksjonaerregisteroppgave', 'skattekort-til-arbeidsgiver'],
    }));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the right dates for the next twelve months, moved past Easter and weekends', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Frister' }).click();
    await page.getByRole('heading', { level: 1, name: 'Frister' }).waitFor();
    await page.getByTestId('deadline-calendar').waitFor();
    const rows = await page
      .getByTestId('deadline')
      .evaluateAll((els) => els.map((e) => [e.dataset.id, e.dataset.due, e.dataset.status]));
    expect(rows).toEqual(EXPECTED);

    const next = page.getByTestId('next-deadline');
    await expect(next.innerText()).resolves.toContain('7. april 2026');
    await expect(next.innerText()).resolves.toContain('om 7 dager');
    await expect(page.locator('[data-id="a-melding:2026-03"]').getAttribute('aria-current')).resolves.toBe('true');
    await expect(page.locator('[data-id="a-melding:2026-03"]').innerText()).resolves.toContain(
      'Flyttet fra 5. april 2026 (helg)',
    );
    await expect(page.locator('[data-id="aksjonaerregisteroppgave:2026"]').innerText()).resolves.toContain(
      'Flyttet fra 31. januar 2027 (helg)',
    );
    await page.getByTestId('deadlines-soon').getByText('1 frist innen 7 dager er ikke levert ennå.').waitFor();
    await page.getByTestId('deadlines-overdue').waitFor();
    await expect(page.getByTestId('deadlines-without').innerText()).resolves.toContain('Skattekort til arbeidsgiver');
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('deadlines-01-calendar');
  });

  it('changes the warning days, and a deadline 7 days away is no longer "soon" at 5', async () => {
    const { page } = h;
    await page.getByTestId('warn-days').fill('abc');
    await page.getByTestId('save-warn-days').click();
    await page.getByText('Skriv et helt tall fra 0 til 60.').waitFor();
    await page.getByTestId('warn-days').fill('5');
    await page.getByTestId('save-warn-days').click();
    await page.locator('[data-id="a-melding:2026-03"][data-status="upcoming"]').waitFor();
    await expect(page.getByTestId('deadlines-soon').count()).resolves.toBe(0);
    await page.getByTestId('warn-days').fill('7');
    await page.getByTestId('save-warn-days').click();
    await page.locator('[data-id="a-melding:2026-03"][data-status="soon"]').waitFor();
  });

  it('explains that there is no extension API, and opens the official form in the OS browser', async () => {
    const { page } = h;
    const section = page.getByTestId('deadline-extension');
    await expect(section.innerText()).resolves.toContain('Skatteetaten har ikke noe API for det');
    await expect(section.innerText()).resolves.toContain('Det finnes ingen søknad om utsatt frist for a-meldingen');
    await section.getByTestId('open-extension-form').click();
    await section.getByText('Skjemaet er åpnet i nettleseren.').waitFor();
    expect(h.openedExternally).toEqual([
      'https://www.skatteetaten.no/skjema/utsatt-frist-for-levering-av-skattemeldingen-for-klienter/',
    ]);
    await h.screenshot('deadlines-02-extension');
  });

  it('opens Frister at the deadline when its OS warning is clicked', async () => {
    const { page } = h;
    const before = h.desktop.notifications.length;
    await expect(h.services.deadlineWarnings.check()).resolves.toBe(1);
    const warning = h.desktop.notifications.slice(before)[0];
    expect(warning?.body).toBe(
      'A-melding mars 2026 for Fjellstue AS (974 761 076) har frist om 7 dager (7. april 2026).',
    );
    await page.getByRole('link', { name: 'Innstillinger' }).click();
    await page.getByRole('heading', { level: 1, name: 'Innstillinger' }).waitFor();
    expect(await page.getByTestId('deadline-calendar').count()).toBe(0);

    warning?.onClick?.();
    const highlighted = page.locator('[data-testid="deadline"][data-highlighted="true"]');
    await highlighted.waitFor();
    await expect(highlighted.getAttribute('data-id')).resolves.toBe('a-melding:2026-03');
    await expect(page.getByTestId('deadline-from-warning').innerText()).resolves.toBe(
      'Varselet du klikket på gjelder denne fristen.',
    );
    expect(page.url()).toContain('#/deadlines?deadline=a-melding%3A2026-03');
    // Scrolled into view, and focus moved to it.
    await expect(highlighted.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(
      highlighted.evaluate((el) => {
        const box = el.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      }),
    ).resolves.toBe(true);
    expect(await page.locator('[data-highlighted="true"]').count()).toBe(1);
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('deadlines-03-from-warning');
  });

  it('had no console errors or CSP violations', () => {
    expect(h.consoleErrors).toEqual([]);
  });
});
