import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppServices } from '../../../main/app-services';
import type { FirmClientsView } from '../../../shared/domain/firm';
import type { Submission } from '../../../shared/outbox/submission';
import { administerClient } from './client-admin';
import { decide } from './maskinporten-sandbox';
import { clientName, validOrgNumbers } from './org-numbers';
import { dispatchOk, waitUntil } from './test-app-services';

export const FIRM = { orgNumber: '974761076', displayName: 'Regnskap AS' };
/** The a-melding fixture's opplysningspliktig and two more the emulator knows: the first clients, so they can send. */
const KNOWN = ['211785462', '311000004', '312000008'];

export interface FirmWithClients {
  profileId: string;
  clients: { orgNumber: string; name: string }[];
  /** The orgs left out of the agent systembruker in Altinn (every `notAttachedEvery`-th client). */
  notAttached: string[];
}

/**
 * A sandbox firm profile with `count` clients, made through the real services fast, without a click: the firm's
 * setup through its channels, the clients added with `FirmClients.add` before the agent systembruker is approved
 * (so no add waits for a read of Altinn's list), then the agent approved and all but every `notAttachedEvery`-th
 * client attached on the emulator's klientadministrator page, a few at a time, and the list read once.
 */
export async function firmWithClients(
  services: AppServices,
  opened: () => readonly string[],
  input: { count: number; notAttachedEvery: number },
): Promise<FirmWithClients> {
  const ok = dispatchOk(services);
  const profile = await ok<{ id: string }>('profiles.create', { ...FIRM, environment: 'sandbox', kind: 'firm' });
  await ok('profiles.activate', { id: profile.id });
  await ok('keys.generate');
  await ok('maskinporten.registerSandboxClient');
  await ok('systemuser.registerSystem', { services: ['a-melding'] });
  const orgs = [...KNOWN, ...validOrgNumbers(input.count - KNOWN.length, 91000000)];
  const clients = orgs.map((orgNumber, i) => ({ orgNumber, name: clientName(i) }));
  for (const client of clients) await services.firm.add(client);

  await ok('systemuser.createRequest', { ownerOrgNumber: FIRM.orgNumber });
  const before = opened().length;
  await ok('systemuser.openApproval');
  await decide(opened()[before] ?? '', 'approve');
  await waitUntil(
    () => ok('systemuser.refreshStatus'),
    (o) => o.request?.status === 'Accepted',
    'the agent approval',
    { attempts: 400, everyMs: 25 },
  );
  const adminUrl = (await ok<FirmClientsView>('firm.clients')).clientAdminUrl ?? '';
  const attached = clients.filter((_, i) => i % input.notAttachedEvery !== input.notAttachedEvery - 1);
  for (let i = 0; i < attached.length; i += 8) {
    await Promise.all(attached.slice(i, i + 8).map((c) => administerClient(adminUrl, 'add', c)));
  }
  await ok('firm.syncDelegations');
  const attachedOrgs = new Set(attached.map((c) => c.orgNumber));
  return {
    profileId: profile.id,
    clients,
    notAttached: clients.filter((c) => !attachedOrgs.has(c.orgNumber)).map((c) => c.orgNumber),
  };
}

/** Checks `body` as a report file, saves it as a draft, sends it, and waits until Skatteetaten has answered. */
export async function sendReport(services: AppServices, name: string, body: string): Promise<Submission> {
  const ok = dispatchOk(services);
  const dir = await mkdtemp(join(tmpdir(), 'innsender-send-'));
  try {
    const path = join(dir, name);
    await writeFile(path, body);
    const [check] = await services.reports.checkPaths([path]);
    const draft = await ok<{ id: string }>('reports.saveDraft', { checkId: check?.checkId });
    const queued = await ok<Submission>('outbox.submit', { draftId: draft.id });
    return await waitUntil(
      () => ok<Submission>('outbox.get', { id: queued.id }),
      (s) => s.state.kind === 'received' || s.state.kind === 'rejected',
      'an answer from Skatteetaten',
      { attempts: 800, everyMs: 25 },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
