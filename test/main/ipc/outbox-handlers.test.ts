import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../main/app-services';
import { createKeytarKeyStore } from '../../../main/keys/keytar-key-store';
import type { DesktopPort } from '../../../main/desktop-port';
import { outboxPaths } from '../../../main/outbox/outbox-workers';
import type { ChannelName, ChannelOutput, EventName } from '../../../shared/ipc/contract';
import type { Submission } from '../../../shared/outbox/submission';
import type { IpcResult } from '../../../shared/ipc/result';
import { approveSandboxSystemUser } from '../support/sandbox-profile';
import { waitUntil } from '../support/test-app-services';
import { aMeldingBody, fixtureText } from '../support/report-fixtures';
import { AMELDING_ORG, seedForeignAMelding } from '../support/skatteetaten-sandbox';

const SUBMIT_PATH = '/skatteetaten/innrapporteringamelding/v1/innsending/';

// The outbox channels against the real emulator (started by the app's own SandboxController), a real keychain and
// a real data folder: a profile set up through the setup channels, drafts saved through the reports channels.
describe('the outbox channels, from a checked draft to a receipt', () => {
  const keyStore = createKeytarKeyStore({ service: `no.innsender.test.${randomUUID()}` });
  let dataDir: string;
  let files: string;
  let services: AppServices;
  const saved: { path: string; content: string; title: string }[] = [];
  const opened: string[] = [];
  const events: { event: EventName; payload: unknown }[] = [];
  const drafts: Record<string, string> = {};

  const desktop: DesktopPort = {
    openExternal: async (url) => void opened.push(url),
    pickFiles: async () => [],
    saveFile: async ({ title, defaultName, content }) => {
      const path = join(files, defaultName);
      await writeFile(path, content);
      saved.push({ path, content: Buffer.from(content).toString('utf8'), title });
      return path;
    },
    writeClipboard: async () => undefined,
    notify: () => undefined,
  };
  const start = () => {
    services = createAppServices({
      dataDir,
      host: 'node',
      version: '0.0.0-test',
      desktop,
      keyStore,
      setupPollIntervalMs: 50,
      // A failed attempt waits a minute: long enough to cancel or retry it by hand.
      outboxRetry: { baseDelayMs: 60_000, maxDelayMs: 120_000 },
    });
    services.events.subscribe((event, payload) => events.push({ event, payload }));
  };
  const call = (channel: ChannelName, payload?: unknown) =>
    services.dispatch(channel, payload) as Promise<IpcResult<unknown>>;
  const ok = async <C extends ChannelName>(channel: C, payload?: unknown): Promise<ChannelOutput<C>> => {
    const result = await call(channel, payload);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message.en}`);
    return result.value as ChannelOutput<C>;
  };
  const failure = async (channel: ChannelName, payload?: unknown) => {
    const result = await call(channel, payload);
    if (result.ok) throw new Error(`${channel} should have failed`);
    return result.error;
  };
  const until = <T>(read: () => Promise<T>, check: (value: T) => boolean, what: string) =>
    waitUntil(read, check, what, { attempts: 400, everyMs: 25 });
  const settled = (id: string, kind: Submission['state']['kind']) =>
    until(
      () => ok('outbox.get', { id }),
      (s) => s.state.kind === kind,
      `${id} to be ${kind}`,
    );
  /** Checks a file as the Reports page does and saves it as a draft. */
  const saveDraft = async (name: string, content: string) => {
    const path = join(files, name);
    await writeFile(path, content);
    const [check] = await services.reports.checkPaths([path]);
    return (await ok('reports.saveDraft', { checkId: check?.checkId })).id;
  };
  const faults = () => {
    const host = services.sandbox.running();
    if (!host) throw new Error('the sandbox is not running');
    return host.faults;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-outbox-'));
    files = await mkdtemp(join(tmpdir(), 'innsender-outbox-files-'));
    start();
    // The a-melding fixture's own organisation, set up through the wizard's channels to an approved systembruker.
    await ok('profiles.create', { orgNumber: AMELDING_ORG, displayName: 'Eksempel AS', environment: 'sandbox' });
    await approveSandboxSystemUser(services, () => opened, ['a-melding', 'aksjonaerregisteroppgave']);

    drafts.first = await saveDraft('januar.json', aMeldingBody('melding-1'));
    drafts.sameAgain = await saveDraft('januar-igjen.json', aMeldingBody('melding-1'));
    drafts.foreign = await saveDraft('fra-lonnssystemet.json', aMeldingBody('lonnssystem-1'));
    drafts.toCancel = await saveDraft('januar-2.json', aMeldingBody('melding-2'));
    drafts.toRetry = await saveDraft('januar-3.json', aMeldingBody('melding-3'));
    drafts.invalid = await saveDraft(
      'feil.json',
      fixtureText('amelding-example.json').replace('"sumForskuddstrekk": 12000', '"sumForskuddstrekk": 13000'),
    );
  });
  afterAll(async () => {
    await services?.dispose();
    for (const account of await keyStore.list()) await keyStore.delete(account);
    await rm(dataDir, { recursive: true, force: true });
    await rm(files, { recursive: true, force: true });
  });

  it('previews what a draft would send, and refuses a draft with errors', async () => {
    const preview = await ok('outbox.preview', { draftId: drafts.first });
    const body = aMeldingBody('melding-1');
    expect(preview).toMatchObject({
      draftId: drafts.first,
      label: 'A-melding 2026-01 (melding-1)',
      target: {
        service: 'a-melding',
        kalendermaaned: '2026-01',
        opplysningspliktig: AMELDING_ORG,
        meldingsId: 'melding-1',
      },
      payloadBytes: Buffer.byteLength(body),
      profile: { displayName: 'Eksempel AS', orgNumber: AMELDING_ORG },
      environment: 'sandbox',
      existing: null,
      substance: {
        kind: 'amelding',
        kalendermaaned: '2026-01',
        opplysningspliktig: AMELDING_ORG,
        inntektsmottakere: 1,
        inntekt: '40000',
        forskuddstrekk: 12000,
        arbeidsgiveravgift: 5640,
      },
    });
    expect(preview.payloadSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(preview.destination.startsWith(services.sandbox.running()?.baseUrl ?? '-')).toBe(true);
    expect(JSON.stringify(preview)).not.toContain('leveranse');

    expect((await failure('outbox.preview', { draftId: drafts.invalid })).code).toBe('OUTBOX_DRAFT_INVALID');
    expect((await failure('outbox.submit', { draftId: drafts.invalid })).code).toBe('OUTBOX_DRAFT_INVALID');
    expect((await failure('outbox.submit', { draftId: 'f'.repeat(32) })).code).toBe('OUTBOX_DRAFT_NOT_FOUND');
    expect((await failure('outbox.submit', { draftId: '../etc/passwd' })).code).toBe('IPC_INVALID_INPUT');
    expect((await ok('outbox.list')).submissions).toEqual([]);
  });

  it('submits a draft: queued, sending, received with the receipt; the same draft again answers the same one', async () => {
    const queued = await ok('outbox.submit', { draftId: drafts.first });
    expect(queued).toMatchObject({ draftId: drafts.first, label: 'A-melding 2026-01 (melding-1)' });
    const received = await settled(queued.id, 'received');
    if (received.state.kind !== 'received') throw new Error('not received');
    expect(received.state.receipt).toMatchObject({ meldingsId: 'melding-1' });
    expect(received.state.receipt.dialogId).toMatch(/^[0-9a-f-]{36}$/);
    expect(received.state.receipt.forsendelseId).toMatch(/^[0-9a-f-]{36}$/);

    const kinds = events
      .filter((e) => e.event === 'outbox.changed')
      .map((e) => e.payload as { submission: Submission })
      .filter((p) => p.submission.id === queued.id)
      .map((p) => p.submission.state.kind);
    expect(kinds).toEqual(['queued', 'sending', 'received']);
    const status = await ok('outbox.connectivity');
    expect(status).toMatchObject({ running: true, connectivity: 'online', message: null });

    expect((await ok('outbox.submit', { draftId: drafts.first })).id).toBe(queued.id);
    expect((await ok('outbox.preview', { draftId: drafts.first })).existing?.id).toBe(queued.id);
    // Another draft of the same bytes (saved before the first was sent) is the same report: no second one.
    expect((await ok('outbox.submit', { draftId: drafts.sameAgain })).id).toBe(queued.id);
    expect((await ok('outbox.preview', { draftId: drafts.sameAgain })).existing?.id).toBe(queued.id);
    expect((await ok('outbox.list')).submissions.map((s) => s.id)).toEqual([queued.id]);

    // The feedback capability links Dialogporten's dialogs to this submission by these ids.
    expect(await services.feedback.knownSubmissionsNow()).toEqual([
      {
        submissionId: queued.id,
        dialogId: received.state.receipt.dialogId,
        forsendelseId: received.state.receipt.forsendelseId,
        externalReference: 'melding-1',
        orgNumber: AMELDING_ORG,
        serviceResource: 'urn:altinn:resource:ske-innrapportering-amelding',
      },
    ]);
  });

  it('shows what Skatteetaten rejected: the code, the reason and the korrelasjonsid; it is never retried', async () => {
    // A meldingsId the business's payroll system sent: Innsender cannot know it, so only the server refuses it.
    const sandbox = services.sandbox.running();
    if (!sandbox) throw new Error('the sandbox is not running');
    const melding = { org: AMELDING_ORG, kalendermaaned: '2026-01', meldingsId: 'lonnssystem-1' };
    expect(await seedForeignAMelding(sandbox, melding)).toBe(201);
    const submission = await ok('outbox.submit', { draftId: drafts.foreign });
    const rejected = await settled(submission.id, 'rejected');
    if (rejected.state.kind !== 'rejected') throw new Error('not rejected');
    expect(rejected.state.error).toMatchObject({ code: 'SKATTEETATEN_AMLD_010', status: 400 });
    expect(rejected.state.error.korrelasjonsid).toMatch(/^[0-9a-f-]{36}$/);
    expect(rejected.state.error.details?.join('\n')).toContain('lonnssystem-1');
    expect(rejected.attempts).toBe(1);
    expect((await failure('outbox.retry', { id: submission.id })).code).toBe('OUTBOX_CANNOT_RETRY');
    expect((await failure('outbox.cancel', { id: submission.id })).code).toBe('OUTBOX_CANNOT_CANCEL');
  });

  it('cancels a submission waiting after a 503, and retries another at once, which is then received', async () => {
    faults().add({ kind: 'status', status: 503, method: 'POST', pathPrefix: SUBMIT_PATH, times: 2 });
    const toCancel = await ok('outbox.submit', { draftId: drafts.toCancel });
    const failed = await settled(toCancel.id, 'failed');
    if (failed.state.kind !== 'failed') throw new Error('not failed');
    expect(failed.state).toMatchObject({ reason: 'transient', attempt: 1 });
    expect(Date.parse(failed.state.retryAt ?? '')).toBeGreaterThan(Date.now() + 20_000);
    expect((await ok('outbox.cancel', { id: toCancel.id })).state.kind).toBe('cancelled');

    const toRetry = await ok('outbox.submit', { draftId: drafts.toRetry });
    await settled(toRetry.id, 'failed');
    expect((await ok('outbox.retry', { id: toRetry.id })).state.kind).toBe('queued');
    const received = await settled(toRetry.id, 'received');
    expect(received.attempts).toBe(2);
    expect(received.idempotencyKey).toBe(toRetry.idempotencyKey);

    expect((await failure('outbox.get', { id: randomUUID() })).code).toBe('OUTBOX_NOT_FOUND');
    expect((await failure('outbox.cancel', { id: 'not an id' })).code).toBe('IPC_INVALID_INPUT');
  });

  it('verifies the audit log, exports it as CSV and JSON, and finds a changed entry at its line', async () => {
    const verified = await ok('audit.verify');
    expect(verified).toMatchObject({ ok: true });
    const entries = verified.entries;
    expect(entries).toBeGreaterThanOrEqual(14);

    const csv = await ok('audit.export', { format: 'csv' });
    expect(csv.path).toMatch(/innsender-revisjonslogg-\d{4}-\d{2}-\d{2}\.csv$/);
    const csvText = saved.at(-1)?.content ?? '';
    expect(csvText.split('\r\n')[0]).toContain('seq,at,event,submissionId');
    expect(csvText).toContain('AMLD_010');
    expect(saved.at(-1)?.title).toBe('Revisjonslogg for innsendinger');
    // The save dialog's title follows the UI language.
    await ok('settings.update', { language: 'en' });
    const json = await ok('audit.export', { format: 'json' });
    expect(json.path).toMatch(/\.json$/);
    expect(saved.at(-1)?.title).toBe('Audit log of submissions');
    await ok('settings.update', { language: 'nb' });
    const exported = JSON.parse(saved.at(-1)?.content ?? '[]') as { event: string }[];
    expect(exported).toHaveLength(entries);
    expect(exported.map((e) => e.event)).toEqual(
      expect.arrayContaining(['queued', 'received', 'rejected', 'cancelled', 'retry']),
    );

    const profileId = (await ok('profiles.list')).activeProfileId ?? '';
    const file = outboxPaths(dataDir, profileId).audit;
    const original = await readFile(file, 'utf8');
    const lines = original.split('\n');
    // A changed label with its hash left as it was: the kind of edit someone hiding a submission would make.
    lines[2] = JSON.stringify({ ...JSON.parse(lines[2] ?? '{}'), label: 'Noe annet' });
    await writeFile(file, lines.join('\n'));
    expect(await ok('audit.verify')).toMatchObject({ ok: false, findings: [{ line: 3, code: 'AUDIT_HASH' }] });
    await writeFile(file, original);
    expect(await ok('audit.verify')).toMatchObject({ ok: true, entries, anchored: true, notes: [] });

    // The log and its head deleted together: the keychain's anchor and every submission in the outbox say so.
    const head = await readFile(`${file}.head`, 'utf8');
    await rm(file);
    await rm(`${file}.head`);
    const gone = await ok('audit.verify');
    if (gone.ok) throw new Error('a deleted log verified');
    const submissions = (await ok('outbox.list')).submissions.length;
    expect(gone.findings.map((f) => f.code)).toEqual([
      'AUDIT_ANCHOR_CUT',
      ...Array.from({ length: submissions }, () => 'AUDIT_SUBMISSION_MISSING'),
    ]);
    await writeFile(file, original);
    await writeFile(`${file}.head`, head);
    expect(await ok('audit.verify')).toMatchObject({ ok: true, entries });
  });

  it('keeps every submission across a restart, and follows the active profile', async () => {
    const before = (await ok('outbox.list')).submissions;
    await services.dispose();
    start();
    // Listed from disk before the outbox runs; the same once it does.
    expect((await ok('outbox.list')).submissions).toEqual(before);
    expect((await ok('outbox.connectivity')).running).toBe(false);
    await services.outbox.start();
    expect((await ok('outbox.connectivity')).running).toBe(true);
    expect((await ok('outbox.list')).submissions.map((s) => [s.id, s.state.kind])).toEqual(
      before.map((s) => [s.id, s.state.kind]),
    );

    const other = await ok('profiles.create', {
      orgNumber: '314768949',
      displayName: 'Annen AS',
      environment: 'sandbox',
    });
    await ok('profiles.activate', { id: other.id });
    expect((await ok('outbox.list')).submissions).toEqual([]);
    const status = await ok('outbox.connectivity');
    expect(status).toMatchObject({ profileId: other.id, running: false });
    expect(status.message?.en).toContain('Setup');
    expect((await failure('outbox.submit', { draftId: drafts.first })).code).toBe('OUTBOX_NOT_READY');
  });
});
