import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness/harness';
import { startHarnessWithApprovedProfile, type ApprovedProfileHarness } from './harness/approved-profile';
import { openDraft } from './harness/send-draft';
import { fixturePath, fixtureText } from '../shared/reports/fixtures';

const ORG = '211785462';
const FIXTURE_MELDINGS_ID = /<meldingsId>([^<]+)<\/meldingsId>/.exec(fixtureText('amelding-example-v2_2.xml'))![1]!;
/** A meldingsId the business's payroll system used: Skatteetaten has it, Innsender does not. */
const FOREIGN_MELDINGS_ID = 'lonnssystem2026010001';

/**
 * Draft → send → received; a reused meldingsId caught offline; and a file Skatteetaten rejects, in real Chromium
 * against the emulator.
 */
describe('sending a draft through the outbox in real Chromium', () => {
  let files: string;
  let started: ApprovedProfileHarness | undefined;
  const copy = (name: string) => {
    const path = join(files, name);
    copyFileSync(fixturePath('amelding-example-v2_2.xml'), path);
    return path;
  };
  let h: Harness;

  /** Picks the file on Rapporter, saves it as a draft and opens the draft. */
  async function openDraftOf(path: string) {
    await openDraft(h, path);
    await h.page.getByRole('heading', { level: 2, name: 'Utkast: A-melding for januar 2026' }).waitFor();
  }

  beforeAll(async () => {
    // Through setup fast, with the same channels the wizard uses: an approved systembruker for the example's org.
    started = await startHarnessWithApprovedProfile({
      name: 'outbox',
      orgNumber: ORG,
      displayName: 'Eksempel AS',
      services: ['a-melding', 'aksjonaerregisteroppgave'],
      // The feedback poller runs, so the replacement's feedback arrives as it does in the app.
      harness: { feedback: { feedbackIntervals: { baseMs: 1000, maxMs: 2000, offlineRetryMs: 1000 } } },
    });
    ({ h, files } = started);
  });
  afterAll(async () => {
    await started?.close();
  });

  it('starts with an empty outbox that says where to begin', async () => {
    const { page } = h;
    await page.getByRole('navigation').getByRole('link', { name: 'Utboks', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Utboks' }).waitFor();
    await page.getByRole('heading', { name: 'Ingenting er sendt ennå' }).waitFor();
    await page.getByTestId('audit-section').waitFor();
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('outbox-01-empty');
  });

  it('confirms what will be sent and where, then sends the draft: received, with the receipt shown', async () => {
    const { page } = h;
    await openDraftOf(copy('a-melding-januar.xml'));
    await page.getByTestId('send-draft').click();
    const dialog = page.getByTestId('send-dialog');
    await dialog.getByRole('heading', { name: 'Send til Skatteetaten?' }).waitFor();
    const preview = dialog.getByTestId('send-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('Eksempel AS (211 785 462)');
    expect(await preview.textContent()).toContain('Sandkasse');
    // What a bookkeeper checks first: the period, the people and the totals.
    const fact = (label: string) => preview.locator(`dt:text-is("${label}") + dd`).textContent();
    expect(await fact('Periode')).toBe('januar 2026');
    expect(await fact('Inntektsmottakere')).toBe('1');
    expect(await fact('Samlet inntekt')).toBe('40 000 kr');
    expect(await fact('Forskuddstrekk')).toBe('12 000 kr');
    expect(await fact('Arbeidsgiveravgift')).toBe('5 640 kr');
    expect(await preview.textContent()).not.toContain('127.0.0.1');
    // The host, the bytes and the hash are behind technical details, and the buttons stay in view.
    await dialog.getByTestId('send-technical-details').getByText('Tekniske detaljer').click();
    const technical = dialog.getByTestId('send-technical');
    expect(await technical.locator('dt:text-is("Sendes til") + dd').textContent()).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/skatteetaten\/innrapporteringamelding\/v1$/,
    );
    await page.setViewportSize({ width: 1280, height: 500 });
    expect(await dialog.getByTestId('confirm-send').isVisible()).toBe(true);
    const box = await dialog.getByTestId('confirm-send').boundingBox();
    expect((box?.y ?? 9999) + (box?.height ?? 0)).toBeLessThanOrEqual(500);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await dialog.getByTestId('environment-note').textContent()).toContain('ingenting sendes til Skatteetaten');
    // axe reads colours mid-fade as low contrast: check once the dialog has finished opening.
    await dialog.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('outbox-02-confirm');

    await dialog.getByTestId('confirm-send').click();
    await page.getByTestId('sent-to-outbox').waitFor();
    await page.getByTestId('sent-to-outbox').getByRole('link', { name: 'Gå til Utboks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utboks' }).waitFor();

    const row = page.locator('[data-testid="submission"][data-state="received"]');
    await row.waitFor();
    expect(await row.getByTestId('submission-state').textContent()).toBe('Mottatt');
    const receipt = row.getByTestId('receipt-facts');
    expect(await receipt.locator('dt:text-is("Dialog-ID") + dd').textContent()).toMatch(/^[0-9a-f-]{36}$/);
    expect(await receipt.locator('dt:text-is("Forsendelses-ID") + dd').textContent()).toMatch(/^[0-9a-f-]{36}$/);
    expect(await receipt.locator('dt:text-is("Meldings-ID") + dd').textContent()).toBeTruthy();
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('outbox-03-received');
  });

  it('catches a meldingsId Innsender has already sent before anything is sent, and says what to do', async () => {
    const { page } = h;
    // The same a-melding saved again (another file, the same meldingsId): the outbox knows it was received.
    await page.getByRole('navigation').getByRole('link', { name: 'Rapporter', exact: true }).click();
    h.desktop.nextPicks.push([copy('a-melding-januar-kopi.xml')]);
    await page.getByTestId('pick-files').click();
    const finding = page.getByTestId('findings-error').locator('[data-code="AMELDING_MELDINGSID_NOT_UNIQUE"]');
    await finding.waitFor();
    const text = await finding.textContent();
    expect(text).toContain(`Meldings-ID ${FIXTURE_MELDINGS_ID} ble sendt`);
    expect(text).toMatch(/\(kvittering [0-9a-f-]{36}\)/);
    expect(text).toContain(`sett erstatterMeldingsId til ${FIXTURE_MELDINGS_ID} hvis den skal erstatte den`);
    // The verdict is that it was sent, with when and the receipt, not "ready to submit".
    const verdict = page.getByTestId('verdict');
    await verdict.getByRole('heading', { name: 'Allerede sendt' }).waitFor();
    expect(await verdict.textContent()).toMatch(/Skatteetaten mottok denne rapporten .*kvittering [0-9a-f-]{36}/);
    // Not the outbox's stored label ("A-melding 2026-01 (meldingsId)"): the note stands on this very report.
    expect(await verdict.getByTestId('already-sent').textContent()).not.toContain(FIXTURE_MELDINGS_ID);
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('outbox-03b-meldingsid-already-sent');

    // Nothing went out: the outbox still holds the one message that was received.
    await page.getByRole('navigation').getByRole('link', { name: 'Utboks', exact: true }).click();
    await page.locator('[data-testid="submission"][data-state="received"]').waitFor();
    expect(await page.locator('[data-testid="submission"]').count()).toBe(1);
  });

  it('shows the reason in plain words, with the code and korrelasjonsid, when Skatteetaten rejects a file', async () => {
    const { page } = h;
    // A meldingsId Skatteetaten has from the business's payroll system: Innsender cannot know it, so only the
    // server can refuse it.
    const sandbox = h.services.sandbox.running();
    if (!sandbox) throw new Error('the sandbox is not running');
    const seeded = await fetch(`${sandbox.baseUrl}/__admin/skatteetaten/a-meldinger`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-innsender-admin': sandbox.adminToken },
      body: JSON.stringify({ org: ORG, kalendermaaned: '2026-01', meldingsId: FOREIGN_MELDINGS_ID }),
    });
    expect(seeded.status).toBe(201);
    const path = copy('a-melding-fra-lonnssystemet.xml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(FIXTURE_MELDINGS_ID, FOREIGN_MELDINGS_ID));
    await openDraftOf(path);
    expect(await page.locator('[data-code^="AMELDING_MELDINGSID"]').count()).toBe(0);
    await page.getByTestId('send-draft').click();
    await page.getByTestId('confirm-send').click();
    await page.getByTestId('sent-to-outbox').getByRole('link', { name: 'Gå til Utboks' }).click();

    const row = page.locator('[data-testid="submission"][data-state="rejected"]');
    await row.waitFor();
    const rejection = row.getByTestId('rejection');
    await rejection.getByRole('heading', { name: 'Skatteetaten avviste innsendingen' }).waitFor();
    expect(await rejection.getByTestId('error-codes').textContent()).toMatch(
      /^Kode: SKATTEETATEN_AMLD_010 · Korrelasjons-ID: [0-9a-f-]{36}$/,
    );
    expect(await rejection.textContent()).toContain(`Meldings-ID ${FOREIGN_MELDINGS_ID} ble sendt`);
    // Skatteetaten's words read as sentences, once: the specification's code and path wait under technical details.
    expect(await rejection.textContent()).toContain('«Innsendingen feilet validering. Meldings-ID');
    expect(await rejection.textContent()).not.toContain('AMELDING_MELDINGSID_NOT_UNIQUE');
    const technical = row.getByTestId('submission-technical');
    expect(await technical.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await technical.getByTestId('error-details').textContent()).toMatch(
      /AMELDING_MELDINGSID_NOT_UNIQUE Meldings-ID/,
    );
    expect(await page.locator('[data-testid="submission"]').count()).toBe(2);
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('outbox-04-rejected');
  });

  it('replaces the received a-melding, and shows the replacement’s feedback as replacing it', async () => {
    const { page } = h;
    await page.getByRole('navigation').getByRole('link', { name: 'Utboks', exact: true }).click();
    const original = page.locator('[data-testid="submission"][data-state="received"]', {
      hasText: FIXTURE_MELDINGS_ID,
    });
    await original.getByTestId('replace').click();
    await page.getByTestId('replacing').waitFor();
    // The corrected month from the payroll system: Skatteetaten's JSON example (formats.md §1.1) for the same org
    // and month; Innsender sets erstatterMeldingsId and checks it against the one it replaces.
    const corrected = join(files, 'a-melding-januar-rettet.json');
    copyFileSync(fixturePath('amelding-example.json'), corrected);
    h.desktop.nextPicks.push([corrected]);
    await page.getByTestId('pick-files').click();
    await page.getByTestId('save-draft').click();
    await page.getByRole('button', { name: 'Åpne utkastet' }).click();
    await page.getByRole('heading', { level: 2, name: 'Utkast: A-melding for januar 2026' }).waitFor();
    expect(await page.locator('[data-code^="AMELDING_ERSTATTER"]').count()).toBe(0);
    await h.screenshot('outbox-04b-replacement-draft');
    await page.getByTestId('send-draft').click();
    await page.getByTestId('confirm-send').click();
    await page.getByTestId('sent-to-outbox').getByRole('link', { name: 'Gå til Utboks' }).click();
    const replacement = page.locator('[data-testid="submission"][data-state="received"]', {
      hasNotText: FIXTURE_MELDINGS_ID,
    });
    await replacement.waitFor();
    const dialogId = await replacement
      .getByTestId('receipt-facts')
      .locator('dt:text-is("Dialog-ID") + dd')
      .textContent();

    await page
      .getByRole('navigation')
      .getByRole('link', { name: /^Tilbakemeldinger/ })
      .click();
    const row = page.locator(`[data-testid="feedback-row"][data-dialog-id="${dialogId}"]`);
    await row.waitFor({ timeout: 45_000 });
    await row.getByRole('button').click();
    const replaces = page.getByTestId('feedback-detail-replaces');
    await replaces.waitFor();
    expect(await replaces.textContent()).toContain(`Meldingen erstatter a-meldingen ${FIXTURE_MELDINGS_ID}`);
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('outbox-04c-replacement-feedback');
    await page.getByRole('navigation').getByRole('link', { name: 'Utboks', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Utboks' }).waitFor();
  });

  it('verifies the audit log and exports it', async () => {
    const { page } = h;
    await page.getByTestId('audit-verify').click();
    const result = page.locator('[data-testid="audit-result"][data-ok="true"]');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/^Loggen er uendret: alle \d+ oppføringer henger sammen\.$/);
    await page.getByRole('button', { name: 'Eksporter som CSV …' }).click();
    await page.getByTestId('audit-exported').waitFor();
    expect(h.desktop.saved.at(-1)?.content.split('\r\n')[0]).toMatch(/^seq,at,event,submissionId/);
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('outbox-05-audit');
    expect(h.consoleErrors).toEqual([]);
  });
});
