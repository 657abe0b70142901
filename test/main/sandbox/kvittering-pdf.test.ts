import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxEndpoints } from '../../../main/environments/table';
import { kvitteringPdf } from '../../../main/sandbox/skatteetaten/kvittering-pdf';
import { serviceById } from '../../../shared/domain/services-catalogue';
import { rf1086Return } from '../support/report-fixtures';
import {
  clientsFor,
  RF1086_ORG,
  skatteetatenState,
  startSkatteetatenSandbox,
  type SkatteetatenSandbox,
} from '../support/skatteetaten-sandbox';

/** A PDF reader finds every object through the xref offsets and the xref through `startxref`: check both. */
function expectWellFormedPdf(bytes: Buffer) {
  const text = bytes.toString('latin1');
  expect(text.startsWith('%PDF-1.')).toBe(true);
  expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF\s*$/.exec(text)?.[1]);
  expect(text.slice(startxref, startxref + 4)).toBe('xref');
  const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
  expect(offsets.length).toBeGreaterThanOrEqual(5);
  offsets.forEach((offset, i) => expect(text.slice(offset, offset + 8)).toBe(`${i + 1} 0 obj\n`));
  const length = Number(/\/Length (\d+) >>\nstream\n/.exec(text)?.[1]);
  const streamStart = text.indexOf('stream\n') + 'stream\n'.length;
  expect(text.slice(streamStart + length, streamStart + length + 10)).toBe('\nendstream');
}

describe('the sandbox Skatteetaten serves a PDF receipt with RF-1086 feedback', () => {
  let sandbox: SkatteetatenSandbox;
  let now = new Date('2026-03-02T09:00:00Z');
  beforeAll(async () => {
    sandbox = await startSkatteetatenSandbox([RF1086_ORG], { now: () => now });
  });
  afterAll(() => sandbox.host.stop());

  it('writes a well-formed PDF, with parentheses escaped and Norwegian letters kept', () => {
    const pdf = kvitteringPdf(['Aksjonærregisteroppgave (RF-1086)', 'a\\b']);
    expectWellFormedPdf(pdf);
    expect(pdf.toString('latin1')).toContain('(Aksjon\xe6rregisteroppgave \\(RF-1086\\)) Tj');
    expect(pdf.toString('latin1')).toContain('(a\\\\b) Tj');
  });

  it('attaches Kvittering.pdf to the feedback transmission and serves its bytes as application/pdf', async () => {
    const { aksjonaerregister } = clientsFor(sandbox, RF1086_ORG);
    const receipt = await aksjonaerregister.submitReturn(rf1086Return(), { idempotencyKey: randomUUID() });
    const { skatteetaten, dialogporten } = await skatteetatenState(sandbox.host);
    const [forsendelseId, dokumentId] =
      Object.entries(skatteetaten.documents)
        .flatMap(([f, docs]) => Object.entries(docs).map(([d, doc]) => [f, d, doc.mediaType] as const))
        .find(([, , mediaType]) => mediaType === 'application/pdf') ?? [];
    if (!forsendelseId || !dokumentId) throw new Error('no PDF document stored');
    const url = `${sandboxEndpoints(sandbox.host.baseUrl).skatteetaten.aksjonaerregister}/2025/forsendelser/${forsendelseId}/dokumenter/${dokumentId}`;
    // The feedback transmission names it, for the dialogs of this return.
    expect(JSON.stringify(dialogporten)).toContain(url);
    expect(JSON.stringify(dialogporten)).toContain('Kvittering.pdf');

    const token = await sandbox.tokensFor(RF1086_ORG).token(serviceById('aksjonaerregisteroppgave').scope);
    const get = () =>
      fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/pdf, application/json;q=0.9' } });
    // Made "a moment later", with the JSON feedback: not there yet.
    expect((await get()).status).toBe(404);
    now = new Date(now.getTime() + 60_000);
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await response.arrayBuffer());
    expectWellFormedPdf(bytes);
    expect(bytes.toString('latin1')).toContain(`(Referanse: ${receipt.hovedskjemaId}) Tj`);
    expect(bytes.toString('latin1')).toContain(`(Organisasjonsnummer: ${RF1086_ORG}) Tj`);
  });
});
