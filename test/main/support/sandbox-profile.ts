import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppServices } from '../../../main/app-services';
import { createKeytarKeyStore } from '../../../main/keys/keytar-key-store';
import type { KeyStore } from '../../../main/keys/key-store';
import type { SetupOverview } from '../../../shared/domain/setup';
import type { ServiceId } from '../../../shared/domain/services-catalogue';
import { decide } from './maskinporten-sandbox';
import { dispatchOk, testAppServices } from './test-app-services';

/**
 * Takes the active sandbox profile through the setup wizard's channels — key, sandbox client, system with the
 * chosen services, request — has the owner approve it in the emulator, and waits until the app sees it approved.
 * Gives the overview right after the system was registered (what the setup asks Maskinporten for).
 */
export async function approveSandboxSystemUser(
  services: AppServices,
  openedUrls: () => readonly string[],
  chosen: ServiceId[],
): Promise<{ registered: SetupOverview }> {
  const ok = dispatchOk(services);
  await ok('keys.generate');
  await ok('maskinporten.registerSandboxClient');
  const registered = await ok('systemuser.registerSystem', { services: chosen });
  await ok('systemuser.createRequest', { ownerOrgNumber: registered.orgNumber });
  const before = openedUrls().length;
  await ok('systemuser.openApproval');
  const confirmUrl = openedUrls()[before];
  if (!confirmUrl) throw new Error('no approval page was opened');
  await decide(confirmUrl, 'approve');
  for (let i = 0; i < 200 && (await ok('systemuser.refreshStatus')).steps.request !== 'done'; i++) {
    await new Promise((r) => setTimeout(r, 25));
  }
  return { registered };
}

export interface SandboxProfileFolder {
  dataDir: string;
  profileId: string;
  /** The setup overview right after the system was registered. */
  registered: SetupOverview;
}

/**
 * A fresh data folder whose active profile is a sandbox profile with an approved systembruker for `chosen`, set up
 * through the app's channels and then closed again: what the CLI finds when the user has finished the wizard.
 */
export async function sandboxProfileFolder(input: {
  name: string;
  orgNumber: string;
  displayName: string;
  services: ServiceId[];
}): Promise<SandboxProfileFolder> {
  const dataDir = await mkdtemp(join(tmpdir(), `innsender-${input.name}-`));
  const { services, opened } = testAppServices(dataDir, { setupPollIntervalMs: 50 });
  try {
    const profileId = (
      await dispatchOk(services)<{ id: string }>('profiles.create', {
        orgNumber: input.orgNumber,
        displayName: input.displayName,
        environment: 'sandbox',
      })
    ).id;
    const { registered } = await approveSandboxSystemUser(services, () => opened, input.services);
    return { dataDir, profileId, registered };
  } finally {
    await services.dispose();
  }
}

/** Deletes a profile's private keys from the keychain (the app's own service unless a test named another). */
export async function removeProfileKeys(profileId: string | undefined, store: KeyStore = createKeytarKeyStore()) {
  if (!profileId) return;
  for (const account of await store.list()) if (account.startsWith(`${profileId}:`)) await store.delete(account);
}

/** Removes what `sandboxProfileFolder` made: the profile's keys and the data folder. */
export async function removeSandboxProfileFolder(folder: SandboxProfileFolder | undefined) {
  if (!folder) return;
  await removeProfileKeys(folder.profileId);
  await rm(folder.dataDir, { recursive: true, force: true });
}
