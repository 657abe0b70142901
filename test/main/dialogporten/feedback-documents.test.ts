import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  documentFileName,
  extensionFor,
  FeedbackDocuments,
  isTextDocument,
} from '../../../main/dialogporten/feedback-documents';
import { kvitteringPdf } from '../../../main/sandbox/skatteetaten/kvittering-pdf';
import type { FeedbackDialog, FeedbackTransmission } from '../../../shared/feedback/feedback-dialog';

const DOC_URL = 'https://api.skatteetaten.no/api/aksjonaerregister/v1/2025/forsendelser/f-1/dokumenter/d-1';

describe('feedback documents kept as bytes, and saved under a name their content type calls for', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-documents-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('names files for their content type: Skatteetaten’s name kept, the extension added or corrected', () => {
    const doc = (name: string | null, mediaType: string) => ({ name, mediaType, attachmentId: 'a-1' });
    expect(documentFileName(doc('Kvittering.pdf', 'application/pdf'))).toBe('Kvittering.pdf');
    expect(documentFileName(doc('Kvittering', 'application/pdf'))).toBe('Kvittering.pdf');
    expect(documentFileName(doc('Kvittering.json', 'application/pdf'))).toBe('Kvittering.pdf');
    expect(documentFileName(doc(null, 'application/pdf'))).toBe('tilbakemelding-a-1.pdf');
    expect(documentFileName(doc('Tilbakemelding.json', 'application/json'))).toBe('Tilbakemelding.json');
    expect(documentFileName(doc(null, 'application/xml'))).toBe('tilbakemelding-a-1.xml');
    expect(documentFileName(doc('a/b:c', 'application/octet-stream'))).toBe('a_b_c.bin');
    expect(extensionFor('text/plain')).toBe('txt');
    expect(isTextDocument('application/pdf')).toBe(false);
    expect(isTextDocument('application/problem+json')).toBe(true);
  });

  it('fetches a PDF with an Accept that allows it, stores the exact bytes, and gives them back unchanged', async () => {
    const pdf = kvitteringPdf(['Kvittering fra Skatteetaten', 'Aksjonærregisteroppgave 2025']);
    const accepts: string[] = [];
    const documents = new FeedbackDocuments({
      dataDir,
      profileId: 'p1',
      accessToken: async () => 'token',
      isAllowedUrl: (url) => url.hostname === 'api.skatteetaten.no',
      fetch: async (_url, init) => {
        accepts.push(String(new Headers(init?.headers).get('accept')));
        return new Response(new Uint8Array(pdf), { status: 200, headers: { 'content-type': 'application/pdf' } });
      },
    });
    const transmission: FeedbackTransmission = {
      id: 't-1',
      createdAt: '2026-03-02T09:00:00Z',
      type: 'Acceptance',
      sender: 'ServiceOwner',
      title: 'Kvittering',
      summary: null,
      relatedTransmissionId: null,
      isAuthorized: true,
      attachments: [
        {
          id: 'a-1',
          displayName: 'Kvittering',
          urls: [{ url: DOC_URL, mediaType: 'application/pdf', consumerType: 'Api' }],
        },
      ],
    };
    const dialog: FeedbackDialog = {
      id: 'd-1',
      party: 'urn:altinn:organization:identifier-no:974761076',
      serviceResource: 'urn:altinn:resource:ske-innrapportering-aksjonaerregisteroppgave',
      status: 'Completed',
      extendedStatus: 'GODKJENT',
      externalReference: null,
      title: 'Aksjonærregisteroppgave 2025',
      summary: null,
      createdAt: '2026-03-02T09:00:00Z',
      updatedAt: '2026-03-02T09:00:00Z',
      transmissions: [transmission],
    };
    const outcomes = await documents.fetchForTransmission(dialog, transmission);
    expect(outcomes).toMatchObject([{ kind: 'stored', document: { mediaType: 'application/pdf' } }]);
    expect(accepts).toEqual(['application/pdf, application/json;q=0.9']);
    expect(await documents.view('t-1', 'a-1')).toBeNull();
    const saving = await documents.forSaving('t-1', 'a-1');
    expect(saving?.fileName).toBe('Kvittering.pdf');
    expect(saving?.mediaType).toBe('application/pdf');
    expect(saving?.bytes.equals(pdf)).toBe(true);
    expect(await documents.forSaving('t-1', 'nope')).toBeNull();
  });
});
