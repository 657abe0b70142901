import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../main/app-services';
import { createKeytarKeyStore } from '../../../main/keys/keytar-key-store';
import type { DesktopPort } from '../../../main/desktop-port';
import type { ChannelName, ChannelOutput, EventName } from '../../../shared/ipc/contract';
import { approvedSandboxSetup, seedAMeldingFeedback, seedPdfFeedback } from '../support/feedback-seed';

const OWN_ORG = '974761076';

// Against the real emulator (started by the app's own SandboxController) and the real Secret Service.
describe('the feedback channels, against the sandbox’s Dialogporten and Skatteetaten', () => {
  const keyStore = createKeytarKeyStore({ service: `no.innsender.test.${randomUUID()}` });
  let dataDir: string;
  let services: AppServices;
  const opened: string[] = [];
  const saved: { path: string; content: string; bytes: Buffer }[] = [];
  const notifications: { title: string; body: string; onClick?: () => void }[] = [];
  const copied: string[] = [];
  const events: { event: EventName; payload: unknown }[] = [];

  const desktop: DesktopPort = {
    openExternal: async (url) => void opened.push(url),
    pickFiles: async () => [],
    saveFile: async ({ defaultName, content }) => {
      const path = join(dataDir, `saved-${defaultName}`);
      const bytes = Buffer.from(content);
      await writeFile(path, bytes);
      saved.push({ path, content: bytes.toString('utf8'), bytes });
      return path;
    },
    writeClipboard: async (text) => void copied.push(text),
    notify: (n) => void notifications.push(n),
  };
  const start = () => {
    services = createAppServices({ dataDir, host: 'node', version: '0.0.0-test', desktop, keyStore });
    services.events.subscribe((event, payload) => events.push({ event, payload }));
  };
  const ok = async <C extends ChannelName>(channel: C, payload?: unknown): Promise<ChannelOutput<C>> => {
    const result = await services.dispatch(channel, payload);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message.en}`);
    return result.value as ChannelOutput<C>;
  };
  const failure = async (channel: ChannelName, payload?: unknown) => {
    const result = await services.dispatch(channel, payload);
    if (result.ok) throw new Error(`${channel} should have failed`);
    return result.error;
  };
  const host = () => {
    const running = services.sandbox.running();
    if (!running) throw new Error('the sandbox is not running');
    return running;
  };
  const settle = () => new Promise((r) => setTimeout(r, 50));

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-feedback-ipc-'));
    start();
  });
  afterAll(async () => {
    await services?.dispose();
    for (const account of await keyStore.list()) await keyStore.delete(account);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('says what to finish in Oppsett until the systembruker is approved', async () => {
    expect(await ok('feedback.status')).toMatchObject({ state: 'not-ready', reason: 'no-profile' });
    await ok('profiles.create', { orgNumber: OWN_ORG, displayName: 'Fjellstue AS', environment: 'sandbox' });
    const status = await ok('feedback.status');
    expect(status).toMatchObject({ state: 'not-ready', reason: 'setup-incomplete', missingStep: 'key' });
    expect(status.state === 'not-ready' && status.message.nb).toContain('Oppsett');
    expect((await failure('feedback.list')).code).toBe('FEEDBACK_NOT_READY');
    expect((await failure('feedback.syncNow')).code).toBe('FEEDBACK_NOT_READY');

    await approvedSandboxSetup(services, () => opened);
    notifications.length = 0; // the setup's own "approved" notification
    expect(await ok('feedback.status')).toMatchObject({
      state: 'ready',
      poller: { state: 'stopped', lastSyncAt: null },
      unread: 0,
    });
  });

  it('lists the history on the first sync without notifications or unread marks', async () => {
    const old = seedAMeldingFeedback(host(), {
      org: OWN_ORG,
      title: 'A-melding 2026-01',
      document: {
        melding: {
          mottak: [{ kalendermaaned: '2026-01', mottattLeveranse: [{ meldingsId: 'M-1', mottakstatus: 'mottatt' }] }],
        },
      },
    });
    const status = await ok('feedback.syncNow');
    expect(status).toMatchObject({ state: 'ready', poller: { state: 'waiting', lastError: null }, unread: 0 });
    await settle();
    const list = await ok('feedback.list');
    expect(list.unread).toBe(0);
    expect(list.items).toEqual([
      expect.objectContaining({
        dialogId: old.dialog.id,
        serviceId: 'a-melding',
        period: '2026-01',
        outcome: 'received',
        link: { kind: 'made-elsewhere' },
        unread: false,
        feedbackCount: 1,
      }),
    ]);
    expect(notifications).toEqual([]);
    expect(events.some((e) => e.event === 'feedback.new')).toBe(false);
  });

  it('copies a KID or an account number to the OS clipboard through main, and refuses anything else', async () => {
    expect(await ok('clipboard.copy', { text: '9747610762202602' })).toEqual({ copied: true });
    expect(copied).toEqual(['9747610762202602']);
    expect((await failure('clipboard.copy', { text: 'line\nbreak' })).code).toBe('IPC_INVALID_INPUT');
    expect((await failure('clipboard.copy', { text: 'x'.repeat(201) })).code).toBe('IPC_INVALID_INPUT');
    expect(copied).toHaveLength(1);
  });

  it('announces new feedback once: an event, an OS notification that opens it, and an unread mark', async () => {
    const fresh = seedAMeldingFeedback(host(), { org: OWN_ORG, externalReference: 'M-2026-02' });
    await ok('feedback.syncNow');
    await settle();
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({
      title: 'Ny tilbakemelding fra Skatteetaten',
      body: 'Fjellstue AS (974 761 076): a-meldingen for februar 2026 er mottatt, med 2 avvik.',
    });
    const announced = events.filter((e) => e.event === 'feedback.new');
    expect(announced).toHaveLength(1);
    expect(announced[0]?.payload).toMatchObject({
      items: [{ dialogId: fresh.dialog.id, transmissionId: fresh.feedback.id }],
      unread: 1,
    });
    notifications[0]?.onClick?.();
    expect(events.at(-1)).toEqual({ event: 'feedback.open', payload: { dialogId: fresh.dialog.id } });

    // A second sync finds nothing new: nothing is announced twice.
    await ok('feedback.syncNow');
    await settle();
    expect(notifications).toHaveLength(1);

    const list = await ok('feedback.list');
    expect(list.unread).toBe(1);
    expect(list.items.map((i) => i.dialogId)).toEqual([fresh.dialog.id, expect.any(String)]);
    expect(list.items[0]).toMatchObject({
      outcome: 'received-with-deviations',
      period: '2026-02',
      deviations: 2,
      unread: true,
      headline: { en: expect.stringContaining('deviation') },
    });
  });

  it('reads the document into plain words, links it once the outbox knows it, and saves the raw bytes', async () => {
    const [newest] = (await ok('feedback.list')).items;
    const item = await ok('feedback.get', { dialogId: newest?.dialogId });
    expect(item.feedback).toHaveLength(1);
    const entry = item.feedback[0];
    expect(entry?.pendingAttachments).toEqual([]);
    const view = entry?.documents[0]?.view;
    if (view?.kind !== 'a-melding') throw new Error(`expected an a-melding view, got ${view?.kind}`);
    expect(view.deviationGroups.map((g) => [g.severity, g.deviations.length])).toEqual([
      ['immediate', 1],
      ['guideline', 1],
    ]);
    expect(view.deviationGroups[0]?.deviations[0]?.where).toMatchObject({
      personName: 'Kari Nordmann',
      employmentId: 'AF-1',
      personId: '010190*****',
    });
    expect(view.months[0]?.periodTotals).toMatchObject({ arbeidsgiveravgift: 14100, forskuddstrekk: 30000 });
    expect(JSON.stringify(item)).not.toContain('01019012345');

    services.feedback.setKnownSubmissions(() => [
      { submissionId: 'outbox-7', externalReference: 'M-2026-02', orgNumber: OWN_ORG },
    ]);
    expect((await ok('feedback.get', { dialogId: item.dialog.id })).summary.link).toEqual({
      kind: 'linked',
      submissionId: 'outbox-7',
      by: 'externalReference',
    });

    const download = await ok('feedback.downloadDocument', {
      transmissionId: entry?.transmission.id,
      attachmentId: entry?.documents[0]?.attachmentId,
    });
    expect(download.path).toMatch(/Tilbakemelding\.json$/);
    expect(JSON.parse(await readFile(download.path ?? '', 'utf8'))).toMatchObject({
      melding: { mottak: [{ kalendermaaned: '2026-02' }] },
    });
    expect((await failure('feedback.downloadDocument', { transmissionId: 'nope', attachmentId: 'x' })).code).toBe(
      'FEEDBACK_DOCUMENT_MISSING',
    );
    expect((await failure('feedback.get', { dialogId: 'nope' })).code).toBe('FEEDBACK_NOT_FOUND');
  });

  it('keeps the unread mark across a restart until the item is opened', async () => {
    await services.dispose();
    start();
    expect(await ok('feedback.status')).toMatchObject({ state: 'ready', unread: 1 });
    const [newest] = (await ok('feedback.list')).items;
    expect(await ok('feedback.markRead', { dialogId: newest?.dialogId })).toEqual({ unread: 0 });
    expect(events.at(-1)).toMatchObject({ event: 'feedback.status', payload: { state: 'ready', unread: 0 } });
    expect((await ok('feedback.list')).items.every((i) => !i.unread)).toBe(true);
  });

  it('shows feedback whose document is not ready yet, and fetches it on a later poll', async () => {
    const late = seedAMeldingFeedback(host(), { org: OWN_ORG, title: 'A-melding 2026-03', documentReady: false });
    await ok('feedback.syncNow');
    let item = await ok('feedback.get', { dialogId: late.dialog.id });
    expect(item.summary.outcome).toBe('document-pending');
    expect(item.feedback[0]?.pendingAttachments).toHaveLength(1);

    late.makeDocumentReady();
    await ok('feedback.syncNow');
    item = await ok('feedback.get', { dialogId: late.dialog.id });
    expect(item.summary.outcome).toBe('received-with-deviations');
    expect(item.feedback[0]?.pendingAttachments).toEqual([]);
  });

  it('saves a PDF document byte for byte as .pdf, and does not try to read it as text', async () => {
    const seeded = seedPdfFeedback(host(), { org: OWN_ORG });
    await ok('feedback.syncNow');
    const item = await ok('feedback.get', { dialogId: seeded.dialog.id });
    const doc = item.feedback[0]?.documents[0];
    expect(doc).toMatchObject({ name: 'Kvittering.pdf', mediaType: 'application/pdf', view: null });
    expect(doc?.bytes).toBe(seeded.pdf.byteLength);
    expect(item.summary.outcome).toBe('unknown');

    const download = await ok('feedback.downloadDocument', {
      transmissionId: seeded.feedback.id,
      attachmentId: doc?.attachmentId,
    });
    expect(download.path).toMatch(/Kvittering\.pdf$/);
    expect(saved.at(-1)?.bytes.equals(seeded.pdf)).toBe(true);
    const written = await readFile(download.path ?? '');
    expect(written.equals(seeded.pdf)).toBe(true);
    expect(written.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('follows the active profile: another organisation without setup is not ready', async () => {
    const other = await ok('profiles.create', {
      orgNumber: '314768949',
      displayName: 'Øvingsbedrift AS',
      environment: 'sandbox',
    });
    await ok('profiles.activate', { id: other.id });
    expect(await ok('feedback.status')).toMatchObject({ state: 'not-ready', missingStep: 'key' });
    expect((await failure('feedback.markRead', { dialogId: 'x' })).code).toBe('FEEDBACK_NOT_READY');
  });
});
