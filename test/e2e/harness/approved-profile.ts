import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from './harness';
import { approveSandboxSystemUser, removeProfileKeys } from '../../main/support/sandbox-profile';
import type { ServiceId } from '../../../shared/domain/services-catalogue';

export interface ApprovedProfileHarness {
  h: Harness;
  /** A folder of its own for the files the test "picks" in the native dialog. */
  files: string;
  /** Closes the harness, then deletes the profile's keys, the data folder and the files folder. */
  close(): Promise<void>;
}

/**
 * The real-browser harness on a fresh data folder whose sandbox profile was taken through setup fast, with the
 * wizard's own channels (setup.e2e.ts drives them in the UI): an approved systembruker for `services`, and the page
 * reloaded so the renderer starts from there.
 */
export async function startHarnessWithApprovedProfile(input: {
  name: string;
  orgNumber: string;
  displayName: string;
  services: ServiceId[];
  harness?: Omit<Parameters<typeof startHarness>[0], 'dataDir'>;
}): Promise<ApprovedProfileHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), `innsender-e2e-${input.name}-`));
  const files = mkdtempSync(join(tmpdir(), `innsender-e2e-${input.name}-files-`));
  const removeFolders = () => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  };
  let h: Harness | undefined;
  const close = async () => {
    const profileId = h?.services.profiles.active()?.id;
    await h?.close();
    await removeProfileKeys(profileId);
    removeFolders();
  };
  try {
    h = await startHarness({ ...input.harness, dataDir });
    const created = await h.services.dispatch('profiles.create', {
      orgNumber: input.orgNumber,
      displayName: input.displayName,
      environment: 'sandbox',
    });
    if (!created.ok) throw new Error(`profiles.create: ${created.error.code}`);
    const desktop = h.desktop;
    await approveSandboxSystemUser(h.services, () => desktop.openedExternally, input.services);
    await h.page.reload();
    return { h, files, close };
  } catch (error) {
    await close();
    throw error;
  }
}
