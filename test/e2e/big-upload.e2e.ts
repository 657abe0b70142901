import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TredjepartSlice } from '../../main/sandbox/skatteetaten/tredjepart-state';
import type { Fault } from '../../main/sandbox/faults';
import {
  removeSandboxProfileFolder,
  sandboxProfileFolder,
  type SandboxProfileFolder,
} from '../main/support/sandbox-profile';
import { largeAksjesparekontoMelding } from '../main/support/tredjepart-fixtures';
import { startProcessHarness, type ProcessHarness } from './harness/process-harness';

/** The aksjesparekonto fixture's oppgavegiver (Skatteetaten's example, see tredjepart-fixtures.ts). */
const ORG = '974761076';
const MB = 1024 * 1024;
const REFERENCE = 'ASK-2025-stor';
/** The sandbox's TPO file reception (docs/api/innrapportering-tpo-filmottak.md in Skatteetaten/api-dokumentasjon). */
const UPLOADS = '/skatteetaten/innrapporteringtpofilmottak/v1/opplastinger';

/**
 * Issue 16's "done when": an aksjesparekonto file over 10 MB is sent through the file reception with progress on
 * Utboks, the app is killed (SIGKILL) mid-way, and after a restart the upload finishes with one delivery — in real
 * Chromium, with the app's services in a process of their own on the same data folder and sandbox port.
 */
describe('a large aksjesparekonto upload, the app killed mid-way', () => {
  let folder: SandboxProfileFolder | undefined;
  let files: string;
  let h: ProcessHarness;
  let started: ProcessHarness | undefined;
  const melding = largeAksjesparekontoMelding(10.5 * MB, REFERENCE);

  async function admin<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const sandbox = h.sandbox();
    const response = await fetch(`${sandbox.baseUrl}/__admin/${path}`, {
      method,
      headers: { 'x-innsender-admin': sandbox.adminToken, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect(response.ok).toBe(true);
    return (await response.json()) as T;
  }
  const tredjepartState = async () => (await admin<{ tredjepart: TredjepartSlice }>('GET', 'state')).tredjepart;
  const addFault = (fault: Fault) => admin<Fault>('POST', 'faults', fault);

  beforeAll(async () => {
    // Through setup fast, with the wizard's channels (sandbox-profile.ts): an approved systembruker with the
    // aksjesparekonto right, on a data folder the service process then opens.
    folder = await sandboxProfileFolder({
      name: 'big-upload',
      orgNumber: ORG,
      displayName: 'Fjellstue AS',
      services: ['tredjepart-aksjesparekonto'],
    });
    files = mkdtempSync(join(tmpdir(), 'innsender-e2e-big-upload-files-'));
    started = await startProcessHarness({ dataDir: folder.dataDir });
    h = started;
  });
  afterAll(async () => {
    await started?.close();
    await removeSandboxProfileFolder(folder);
    if (files) rmSync(files, { recursive: true, force: true });
  });

  it('uploads with progress, is killed mid-way, and finishes after the restart with one delivery', async () => {
    const { page } = h;
    const path = join(files, 'aksjesparekonto-2025.json');
    writeFileSync(path, melding.body);
    expect(melding.body.length).toBeGreaterThan(10 * MB);

    await page.getByRole('navigation').getByRole('link', { name: 'Tredjepart', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tredjepartsopplysninger' }).waitFor();
    await page.getByTestId('tredjepart-scheme').selectOption('aksjesparekonto');
    h.desktop.nextPicks.push([path]);
    await page.getByTestId('tredjepart-pick').click();
    await page.locator('[data-testid="tredjepart-result"][data-valid="true"]').waitFor({ timeout: 30_000 });
    const summary = page.getByTestId('tredjepart-summary');
    expect(await summary.locator('dt:text-is("Oppgaver") + dd').textContent()).toMatch(
      new RegExp(`^${melding.antallOppgaver.toLocaleString('nb-NO').replace(/\s/g, '\\s')}$`),
    );
    await page.getByTestId('tredjepart-save').click();
    await page.getByTestId('tredjepart-saved').waitFor();
    await page.getByTestId('tredjepart-draft').getByTestId('tredjepart-send').click();
    const dialog = page.getByTestId('tredjepart-send-dialog');
    await dialog.getByTestId('send-preview').waitFor();

    // Slow the file reception: the upload takes 3 s to be taken (time to open Utboks), then its status is never
    // answered, so the app sits between "uploaded" and "sent in" when it is killed.
    await addFault({ kind: 'latency', ms: 3_000, method: 'POST', pathPrefix: UPLOADS, times: 1 });
    await addFault({ kind: 'latency', ms: 60_000, method: 'GET', pathPrefix: `${UPLOADS}/` });
    await dialog.getByTestId('tredjepart-confirm-send').click();
    await page.getByTestId('tredjepart-sent').getByRole('link', { name: 'Gå til Utboks' }).click();

    const row = page.getByTestId('submission');
    await page.locator('[data-testid="submission"][data-state="sending"]').waitFor();
    const progress = row.locator('.outbox-progress');
    await progress.getByText('Skatteetaten kontrollerer filen: steg 1 av 3').waitFor({ timeout: 20_000 });
    expect(await progress.locator('progress').getAttribute('value')).toBe('1');
    expect(await progress.locator('progress').getAttribute('max')).toBe('3');
    await h.screenshot('big-upload-01-sending');
    // Skatteetaten has the file and nothing is delivered yet: the kill lands between the two.
    const before = await tredjepartState();
    expect(before.uploadsReceived).toBe(1);
    expect(before.submissions.filter((s) => s.reference === REFERENCE)).toEqual([]);

    const sandboxBefore = h.sandbox().baseUrl;
    await h.kill();
    await h.restart();
    // The same data folder brings the sandbox back on its remembered port, with its journaled state.
    expect(h.sandbox().baseUrl).toBe(sandboxBefore);
    await page.reload();
    await page.getByRole('navigation').getByRole('link', { name: 'Utboks', exact: true }).click();
    const received = page.locator('[data-testid="submission"][data-state="received"]');
    await received.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('submission').count()).toBe(1);
    expect(await received.getByRole('heading').textContent()).toBe('Aksjesparekonto (RF-1301) for 2025');
    const receipt = received.getByTestId('receipt-facts');
    const forsendelseId = await receipt.locator('dt:text-is("Forsendelses-ID") + dd').textContent();
    expect(forsendelseId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await h.seriousA11yViolations()).toEqual([]);
    await h.screenshot('big-upload-02-received');

    // One upload (the restart resumed it, it did not upload again) and one delivery, under the receipt shown.
    const after = await tredjepartState();
    expect(h.consoleErrors).toEqual([]);
    expect(after.uploadsReceived).toBe(1);
    const delivered = after.submissions.filter((s) => s.reference === REFERENCE);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.forsendelseId).toBe(forsendelseId);
    expect(delivered[0]?.antallOppgaver).toBe(melding.antallOppgaver);
  });
});
