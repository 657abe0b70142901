import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { receiptFileName, renderReceiptHtml, type ReceiptInput } from '../../../main/receipts/receipt-html';
import { isAppError } from '../../../shared/domain/app-error';
import type { Submission } from '../../../shared/outbox/submission';
import { CHROMIUM } from '../../e2e/harness/harness';

/**
 * A received a-melding as the outbox keeps it. The receipt's ids have the shape of the a-melding API's answer to
 * `PUT …/innsending`: `{"dialogId","forsendelseId","meldingsId"}` (Skatteetaten/api-dokumentasjon, a-melding
 * innsending; distilled in /work/shared/docs/skatteetaten-apis.md §2).
 */
const received: Submission = {
  id: '3f6c1e52-8a0b-4c1e-9d52-6b1f0a7c2e91',
  idempotencyKey: '9b2d7c4e-1f3a-4b5c-8d6e-7f8a9b0c1d2e',
  payloadSha256: 'c0ffee00'.repeat(8),
  payloadBytes: 12345,
  label: 'A-melding for januar 2026 <Fjellstue & co>',
  target: {
    service: 'a-melding',
    kalendermaaned: '2026-01',
    opplysningspliktig: '974761076',
    meldingsId: 'lonn-2026-01-001',
  },
  createdAt: '2026-02-03T08:59:00.000Z',
  updatedAt: '2026-02-03T09:00:00.000Z',
  attempts: 1,
  checkpoint: {},
  state: {
    kind: 'received',
    at: '2026-02-03T09:00:00.000Z',
    receipt: {
      dialogId: '0194f3a1-7c2e-7b1d-9a51-0c4d2e8f6a10',
      forsendelseId: '5d1e7a3b-2c4f-4e6a-9b8c-1d2e3f4a5b6c',
      meldingsId: 'lonn-2026-01-001',
    },
  },
};

const input = (over: Partial<ReceiptInput> = {}): ReceiptInput => ({
  submission: received,
  company: { displayName: 'Fjellstue AS', orgNumber: '974761076' },
  environment: 'production',
  language: 'nb',
  madeAt: new Date('2026-02-04T12:15:00.000Z'),
  version: '1.2.3',
  ...over,
});

describe('the receipt of a received submission', () => {
  it('names the company, what was sent, when (Norwegian time, in words) and every reference, in bokmål', () => {
    const html = renderReceiptHtml(input());
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('<h1>Kvittering for innsending</h1>');
    expect(html).toContain('Fjellstue AS (974 761 076)');
    expect(html).toContain('A-melding for januar 2026 &lt;Fjellstue &amp; co&gt;');
    expect(html).not.toContain('<Fjellstue');
    // 09:00 UTC is 10:00 in Oslo in February.
    expect(html).toContain('3. februar 2026 kl. 10:00');
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    for (const id of [
      '0194f3a1-7c2e-7b1d-9a51-0c4d2e8f6a10',
      '5d1e7a3b-2c4f-4e6a-9b8c-1d2e3f4a5b6c',
      'lonn-2026-01-001',
    ])
      expect(html).toContain(id);
    expect(html).toContain('12 345 byte');
    expect(html).toContain('c0ffee00'.repeat(8));
    expect(html).not.toContain('Sandkasse:');
    // Self-contained: nothing a PDF renderer would fetch, nothing that runs.
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
  });

  it('says so in English, and warns that a sandbox receipt proves nothing was sent to Skatteetaten', () => {
    const html = renderReceiptHtml(input({ language: 'en', environment: 'sandbox' }));
    expect(html).toContain('<h1>Submission receipt</h1>');
    expect(html).toContain('3 February 2026 at 10:00');
    expect(html).toContain('Sandbox: this was not sent to Skatteetaten');
    expect(receiptFileName(received, 'en')).toBe('Receipt-A-melding-for-januar-2026-Fjellstue-co-2026-02-03.pdf');
    expect(receiptFileName(received, 'nb')).toBe('Kvittering-A-melding-for-januar-2026-Fjellstue-co-2026-02-03.pdf');
  });

  it('is refused, in both languages, for a submission Skatteetaten has not received', () => {
    const rejected: Submission = {
      ...received,
      state: {
        kind: 'rejected',
        at: received.updatedAt,
        error: { code: 'SKATTEETATEN_AMLD_010', message: { nb: 'Avvist', en: 'Rejected' } },
      },
    };
    try {
      renderReceiptHtml(input({ submission: rejected }));
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('RECEIPT_NOT_RECEIVED');
      expect(isAppError(error) && error.localized.nb).toContain('bare kvittering for en innsending');
      expect(isAppError(error) && error.localized.en).toContain('only for a submission Skatteetaten has received');
    }
  });

  describe('as a PDF from headless Chromium (what Electron’s printToPDF does in the app)', () => {
    let browser: Browser;
    let dir: string;
    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
      dir = mkdtempSync(join(tmpdir(), 'innsender-receipt-'));
    });
    afterAll(async () => {
      await browser?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('renders to one A4 page whose text has the company, the references and the checksum', async () => {
      const page = await browser.newPage();
      await page.setContent(renderReceiptHtml(input()));
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const file = join(dir, 'kvittering.pdf');
      writeFileSync(file, pdf);
      if (!existsSync('/usr/bin/pdftotext')) throw new Error('pdftotext is missing: apt-get install poppler-utils');
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Kvittering for innsending');
      expect(text).toContain('Fjellstue AS (974 761 076)');
      expect(text).toContain('0194f3a1-7c2e-7b1d-9a51-0c4d2e8f6a10');
      expect(text.replace(/\s+/g, '')).toContain('c0ffee00'.repeat(8));
      expect(text.split('\f').filter((p) => p.trim()).length).toBe(1);
    });
  });
});
