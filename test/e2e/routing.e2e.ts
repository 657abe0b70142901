import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness/harness';
import {
  FIRM,
  SENT_FOR,
  UNKNOWN_ORG,
  dropFolder,
  dropTheFolderOnRapporter,
  firmWithFiftyClients,
  saveAndSendGroups,
} from './harness/firm-folder';
import { removeProfileKeys } from '../main/support/sandbox-profile';
import { dispatchOk } from '../main/support/test-app-services';
import type { Submission } from '../../shared/outbox/submission';

/**
 * Files for many clients in real Chromium against the sandbox: a firm with 50 clients (made through the firm's
 * channels, three of them attached in the emulator's Altinn), a folder dropped on Rapporter with reports for three
 * of them and one organisation that is no client; each report is routed to its client, saved as its draft and
 * sent, and the three receipts come back. Then a folder of tredjepart files for a client: each routed to it and
 * checked with its rules, the one whose fields fit several schemes once the scheme is chosen.
 */
describe('files for many clients, routed by org number, in real Chromium', () => {
  let h: Harness;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'innsender-e2e-routing-'));
    h = await startHarness({ dataDir });
    await firmWithFiftyClients(h.services, () => h.desktop.openedExternally, SENT_FOR);
    await h.page.reload();
  }, 120_000);

  afterAll(async () => {
    const profileId = h?.services.profiles.active()?.id;
    await h?.close();
    await removeProfileKeys(profileId);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('routes a dropped folder to three of the 50 clients and lists the organisation that is no client', async () => {
    const { page } = h;
    await dropTheFolderOnRapporter(page);
    const routed = page.getByTestId('routed-reports');
    const groups = routed.getByTestId('routed-group');
    await expect(groups.getByRole('heading', { level: 3 }).allTextContents()).resolves.toEqual([
      'Fjellstue AS (211 785 462)',
      'Kløver AS (311 000 004)',
      'Vestvind AS (312 000 008)',
    ]);
    for (const row of await groups.getByTestId('routed-file').all())
      await expect(row.getAttribute('data-valid')).resolves.toBe('true');
    const unknown = routed.getByTestId('unknown-org');
    await expect(unknown.getAttribute('data-org')).resolves.toBe(UNKNOWN_ORG);
    await expect(unknown.innerText()).resolves.toContain('313 000 002');
    await unknown.getByRole('button', { name: 'Legg til 313 000 002 som klient' }).waitFor();
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('routing-01-routed');
  });

  it("saves each client's report as its draft and sends it, and the three receipts come back", async () => {
    const { page } = h;
    await saveAndSendGroups(page, SENT_FOR);
    await h.screenshot('routing-02-sent');
    const drafts = (await dispatchOk(h.services)<{ drafts: { clientOrg?: string }[] }>('reports.listDrafts')).drafts;
    expect(drafts.map((d) => d.clientOrg).sort()).toEqual(SENT_FOR.map((c) => c.orgNumber));

    await page.getByRole('navigation').getByRole('link', { name: 'Utboks', exact: true }).click();
    await expect
      .poll(async () => page.locator('[data-testid="submission"][data-state="received"]').count(), { timeout: 30_000 })
      .toBe(3);
    const submissions = (await dispatchOk(h.services)<{ submissions: Submission[] }>('outbox.list')).submissions;
    expect(
      submissions
        .map((s) => [s.target.service === 'a-melding' ? s.target.opplysningspliktig : '', s.state.kind])
        .sort(),
    ).toEqual(SENT_FOR.map((c) => [c.orgNumber, 'received']));
    await h.screenshot('routing-03-receipts');
  });

  it("routes a dropped folder's tredjepart files to their client and checks them with its rules", async () => {
    const { page } = h;
    const client = SENT_FOR[1]!;
    // The boligsameie example as the client's melding (its oppgavegiver), and one whose fields fit every scheme.
    const sameie = readFileSync(join(__dirname, '../fixtures/tredjepart/boligsameie.json'), 'utf8').replace(
      '"organisasjonsnummer": "974761076"',
      `"organisasjonsnummer": "${client.orgNumber}"`,
    );
    const bare = {
      leveranse: { oppgavegiver: { organisasjonsnummer: client.orgNumber }, inntektsaar: 2025, oppgave: [] },
    };
    await page.getByRole('navigation').getByRole('link', { name: 'Rapporter', exact: true }).click();
    await page.getByText(`Kontrolleres for ${FIRM.displayName}`).waitFor();
    await dropFolder(page, 'sameier', [
      { name: 'sameie.json', text: sameie },
      { name: 'uklar.json', text: JSON.stringify(bare) },
    ]);
    await page.getByRole('heading', { level: 2, name: '2 filer fordelt på klientene' }).waitFor();

    const group = page.locator(`[data-testid="routed-group"][data-org="${client.orgNumber}"]`);
    await expect(group.getByRole('heading', { level: 3 }).textContent()).resolves.toBe('Kløver AS (311 000 004)');
    const rows = group.getByTestId('routed-tredjepart-file');
    await expect(rows.allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^sameie\.json\s+Boligsameie \(RF-1140\)/),
      expect.stringMatching(/^uklar\.json/),
    ]);
    // Checked at once with the client's organisation as oppgavegiver: no finding.
    await expect(rows.nth(0).getAttribute('data-valid')).resolves.toBe('true');
    await expect(rows.nth(1).getAttribute('data-valid')).resolves.toBeNull();
    await h.screenshot('routing-04-tredjepart-routed');

    await group.getByLabel('Ordning for uklar.json').selectOption('boligselskap');
    await expect.poll(() => rows.nth(1).getAttribute('data-valid'), { timeout: 30_000 }).toBe('false');
    await group.getByText('Vis feil og advarsler i uklar.json').waitFor();
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('routing-05-tredjepart-chosen');
  });
});
