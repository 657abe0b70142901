import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness/harness';
import { approveSandboxSystemUser, removeProfileKeys } from '../main/support/sandbox-profile';
import { administerClient } from '../main/support/client-admin';
import { dispatchOk } from '../main/support/test-app-services';
import { isValidOrgNumber } from '../../shared/domain/org-number';
import type { FirmClientsView } from '../../shared/domain/firm';
import type { Submission } from '../../shared/outbox/submission';
import { fixtureText } from '../shared/reports/fixtures';

const FIRM = { orgNumber: '974761076', displayName: 'Regnskap AS' };
/** The three clients the dropped folder has reports for; the first is the a-melding fixture's opplysningspliktig. */
const SENT_FOR = [
  { orgNumber: '211785462', name: 'Fjellstue AS' },
  { orgNumber: '311000004', name: 'Kløver AS' },
  { orgNumber: '312000008', name: 'Vestvind AS' },
];
const UNKNOWN_ORG = '313000002';

/** 47 more clients with valid numbers from 320000000 up (mod 11, shared/domain/org-number.ts), to make 50. */
function moreClients(count: number): { orgNumber: string; name: string }[] {
  const found: { orgNumber: string; name: string }[] = [];
  for (let n = 320_000_000; found.length < count; n++) {
    const orgNumber = String(n);
    if (isValidOrgNumber(orgNumber)) found.push({ orgNumber, name: `Klient ${found.length + 1} AS` });
  }
  return found;
}

/** The fixture's a-melding for another opplysningspliktig, under a meldingsId of its own. */
function aMeldingFor(org: string, meldingsId: string): string {
  return fixtureText('amelding-example-v2_2.xml')
    .replace(/<meldingsId>[^<]+<\/meldingsId>/, `<meldingsId>${meldingsId}</meldingsId>`)
    .replace('<norskIdentifikator>211785462</norskIdentifikator>', `<norskIdentifikator>${org}</norskIdentifikator>`);
}

/** The dropped folder: an a-melding for each of the three clients, and one for an organisation that is no client. */
const FOLDER = [
  ...SENT_FOR.map((c, i) => ({ name: `${c.name}.xml`, text: aMeldingFor(c.orgNumber, `routinge2e000${i + 1}`) })),
  { name: 'ukjent.xml', text: aMeldingFor(UNKNOWN_ORG, 'routinge2e0009') },
];

/**
 * Files for many clients in real Chromium against the sandbox: a firm with 50 clients (made through the firm's
 * channels, three of them attached in the emulator's Altinn), a folder dropped on Rapporter with reports for three
 * of them and one organisation that is no client; each report is routed to its client, saved as its draft and
 * sent, and the three receipts come back.
 */
describe('files for many clients, routed by org number, in real Chromium', () => {
  let h: Harness;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'innsender-e2e-routing-'));
    h = await startHarness({ dataDir });
    const ok = dispatchOk(h.services);
    await ok('profiles.create', { ...FIRM, environment: 'sandbox', kind: 'firm' });
    await approveSandboxSystemUser(h.services, () => h.desktop.openedExternally, ['a-melding']);
    for (const client of [...SENT_FOR, ...moreClients(47)]) await ok('firm.addClient', client);
    const view = await ok<FirmClientsView>('firm.clients');
    for (const client of SENT_FOR) await administerClient(view.clientAdminUrl ?? '', 'add', client);
    const synced = await ok<FirmClientsView>('firm.syncDelegations');
    expect(synced.clients).toHaveLength(50);
    expect(synced.clients.filter((c) => c.delegation.state === 'delegated').map((c) => c.orgNumber)).toEqual(
      SENT_FOR.map((c) => c.orgNumber),
    );
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
    await page.getByRole('navigation').getByRole('link', { name: 'Rapporter', exact: true }).click();
    await page.getByText(/Kontrolleres for Regnskap AS/).waitFor();
    // Playwright cannot drag a folder from the OS, so the drop carries a directory entry as Chromium gives one for a
    // dropped folder (FileSystemDirectoryEntry: createReader().readEntries in pieces, then none), over real Files.
    const dataTransfer = await page.evaluateHandle((list) => {
      const fileEntry = (file: File) => ({
        isFile: true,
        isDirectory: false,
        name: file.name,
        file: (ok: (f: File) => void) => ok(file),
      });
      const entries = list.map((f) => fileEntry(new File([f.text], f.name, { type: 'text/xml' })));
      const directory = {
        isFile: false,
        isDirectory: true,
        name: 'januar',
        createReader: () => {
          let pieces = [entries.slice(0, 2), entries.slice(2)];
          return { readEntries: (ok: (e: unknown[]) => void) => ok(pieces.shift() ?? ((pieces = []), [])) };
        },
      };
      const transfer = new DataTransfer();
      transfer.items.add(new File([], 'januar'));
      DataTransferItem.prototype.webkitGetAsEntry = function () {
        return directory as unknown as FileSystemEntry;
      };
      return transfer;
    }, FOLDER);
    await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });

    const routed = page.getByTestId('routed-reports');
    await routed.waitFor();
    await page.getByRole('heading', { level: 2, name: '4 filer fordelt på klientene' }).waitFor();
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
    for (const client of SENT_FOR) {
      const group = page.locator(`[data-testid="routed-group"][data-org="${client.orgNumber}"]`);
      await group.getByTestId('save-group').click();
      await group.getByTestId('group-saved').waitFor();
      await group.getByTestId('send-group').click();
      await group.getByText('Lagt i utboksen').waitFor();
    }
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
});
