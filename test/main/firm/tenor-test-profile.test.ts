import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../main/app-services';
import { createKeytarKeyStore } from '../../../main/keys/keytar-key-store';
import type { SetupOverview } from '../../../shared/domain/setup';
import type { ChannelName } from '../../../shared/ipc/contract';
import type { Submission } from '../../../shared/outbox/submission';
import { decide } from '../support/maskinporten-sandbox';
import { aMeldingBody } from '../support/report-fixtures';
import { AMELDING_ORG } from '../support/skatteetaten-sandbox';
import { dispatchOk, testAppServices, waitUntil } from '../support/test-app-services';

// TT02's rule (Skatteetaten/api-dokumentasjon docs/api/innrapportering-boligselskap.md "Test", altinn-auth.md §6):
// the Maskinporten client on the real org, the systembruker on a synthetic Tenor org. Here the real org is
// 974761076 and the Tenor org the a-melding fixture's 211785462; the profile names it as its reports org.
describe('a TT02-shaped profile: real org for the client, Tenor org for the systembruker and the reports', () => {
  const keyStore = createKeytarKeyStore({ service: `no.innsender.test.${randomUUID()}` });
  let dataDir: string;
  let services: AppServices;
  let opened: string[];
  const ok = <T = SetupOverview>(channel: ChannelName, payload?: unknown) => dispatchOk(services)<T>(channel, payload);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-tenor-'));
    ({ services, opened } = testAppServices(dataDir, { keyStore, setupPollIntervalMs: 50 }));
  });
  afterAll(async () => {
    await services?.dispose();
    for (const account of await keyStore.list()) await keyStore.delete(account);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('has the systembruker on the Tenor org, checks reports against it, and sends one', async () => {
    await ok('profiles.create', {
      orgNumber: '974761076',
      displayName: 'Ekte AS (test)',
      environment: 'sandbox',
      reportsOrgNumber: AMELDING_ORG,
    });
    await ok('keys.generate');
    await ok('maskinporten.registerSandboxClient');
    const registered = await ok('systemuser.registerSystem', { services: ['a-melding'] });
    // The system and its client stay on the real org; the request is for the Tenor org.
    expect(registered.system?.systemId).toBe('974761076_innsender');
    expect(registered.reportsOrgNumber).toBe(AMELDING_ORG);
    await ok('systemuser.createRequest', { ownerOrgNumber: registered.reportsOrgNumber });
    await ok('systemuser.openApproval');
    await decide(opened.at(-1) ?? '', 'approve');
    await waitUntil(
      () => ok('systemuser.refreshStatus'),
      (o) => o.request?.status === 'Accepted',
      'the approval',
      { attempts: 200, everyMs: 25 },
    );
    const tested = await ok('maskinporten.testConnection');
    expect(tested.lastTest?.systemUserOrg).toBe(AMELDING_ORG);

    const check = async (name: string, body: string) => {
      const path = join(dataDir, name);
      await writeFile(path, body);
      return (await services.reports.checkPaths([path]))[0];
    };
    const own = await check(
      'real-org.json',
      aMeldingBody(randomUUID(), { opplysningspliktig: { norskIdentifikator: '974761076' } }),
    );
    expect(own?.result.findings.map((f) => f.code)).toContain('AMELDING_OPPLYSNINGSPLIKTIG_NOT_PROFILE');
    const tenor = await check('tenor.json', aMeldingBody(randomUUID()));
    expect(tenor?.result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const draft = await ok<{ id: string }>('reports.saveDraft', { checkId: tenor?.checkId });
    const queued = await ok<Submission>('outbox.submit', { draftId: draft.id });
    const done = await waitUntil(
      () => ok<Submission>('outbox.get', { id: queued.id }),
      (s) => s.state.kind !== 'queued' && s.state.kind !== 'sending',
      'the receipt',
      { attempts: 400, everyMs: 25 },
    );
    expect(done.state.kind).toBe('received');
  });
});
