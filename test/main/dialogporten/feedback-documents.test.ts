import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  documentFileName,
  extensionFor,
  FeedbackDocuments,
  isTextDocument,
  REFUSED_RETRY_MS,
  sandboxDocumentUrl,
  skatteetatenDocumentUrls,
} from '../../../main/dialogporten/feedback-documents';
import { sandboxEndpoints } from '../../../main/environments/table';
import type { Logger } from '../../../main/log/logger';
import { kvitteringPdf } from '../../../main/sandbox/skatteetaten/kvittering-pdf';
import type { FeedbackDialog, FeedbackTransmission } from '../../../shared/feedback/feedback-dialog';

const DOC_URL = 'https://api.skatteetaten.no/api/aksjonaerregister/v1/2025/forsendelser/f-1/dokumenter/d-1';

/** RF-1086 feedback whose one attachment (a PDF receipt) is at `url`. */
function feedbackWith(url: string): { dialog: FeedbackDialog; transmission: FeedbackTransmission } {
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
        urls: [{ url, mediaType: 'application/pdf', consumerType: 'Api' }],
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
  return { dialog, transmission };
}

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
    const { dialog, transmission } = feedbackWith(DOC_URL);
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

  it('never keeps a guest network’s login page (200, HTML) as Skatteetaten’s document, and fetches the document next pass', async () => {
    const pdf = kvitteringPdf(['Kvittering fra Skatteetaten']);
    let online = false;
    const documents = new FeedbackDocuments({
      dataDir,
      profileId: 'p1',
      accessToken: async () => 'token',
      isAllowedUrl: (url) => url.hostname === 'api.skatteetaten.no',
      fetch: async () =>
        online
          ? new Response(new Uint8Array(pdf), { status: 200, headers: { 'content-type': 'application/pdf' } })
          : new Response('<!doctype html><title>Gjestenett</title><button>Logg inn</button>', {
              status: 200,
              headers: { 'content-type': 'text/html; charset=utf-8' },
            }),
    });
    const { dialog, transmission } = feedbackWith(DOC_URL);
    expect(await documents.fetchForTransmission(dialog, transmission)).toMatchObject([
      { kind: 'failed', error: { code: 'FEEDBACK_DOCUMENT_UNREACHABLE' } },
    ]);
    expect(await documents.list('t-1')).toEqual([]);
    online = true;
    expect(await documents.fetchForTransmission(dialog, transmission)).toMatchObject([
      { kind: 'stored', document: { mediaType: 'application/pdf' } },
    ]);
    expect((await documents.forSaving('t-1', 'a-1'))?.bytes.equals(pdf)).toBe(true);
  });

  it('asks for a refused document (403) again only after REFUSED_RETRY_MS, not at every pass', async () => {
    let now = Date.parse('2027-01-31T08:00:00Z');
    let calls = 0;
    let status = 403;
    const documents = new FeedbackDocuments({
      dataDir,
      profileId: 'p1',
      accessToken: async () => 'token',
      isAllowedUrl: (url) => url.hostname === 'api.skatteetaten.no',
      now: () => new Date(now),
      fetch: async () => {
        calls++;
        return status === 200
          ? new Response(new Uint8Array(kvitteringPdf(['Kvittering'])), {
              status,
              headers: { 'content-type': 'application/pdf' },
            })
          : Response.json({ kode: 'AKSJ_005' }, { status });
      },
    });
    const { dialog, transmission } = feedbackWith(DOC_URL);
    expect(await documents.fetchForTransmission(dialog, transmission)).toMatchObject([
      { kind: 'failed', refused: true, error: { code: 'FEEDBACK_DOCUMENT_REFUSED' } },
    ]);
    now += REFUSED_RETRY_MS - 1;
    expect(await documents.fetchForTransmission(dialog, transmission)).toMatchObject([{ kind: 'failed' }]);
    expect(calls).toBe(1);
    status = 200;
    now += 1;
    expect(await documents.fetchForTransmission(dialog, transmission)).toMatchObject([{ kind: 'stored' }]);
    expect(calls).toBe(2);
  });
});

describe('where a document URL is read from, and what is said about one not followed', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-documents-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const sandbox = sandboxEndpoints('http://127.0.0.1:5555');
  const warnings: { message: string; fields?: Record<string, unknown> }[] = [];
  const log: Logger = { info() {}, error() {}, warn: (message, fields) => void warnings.push({ message, fields }) };
  const pdf = kvitteringPdf(['Kvittering fra Skatteetaten']);
  function documentsOnSandbox(fetched: string[]) {
    return new FeedbackDocuments({
      dataDir,
      profileId: 'p1',
      accessToken: async () => 'secret-token',
      isAllowedUrl: skatteetatenDocumentUrls(sandbox),
      currentUrl: sandboxDocumentUrl(sandbox),
      log,
      fetch: async (url) => {
        fetched.push(String(url));
        return new Response(new Uint8Array(pdf), { status: 200, headers: { 'content-type': 'application/pdf' } });
      },
    });
  }

  it('moves a sandbox URL from an earlier run (another loopback port) onto this run’s sandbox, and nothing else', () => {
    const current = sandboxDocumentUrl(sandbox);
    const path = '/skatteetaten/api/aksjonaerregister/v1/2025/forsendelser/f-1/dokumenter/d-1?x=1';
    expect(current(new URL(`http://127.0.0.1:5556${path}`)).href).toBe(`http://127.0.0.1:5555${path}`);
    expect(current(new URL(`http://localhost:40000${path}`)).href).toBe(`http://127.0.0.1:5555${path}`);
    expect(current(new URL(`http://127.0.0.1:5555${path}`)).href).toBe(`http://127.0.0.1:5555${path}`);
    // Not under the profile's Skatteetaten bases, not loopback, or not plain http: left for the allow-list.
    expect(current(new URL('http://127.0.0.1:5556/dialogporten/x')).href).toBe('http://127.0.0.1:5556/dialogporten/x');
    expect(current(new URL(`https://evil.example${path}`)).href).toBe(`https://evil.example${path}`);
    expect(current(new URL(`https://127.0.0.1:5556${path}`)).href).toBe(`https://127.0.0.1:5556${path}`);
  });

  it('fetches a kept document URL of an earlier sandbox run from the sandbox as it runs now', async () => {
    const fetched: string[] = [];
    const old = 'http://127.0.0.1:5556/skatteetaten/api/aksjonaerregister/v1/2025/forsendelser/f-1/dokumenter/d-1';
    const { dialog, transmission } = feedbackWith(old);
    const outcomes = await documentsOnSandbox(fetched).fetchForTransmission(dialog, transmission);
    expect(outcomes).toMatchObject([{ kind: 'stored', document: { url: old.replace(':5556', ':5555') } }]);
    expect(fetched).toEqual([old.replace(':5556', ':5555')]);
  });

  it('skips a document on a foreign origin without fetching it, and says so in the log (with no token)', async () => {
    const fetched: string[] = [];
    warnings.length = 0;
    const { dialog, transmission } = feedbackWith('https://evil.example/skatteetaten/doc');
    const outcomes = await documentsOnSandbox(fetched).fetchForTransmission(dialog, transmission);
    expect(outcomes).toEqual([{ kind: 'skipped', attachmentId: 'a-1', reason: 'foreign-origin' }]);
    expect(fetched).toEqual([]);
    expect(warnings).toEqual([
      {
        message: expect.stringContaining('feedback document skipped'),
        fields: {
          dialogId: 'd-1',
          transmissionId: 't-1',
          attachmentId: 'a-1',
          origin: 'https://evil.example',
          path: '/skatteetaten/doc',
        },
      },
    ]);
    expect(JSON.stringify(warnings)).not.toContain('secret-token');
  });
});
