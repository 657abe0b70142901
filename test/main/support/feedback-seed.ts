import { randomUUID } from 'node:crypto';
import type { EmulatorHost } from '../../../main/sandbox/host';
import { DialogStore } from '../../../main/sandbox/dialogporten/dialog-store';
import { skatteetatenSlice } from '../../../main/sandbox/skatteetaten/skatteetaten-state';
import type { AppServices } from '../../../main/app-services';
import { attachment, transmission } from '../../../main/sandbox/dialogporten/dialog-store';
import { rf1086Kvittering } from '../../../main/sandbox/skatteetaten/kvittering-pdf';
import { addFeedback, RF1086_RESOURCE, submissionDialog } from './dialogporten-sandbox';
import { approveSandboxSystemUser } from './sandbox-profile';
import { TILBAKEMELDING_WITH_DEVIATIONS } from '../../fixtures/feedback/amelding-tilbakemelding';

export { TILBAKEMELDING_WITH_DEVIATIONS };

/**
 * What the Skatteetaten emulator does after an accepted a-melding, seeded straight into the sandbox's state: the
 * dialog with the submission, then (at once) the feedback transmission whose `Api` attachment points at the
 * emulator's document endpoint, and the document behind it (ready, or not yet).
 */
export function seedAMeldingFeedback(
  host: EmulatorHost,
  input: {
    org: string;
    externalReference?: string;
    title?: string;
    document?: unknown;
    documentReady?: boolean;
  },
) {
  const store = new DialogStore(host.state, () => new Date());
  const at = () => new Date().toISOString();
  const dialog = submissionDialog(store, {
    at: at(),
    org: input.org,
    ...(input.externalReference ? { externalReference: input.externalReference } : {}),
    title: input.title ?? 'A-melding 2026-02',
  });
  const forsendelseId = randomUUID();
  const dokumentId = randomUUID();
  const url = `${host.baseUrl}/skatteetaten/innrapporteringamelding/v1/forsendelser/${forsendelseId}/dokumenter/${dokumentId}`;
  const content = JSON.stringify(input.document ?? TILBAKEMELDING_WITH_DEVIATIONS);
  const documents = skatteetatenSlice(host.state).documents;
  const publish = (ready: boolean) => {
    documents[forsendelseId] = {
      [dokumentId]: {
        org: input.org,
        mediaType: 'application/json',
        content,
        availableAt: ready ? new Date(0).toISOString() : new Date(Date.now() + 3_600_000).toISOString(),
      },
    };
  };
  publish(input.documentReady ?? true);
  const feedback = addFeedback(store, dialog, at(), url);
  return { dialog, feedback, content, makeDocumentReady: () => publish(true) };
}

/**
 * RF-1086 feedback whose only document is the emulator's PDF receipt (`Kvittering.pdf`), seeded as the emulator
 * stores it (base64 in its JSON state) and served by its document endpoint: the binary document case.
 */
export function seedPdfFeedback(host: EmulatorHost, input: { org: string; title?: string }) {
  const store = new DialogStore(host.state, () => new Date());
  const at = new Date().toISOString();
  const dialog = submissionDialog(store, {
    at,
    org: input.org,
    resource: RF1086_RESOURCE,
    title: input.title ?? 'Aksjonærregisteroppgave 2025',
  });
  const forsendelseId = randomUUID();
  const dokumentId = randomUUID();
  const document = rf1086Kvittering({
    org: input.org,
    aar: '2025',
    hovedskjemaId: randomUUID(),
    at,
    availableAt: new Date(0).toISOString(),
  });
  skatteetatenSlice(host.state).documents[forsendelseId] = { [dokumentId]: document };
  const url = `${host.baseUrl}/skatteetaten/api/aksjonaerregister/v1/2025/forsendelser/${forsendelseId}/dokumenter/${dokumentId}`;
  const feedback = transmission({
    createdAt: at,
    type: 'Acceptance',
    sender: { actorType: 'ServiceOwner', actorId: null, actorName: 'Skatteetaten' },
    title: 'Kvittering',
    relatedTransmissionId: dialog.transmissions[0]?.id ?? null,
    attachments: [attachment('Kvittering.pdf', url, 'application/pdf')],
  });
  store.addTransmission(dialog.id, feedback, { status: 'Completed', extendedStatus: 'GODKJENT', at });
  return { dialog, feedback, pdf: Buffer.from(document.content, 'base64') };
}

/** Takes the active sandbox profile through the setup wizard's channels to an approved systembruker. */
export async function approvedSandboxSetup(services: AppServices, openedUrls: () => string[]): Promise<void> {
  await approveSandboxSystemUser(services, openedUrls, ['a-melding', 'aksjonaerregisteroppgave']);
}
