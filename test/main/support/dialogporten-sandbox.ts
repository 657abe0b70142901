import { randomUUID } from 'node:crypto';
import type { EmulatorHost } from '../../../main/sandbox/host';
import { altinnSlice } from '../../../main/sandbox/altinn/altinn-state';
import {
  DialogStore,
  attachment,
  orgParty,
  resourceUrn,
  transmission,
  type StoredDialog,
} from '../../../main/sandbox/dialogporten/dialog-store';
import { DialogportenClient } from '../../../main/dialogporten/dialogporten-client';
import { DIALOGPORTEN_SCOPE, serviceById, type ServiceId } from '../../../shared/domain/services-catalogue';
import { memorySigner, registerClient, startSandbox, tokensFor, VENDOR_ORG } from './maskinporten-sandbox';

export const CUSTOMER_ORG = '310000001';
export const AMELDING_RESOURCE = resourceUrn(serviceById('a-melding').resource);
export const RF1086_RESOURCE = resourceUrn(serviceById('aksjonaerregisteroppgave').resource);

/** A clock the test moves; the emulator, the token cache and the sync all read it. */
export class TestClock {
  constructor(private at = Date.parse('2026-03-02T08:00:00.000Z')) {}
  now = (): Date => new Date(this.at);
  advance(ms: number): void {
    this.at += ms;
  }
}

/**
 * The sandbox with an approved systembruker for CUSTOMER_ORG (seeded straight into Altinn's state: the approval
 * flow has its own tests), a real Maskinporten token for it, and the Dialogporten store to put dialogs in.
 */
export async function startDialogportenSandbox(
  services: ServiceId[] = ['a-melding', 'aksjonaerregisteroppgave'],
  extraScopes: string[] = [],
) {
  const clock = new TestClock();
  const { host, endpoints } = await startSandbox(clock.now);
  const { signer, material } = await memorySigner();
  const scopes = [DIALOGPORTEN_SCOPE, ...services.map((s) => serviceById(s).scope), ...extraScopes];
  const clientId = await registerClient(host, { scopes, jwks: [material] });
  seedSystemUser(host, clientId, CUSTOMER_ORG, services);
  const tokens = tokensFor(host, clientId, signer, { now: clock.now });
  const tokenFor = async (scope: string) =>
    (await tokens.tokenForScopes({ scopes: [scope], systemUser: { orgNumber: CUSTOMER_ORG } })).value;
  const store = new DialogStore(host.state, clock.now);
  const client = (extra: Partial<ConstructorParameters<typeof DialogportenClient>[0]> = {}) =>
    new DialogportenClient({
      base: endpoints.dialogporten.base,
      accessToken: () => tokenFor(DIALOGPORTEN_SCOPE),
      now: clock.now,
      sleep: async (ms) => clock.advance(ms),
      ...extra,
    });
  return { host, endpoints, clock, store, tokenFor, client };
}

export function seedSystemUser(host: EmulatorHost, clientId: string, org: string, services: ServiceId[]): string {
  const slice = altinnSlice(host.state);
  const systemId = `${VENDOR_ORG}_innsender`;
  const rights = services.map((s) => ({
    resource: [{ id: 'urn:altinn:resource' as const, value: serviceById(s).resource }],
  }));
  slice.systems[systemId] = {
    id: systemId,
    guid: randomUUID(),
    vendor: { authority: 'iso6523-actorid-upis', ID: `0192:${VENDOR_ORG}` },
    name: { nb: 'Innsender' },
    description: { nb: 'Innsender' },
    rights,
    accessPackages: [],
    clientId: [clientId],
    allowedRedirectUrls: [],
    isVisible: true,
    isDeleted: false,
  };
  const id = randomUUID();
  slice.systemUsers[id] = {
    id,
    integrationTitle: 'Innsender',
    systemId,
    reporteeOrgNo: org,
    externalRef: org,
    created: new Date().toISOString(),
    isDeleted: false,
    supplierName: 'Innsender',
    supplierOrgno: VENDOR_ORG,
    userType: 'standard',
    rights,
    accessPackages: [],
  };
  return id;
}

/** What Skatteetaten writes for one submission: the dialog and its submission transmission. */
export function submissionDialog(
  store: DialogStore,
  input: { at: string; org?: string; resource?: string; externalReference?: string; title?: string },
): StoredDialog {
  const org = input.org ?? CUSTOMER_ORG;
  return store.createDialog({
    party: orgParty(org),
    serviceResource: input.resource ?? AMELDING_RESOURCE,
    title: input.title ?? 'A-melding 2026-02',
    externalReference: input.externalReference ?? `melding-${randomUUID().slice(0, 8)}`,
    extendedStatus: 'MOTTATT',
    at: input.at,
    transmissions: [
      transmission({
        createdAt: input.at,
        type: 'Submission',
        sender: { actorType: 'PartyRepresentative', actorId: orgParty(org), actorName: null },
        title: 'Innsending',
      }),
    ],
  });
}

/** Skatteetaten's feedback transmission, added at `at`, with its document as an `Api` attachment. */
export function addFeedback(
  store: DialogStore,
  dialog: StoredDialog,
  at: string,
  documentUrl = 'https://x.invalid/doc',
) {
  const added = transmission({
    createdAt: at,
    type: 'Acceptance',
    sender: { actorType: 'ServiceOwner', actorId: null, actorName: 'Skatteetaten' },
    title: 'Tilbakemelding: mottatt',
    relatedTransmissionId: dialog.transmissions[0]?.id ?? null,
    attachments: [attachment('Tilbakemelding.json', documentUrl, 'application/json')],
  });
  store.addTransmission(dialog.id, added, { status: 'Completed', extendedStatus: 'MOTTATT', at });
  return added;
}

export function dialogportenRequests(host: EmulatorHost) {
  return host.requests.list().filter((r) => r.path.startsWith('/dialogporten/'));
}
