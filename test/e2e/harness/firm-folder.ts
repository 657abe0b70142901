import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AppServices } from '../../../main/app-services';
import { isValidOrgNumber } from '../../../shared/domain/org-number';
import type { FirmClientsView } from '../../../shared/domain/firm';
import { administerClient } from '../../main/support/client-admin';
import { FIRM } from '../../main/support/firm-with-clients';
import { approveSandboxSystemUser } from '../../main/support/sandbox-profile';
import { dispatchOk } from '../../main/support/test-app-services';
import { fixtureText } from '../../shared/reports/fixtures';

export { FIRM };

export interface Client {
  orgNumber: string;
  name: string;
}

/** The three clients the dropped folder has reports for; the first is the a-melding fixture's opplysningspliktig. */
export const SENT_FOR: readonly Client[] = [
  { orgNumber: '211785462', name: 'Fjellstue AS' },
  { orgNumber: '311000004', name: 'Kløver AS' },
  { orgNumber: '312000008', name: 'Vestvind AS' },
];
export const UNKNOWN_ORG = '313000002';
/** 47 more clients with valid numbers from 320000000 up (mod 11, shared/domain/org-number.ts), to make 50. */
export const MORE_CLIENTS: readonly Client[] = moreClients(47);

function moreClients(count: number): Client[] {
  const found: Client[] = [];
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
const FOLDER: readonly { name: string; text: string }[] = [
  ...SENT_FOR.map((c, i) => ({ name: `${c.name}.xml`, text: aMeldingFor(c.orgNumber, `routinge2e000${i + 1}`) })),
  { name: 'ukjent.xml', text: aMeldingFor(UNKNOWN_ORG, 'routinge2e0009') },
];

/**
 * The firm of the folder tests, made through the firm's channels: the sandbox firm profile approved for a-melding,
 * its 50 clients (`SENT_FOR` and `MORE_CLIENTS`), and `attached` of them added to the agent systembruker on the
 * emulator's klientadministrator page, the delegations read once. Returns the firm's profile id.
 */
export async function firmWithFiftyClients(
  services: AppServices,
  opened: () => readonly string[],
  attached: readonly Client[],
): Promise<string> {
  const ok = dispatchOk(services);
  const profile = await ok<{ id: string }>('profiles.create', { ...FIRM, environment: 'sandbox', kind: 'firm' });
  await approveSandboxSystemUser(services, opened, ['a-melding']);
  for (const client of [...SENT_FOR, ...MORE_CLIENTS]) await ok('firm.addClient', client);
  const view = await ok<FirmClientsView>('firm.clients');
  for (const client of attached) await administerClient(view.clientAdminUrl ?? '', 'add', client);
  const synced = await ok<FirmClientsView>('firm.syncDelegations');
  expect(synced.clients).toHaveLength(50);
  expect(synced.clients.filter((c) => c.delegation.state === 'delegated').map((c) => c.orgNumber)).toEqual(
    attached.map((c) => c.orgNumber),
  );
  return profile.id;
}

/**
 * Drops `files` on Rapporter's drop zone as a folder named `folder`. Playwright cannot drag a folder from the OS, so
 * the drop carries a directory entry as Chromium gives one for a dropped folder (FileSystemDirectoryEntry:
 * createReader().readEntries in pieces, then none), over real Files.
 */
export async function dropFolder(page: Page, folder: string, files: readonly { name: string; text: string }[]) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, list }) => {
      const fileEntry = (file: File) => ({
        isFile: true,
        isDirectory: false,
        name: file.name,
        file: (ok: (f: File) => void) => ok(file),
      });
      const type = (name: string) => (name.endsWith('.json') ? 'application/json' : 'text/xml');
      const entries = list.map((f) => fileEntry(new File([f.text], f.name, { type: type(f.name) })));
      const directory = {
        isFile: false,
        isDirectory: true,
        name,
        createReader: () => {
          let pieces = [entries.slice(0, 2), entries.slice(2)];
          return { readEntries: (ok: (e: unknown[]) => void) => ok(pieces.shift() ?? ((pieces = []), [])) };
        },
      };
      const transfer = new DataTransfer();
      transfer.items.add(new File([], name));
      DataTransferItem.prototype.webkitGetAsEntry = function () {
        return directory as unknown as FileSystemEntry;
      };
      return transfer;
    },
    { name: folder, list: files },
  );
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
}

/** Opens Rapporter as the firm and drops `FOLDER` on it as the folder "januar"; waits until its 4 files are routed. */
export async function dropTheFolderOnRapporter(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Rapporter', exact: true }).click();
  await page.getByText(`Kontrolleres for ${FIRM.displayName}`).waitFor();
  await dropFolder(page, 'januar', FOLDER);
  await page.getByRole('heading', { level: 2, name: '4 filer fordelt på klientene' }).waitFor();
}

/** On the routed page: saves each client's group as its drafts and sends it, waiting until each is in the outbox. */
export async function saveAndSendGroups(page: Page, clients: readonly Client[]) {
  for (const client of clients) {
    const group = page.locator(`[data-testid="routed-group"][data-org="${client.orgNumber}"]`);
    await group.getByTestId('save-group').click();
    await group.getByTestId('group-saved').waitFor();
    await group.getByTestId('send-group').click();
    // Queued, then on its way: the row follows its submission (it may be sent before this looks).
    await group
      .getByText(/^(Lagt i utboksen|Sendes|Mottatt)$/)
      .first()
      .waitFor();
  }
}
