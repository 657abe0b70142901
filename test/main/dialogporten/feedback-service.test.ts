import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { FeedbackService } from '../../../main/dialogporten/feedback-service';
import { runFeedbackCommand } from '../../../main/dialogporten/feedback-command';
import { skatteetatenDocumentUrls } from '../../../main/dialogporten/feedback-documents';
import { sandboxEndpoints } from '../../../main/environments/table';
import { addFeedback, CUSTOMER_ORG, startDialogportenSandbox, submissionDialog } from '../support/dialogporten-sandbox';

const TILBAKEMELDING = JSON.stringify({
  melding: {
    mottak: [
      {
        kalendermaaned: '2026-02',
        mottattLeveranse: [
          {
            meldingsId: 'M-1',
            mottakstatus: 'mottatt',
            avvik: [{ avvikstype: '181E', alvorlighetsgrad: 'retningslinje', beskrivelse: 'Mangler stillingsprosent' }],
          },
        ],
      },
    ],
  },
});

describe('the feedback service: sync, documents, matching and the CLI command', () => {
  let sandbox: Awaited<ReturnType<typeof startDialogportenSandbox>>;
  let dataDir: string;
  let documents: Server;
  let documentBase: string;
  const documentScopes: string[] = [];
  let documentReady = true;

  beforeEach(async () => {
    sandbox = await startDialogportenSandbox();
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-feedback-'));
    // Stands in for Skatteetaten's document endpoint; it records the scope each call's token carried.
    documents = createServer((req, res) => {
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      documentScopes.push(String(decodeJwt(token).scope));
      if (!documentReady) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(TILBAKEMELDING);
    });
    await new Promise<void>((r) => documents.listen(0, '127.0.0.1', r));
    documentBase = `http://127.0.0.1:${(documents.address() as AddressInfo).port}`;
    documentScopes.length = 0;
    documentReady = true;
  });
  afterEach(async () => {
    await sandbox.host.stop();
    await new Promise((r) => documents.close(r));
    await rm(dataDir, { recursive: true, force: true });
  });

  function service() {
    // The document server is another origin than the sandbox: name it as the a-melding host.
    const endpoints = {
      ...sandbox.endpoints,
      skatteetaten: { ...sandbox.endpoints.skatteetaten, amelding: documentBase },
    };
    return new FeedbackService({
      dataDir,
      profile: { id: 'p1', orgNumber: CUSTOMER_ORG },
      endpoints,
      services: ['a-melding'],
      accessToken: sandbox.tokenFor,
      now: sandbox.clock.now,
    });
  }

  it('fetches and reads the feedback document with the service’s scope, links it, and prints it once', async () => {
    const iso = () => sandbox.clock.now().toISOString();
    const mine = submissionDialog(sandbox.store, { at: iso(), externalReference: 'M-1' });
    const elsewhere = submissionDialog(sandbox.store, { at: iso(), externalReference: 'X-9' });
    sandbox.clock.advance(2000);
    documentReady = false;
    const feedback = addFeedback(sandbox.store, mine, iso(), `${documentBase}/forsendelser/f/dokumenter/d`);
    addFeedback(sandbox.store, elsewhere, iso(), 'https://evil.example/steal');

    const first = await service().syncOnce();
    expect(first.initial).toBe(true);
    expect(first.documents.map((d) => d.kind).sort()).toEqual(['not-ready', 'skipped']);
    expect(documentScopes).toEqual(['skatteetaten:innrapporteringamelding']);

    documentReady = true;
    const missing = await service().fetchMissingDocuments();
    expect(missing.filter((d) => d.kind === 'stored')).toHaveLength(1);
    const view = await service().documents.view(feedback.id, feedback.attachments[0]!.id as string);
    expect(view).toMatchObject({ kind: 'a-melding', outcome: 'received-with-deviations' });
    expect(await service().documents.read(feedback.id, feedback.attachments[0]!.id as string)).toMatchObject({
      meta: { mediaType: 'application/json' },
    });

    const links = await service().links([{ submissionId: 'outbox-1', dialogId: mine.id }]);
    expect(links.find((l) => l.dialogId === mine.id)).toMatchObject({ kind: 'linked', submissionId: 'outbox-1' });
    expect(links.find((l) => l.dialogId === elsewhere.id)).toMatchObject({ kind: 'made-elsewhere' });

    // The command after the fact: nothing new, but --since lists both, with the reading.
    const lines: string[] = [];
    const code = await runFeedbackCommand({
      service: service(),
      since: new Date(Date.parse(iso()) - 60_000),
      submissions: [{ submissionId: 'outbox-1', dialogId: mine.id }],
      language: 'en',
      write: (l) => lines.push(l),
    });
    expect(code).toBe(0);
    const text = lines.join('\n');
    expect(text).toContain('submission outbox-1');
    expect(text).toContain('made outside Innsender');
    expect(text).toContain('Fix in the next report (guideline): 1');
    expect(text).not.toMatch(/^\* /m);

    const json: string[] = [];
    await runFeedbackCommand({ service: service(), json: true, write: (l) => json.push(l) });
    expect(JSON.parse(json[0]!)).toEqual({ ok: true, value: { items: [] } });
  });

  it('prints new feedback marked with *, and a typed error with exit code 3 when Dialogporten is down', async () => {
    const dialog = submissionDialog(sandbox.store, { at: sandbox.clock.now().toISOString() });
    addFeedback(sandbox.store, dialog, sandbox.clock.now().toISOString(), `${documentBase}/d`);
    const lines: string[] = [];
    expect(await runFeedbackCommand({ service: service(), language: 'en', write: (l) => lines.push(l) })).toBe(0);
    expect(lines[0]).toMatch(/^\* /);

    await sandbox.host.stop();
    const failed: string[] = [];
    expect(await runFeedbackCommand({ service: service(), json: true, write: (l) => failed.push(l) })).toBe(3);
    expect(JSON.parse(failed[0]!)).toMatchObject({ ok: false, error: { code: 'DIALOGPORTEN_UNREACHABLE' } });
    sandbox = await startDialogportenSandbox(); // afterEach stops it
  });
});

describe('which document URLs the app follows', () => {
  it('the environment’s Skatteetaten hosts only', () => {
    const sandbox = skatteetatenDocumentUrls(sandboxEndpoints('http://127.0.0.1:5555'));
    expect(sandbox(new URL('http://127.0.0.1:5555/skatteetaten/x'))).toBe(true);
    expect(sandbox(new URL('http://127.0.0.1:5556/skatteetaten/x'))).toBe(false);
    const test = skatteetatenDocumentUrls({
      ...sandboxEndpoints('http://127.0.0.1:5555'),
      skatteetaten: {
        amelding: 'https://innrapporteringamelding.api.skatteetaten-test.no/v1',
        aksjonaerregister: 'https://api-test.sits.no/api/aksjonaerregister/v1',
        skattekort: 'https://api-test.sits.no',
        tredjepartTemplate: 'https://innrapportering{scheme}.api.skatteetaten-test.no/v1',
      },
    });
    expect(test(new URL('https://ameldingtilbakemelding.api.skatteetaten-test.no/v1/x'))).toBe(true);
    expect(test(new URL('http://ameldingtilbakemelding.api.skatteetaten-test.no/v1/x'))).toBe(false);
    expect(test(new URL('https://api.skatteetaten-test.no.evil.example/x'))).toBe(false);
  });
});
