import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../main/app-services';
import type { DesktopPort } from '../../../main/desktop-port';
import { createKeytarKeyStore } from '../../../main/keys/keytar-key-store';
import { dataStore } from '../../../main/store/data-store';
import type { ChannelName, ChannelOutput } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/result';
import type { Submission } from '../../../shared/outbox/submission';
import { approveSandboxSystemUser } from '../support/sandbox-profile';
import { waitUntil } from '../support/test-app-services';

const ORG = '974761076';
const FIXTURES = join(__dirname, '../../fixtures/tredjepart');

// The tredjepart channels against the app's own emulator, a real keychain and data folder: check a file, save it,
// send it through the outbox, and read Skatteetaten's feedback back from Dialogporten, linked to the submission.
describe('the tredjepart channels, from a file to a receipt and its feedback', () => {
  const keyStore = createKeytarKeyStore({ service: `no.innsender.test.${randomUUID()}` });
  let dataDir: string;
  let services: AppServices;
  const opened: string[] = [];
  let picked: string[] = [];
  const desktop: DesktopPort = {
    openExternal: async (url) => void opened.push(url),
    pickFiles: async () => picked,
    saveFile: async () => null,
    writeClipboard: async () => undefined,
    notify: () => undefined,
  };
  const call = (channel: ChannelName, payload?: unknown) =>
    services.dispatch(channel, payload) as Promise<IpcResult<unknown>>;
  const ok = async <C extends ChannelName>(channel: C, payload?: unknown): Promise<ChannelOutput<C>> => {
    const result = await call(channel, payload);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message.en}`);
    return result.value as ChannelOutput<C>;
  };
  const until = <T>(read: () => Promise<T>, check: (value: T) => boolean, what: string) =>
    waitUntil(read, check, what, { attempts: 300, everyMs: 50 });
  const dropped = async (scheme: string, name: string) => ({
    scheme,
    name,
    contentBase64: (await readFile(join(FIXTURES, name))).toString('base64'),
    inntektsaar: '2025',
  });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-tredjepart-'));
    services = createAppServices({
      dataDir,
      host: 'node',
      version: '0.0.0-test',
      desktop,
      keyStore,
      setupPollIntervalMs: 50,
    });
    await ok('profiles.create', { orgNumber: ORG, displayName: 'Fjellstue AS', environment: 'sandbox' });
    await approveSandboxSystemUser(services, () => opened, ['tredjepart-boligselskap', 'tredjepart-gaver-frivillige']);
  });
  afterAll(async () => {
    await services?.dispose();
    for (const account of await keyStore.list()) await keyStore.delete(account);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('checks a picked JSON file and a dropped CSV file into the same melding', async () => {
    picked = [join(FIXTURES, 'gavertilfrivillige.json')];
    const json = await ok('tredjepart.pick', { scheme: 'gavertilfrivillige' });
    expect(json.check?.result).toMatchObject({ kind: 'tredjepart', format: 'json', valid: true, findings: [] });
    const csv = await ok('tredjepart.checkContent', await dropped('gavertilfrivillige', 'gavertilfrivillige.csv'));
    expect(csv.result).toMatchObject({ format: 'csv', valid: true });
    expect(csv.result.summary?.sums).toEqual(json.check?.result.summary?.sums);
    expect(csv.result.summary?.antallOppgaver).toBe(3);
    picked = [];
    expect(await ok('tredjepart.pick', { scheme: 'boligselskap' })).toEqual({ check: null });
  });

  it('rejects bad input at the boundary and says what is wrong with a bad file', async () => {
    const bad = await call('tredjepart.checkContent', { scheme: 'pensjon', name: 'x.json', contentBase64: '' });
    expect(bad.ok ? '' : bad.error.code).toMatch(/^IPC_INVALID/);
    const notJson = await ok('tredjepart.checkContent', {
      scheme: 'boligselskap',
      name: 'x.json',
      contentBase64: Buffer.from('{"leveranse": [').toString('base64'),
    });
    expect(notJson.result.findings.map((f) => f.code)).toEqual(['TREDJEPART_JSON_INVALID']);
  });

  it('saves a draft, previews where it goes, refuses a draft with errors, and sends it once', async () => {
    const checked = await ok('tredjepart.checkContent', await dropped('gavertilfrivillige', 'gavertilfrivillige.json'));
    const draft = await ok('tredjepart.saveDraft', { checkId: checked.checkId });
    expect((await ok('tredjepart.listDrafts')).drafts.map((d) => d.id)).toContain(draft.id);
    const preview = await ok('tredjepart.preview', { id: draft.id });
    expect(preview).toMatchObject({
      label: 'Gaver til frivillige organisasjoner (RF-1310) 2025 (974761076)',
      target: {
        service: 'tredjepart',
        scheme: 'gavertilfrivillige',
        inntektsaar: '2025',
        oppgavegiver: ORG,
        antallOppgaver: 3,
      },
      environment: 'sandbox',
      existing: null,
      substance: { kind: 'tredjepart', inntektsaar: '2025', antallOppgaver: 3 },
    });
    expect(preview.substance?.kind === 'tredjepart' && preview.substance.sums.length).toBeGreaterThan(0);
    expect(preview.destination).toBe(
      `${services.sandbox.running()?.baseUrl}/skatteetaten/innrapporteringgavertilfrivillige/v1/2025`,
    );
    expect(JSON.stringify(preview)).not.toContain('oppgaveeier');

    const invalidContent = (await readFile(join(FIXTURES, 'gavertilfrivillige.json'), 'utf8')).replace(
      '"10000.50"',
      '"1"',
    );
    const invalid = await ok('tredjepart.checkContent', {
      scheme: 'gavertilfrivillige',
      name: 'feil.json',
      contentBase64: Buffer.from(invalidContent).toString('base64'),
    });
    const invalidDraft = await ok('tredjepart.saveDraft', { checkId: invalid.checkId });
    const refused = await call('tredjepart.submit', { id: invalidDraft.id });
    expect(refused.ok ? '' : refused.error.code).toBe('OUTBOX_DRAFT_INVALID');

    const queued = await ok('tredjepart.submit', { id: draft.id });
    expect((await ok('tredjepart.submit', { id: draft.id })).id).toBe(queued.id);
    const received = await until(
      () => ok('outbox.get', { id: queued.id }),
      (s) => s.state.kind === 'received',
      'the receipt',
    );
    const state = received.state as Extract<Submission['state'], { kind: 'received' }>;
    expect(state.receipt).toMatchObject({ oppgavegiversLeveranseReferanse: 'Gaver-2025-1' });
    expect(state.receipt.forsendelseId).toMatch(/^[0-9a-f-]{36}$/);
    // The exact bytes that were checked are the ones sent, and the audit log says so.
    const payload = await dataStore(dataDir)
      .submissions(services.profiles.active()?.id ?? '')
      .readPayload(queued.id);
    if (payload.service !== 'tredjepart') throw new Error(`a ${payload.service} payload`);
    expect(payload).toMatchObject({ service: 'tredjepart', scheme: 'gavertilfrivillige', inntektsaar: '2025' });
    expect(JSON.parse(payload.body)).toEqual(
      JSON.parse(await readFile(join(FIXTURES, 'gavertilfrivillige.json'), 'utf8')),
    );
    const audit = JSON.parse(await services.outbox.exportAudit('json')) as { service?: string; event: string }[];
    expect(audit.filter((e) => e.service === 'tredjepart').map((e) => e.event)).toEqual(
      expect.arrayContaining(['queued', 'received']),
    );
    expect((await ok('tredjepart.preview', { id: draft.id })).existing?.id).toBe(queued.id);

    // Skatteetaten's feedback comes a moment later in Dialogporten: read in plain words, linked to this submission.
    const item = await until(
      async () => {
        await ok('feedback.syncNow');
        return (await ok('feedback.list')).items.find(
          (i) => i.link.kind === 'linked' && i.link.submissionId === queued.id && i.outcome === 'approved',
        );
      },
      (found) => found !== undefined,
      'the feedback',
    );
    expect(item).toMatchObject({ serviceId: 'tredjepart-gaver-frivillige', period: '2025', orgNumber: ORG });
    const detail = await ok('feedback.get', { dialogId: item?.dialogId ?? '' });
    const view = detail.feedback[0]?.documents[0]?.view;
    expect(view).toMatchObject({ kind: 'tredjepart', scheme: 'gavertilfrivillige', outcome: 'approved' });
    expect(view?.headline.nb).toBe('Gaver til frivillige organisasjoner (RF-1310): leveransen er godkjent.');
  });

  it('deletes a draft', async () => {
    const { drafts } = await ok('tredjepart.listDrafts');
    const last = drafts.at(-1);
    expect(await ok('tredjepart.deleteDraft', { id: last?.id })).toEqual({ deleted: true });
    expect((await ok('tredjepart.listDrafts')).drafts).toHaveLength(drafts.length - 1);
  });
});
