import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../main/app-services';
import { openApprovalPage } from '../../../main/setup/open-approval-page';
import { recordingDesktop, testAppServices } from '../support/test-app-services';

let services: AppServices | undefined;
afterEach(async () => {
  await services?.dispose();
  services = undefined;
});

describe('external.open', () => {
  it('refuses what the OS could read as another host, and hands over only the normalised href', async () => {
    const made = testAppServices(await mkdtemp(join(tmpdir(), 'innsender-external-')));
    services = made.services;
    for (const url of [
      'https://altinn.no\\@evil.example/',
      'https://altinn.no/\t@evil.example',
      'https://u@altinn.no/',
    ]) {
      const refused = await services.dispatch('external.open', { url });
      expect(refused, url).toMatchObject({ ok: false });
    }
    const opened = await services.dispatch('external.open', { url: 'https://WWW.SKATTEETATEN.NO/a/./b/../c' });
    expect(opened).toEqual({ ok: true, value: { opened: true } });
    expect(made.opened).toEqual(['https://www.skatteetaten.no/a/c']);
  });
});

describe('openApprovalPage', () => {
  it("refuses an Altinn confirmUrl with a backslash before '@', and opens a good one as parsed", async () => {
    const { desktop, opened } = recordingDesktop();
    const endpoints = { localOrigins: () => [] };
    await expect(
      openApprovalPage('https://am.ui.altinn.no\\@evil.example/x', { endpoints, desktop }),
    ).rejects.toMatchObject({
      code: 'EXTERNAL_URL_REFUSED',
    });
    await openApprovalPage('https://AM.UI.altinn.no/accessmanagement/ui/systemuser/request?id=1', {
      endpoints,
      desktop,
    });
    expect(opened).toEqual(['https://am.ui.altinn.no/accessmanagement/ui/systemuser/request?id=1']);
  });
});
