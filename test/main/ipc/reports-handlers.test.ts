import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../main/app-services';
import { silentLogger } from '../../../main/log/logger';
import type { ChannelName } from '../../../shared/ipc/contract';
import type { CheckedReport, DraftDetail, DraftOverview } from '../../../shared/reports/report-views';
import { MAX_DROPPED_BYTES } from '../../../shared/reports/report-views';
import { fixturePath } from '../../shared/reports/fixtures';

/** The a-melding fixture's opplysningspliktig; its people are synthetic (Tenor) numbers. */
const FIXTURE_ORG = '211785462';
const RF1086_ORG = '314259521';

type Picks = { calls: { multiple: boolean }[]; next: string[][] };

function start(
  dataDir = mkdtempSync(join(tmpdir(), 'innsender-reports-ipc-')),
  picks: Picks = { calls: [], next: [] },
) {
  const services = createAppServices({
    dataDir,
    host: 'node',
    version: '0.0.0-test',
    log: silentLogger,
    now: () => new Date('2026-01-25T12:00:00Z'),
    desktop: {
      openExternal: async () => {},
      pickFiles: async (options) => {
        picks.calls.push({ multiple: options.multiple });
        return picks.next.shift() ?? [];
      },
      saveFile: async () => null,
      writeClipboard: async () => {},
      notify: () => {},
    },
  });
  opened.push(services);
  return { services, dataDir, picks };
}

const opened: AppServices[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.dispose()));
});

/** Calls a channel the way the renderer does (validation both ways), and unwraps a success. */
async function call<T>(services: AppServices, channel: ChannelName, payload?: unknown): Promise<T> {
  const result = await services.dispatch(channel, payload);
  if (!result.ok) throw Object.assign(new Error(result.error.code), { shape: result.error });
  return result.value as T;
}

async function failure(services: AppServices, channel: ChannelName, payload?: unknown) {
  const result = await services.dispatch(channel, payload);
  if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return result.error;
}

function workDir() {
  const dir = mkdtempSync(join(tmpdir(), 'innsender-reports-files-'));
  const copy = (fixture: string, name = fixture) => {
    copyFileSync(fixturePath(fixture), join(dir, name));
    return join(dir, name);
  };
  return { dir, copy };
}

const withProfile = (services: AppServices, environment: 'sandbox' | 'test' | 'production' | 'custom' = 'sandbox') =>
  services.profiles.create({
    orgNumber: FIXTURE_ORG,
    displayName: 'Eksempel AS',
    environment,
    ...(environment === 'custom' ? { customEnvironmentFile: '/nowhere/endpoints.json' } : {}),
  });

describe('reports channels', () => {
  it('checks the files picked in the native dialog with the active profile, and returns nothing when cancelled', async () => {
    const { services, picks } = start();
    withProfile(services);
    const { copy } = workDir();
    picks.next.push([copy('amelding-example-v2_2.xml')]);

    const { checks } = await call<{ checks: CheckedReport[] }>(services, 'reports.pick');
    expect(picks.calls).toEqual([{ multiple: true }]);
    expect(checks).toHaveLength(1);
    const [check] = checks;
    expect(check).toMatchObject({ origin: 'path', result: { kind: 'amelding', valid: true } });
    expect(check?.result.kind === 'amelding' && check.result.summary).toMatchObject({
      kalendermaaned: '2026-01',
      opplysningspliktig: FIXTURE_ORG,
      inntektsmottakere: 1,
      totals: { inntekt: '40000', forskuddstrekk: 12000, arbeidsgiveravgift: 5640 },
    });

    expect((await call<{ checks: CheckedReport[] }>(services, 'reports.pick')).checks).toEqual([]);
  });

  it('checks an RF-1086 main form and shareholder form together as one return, and reports broken files', async () => {
    const { services, picks } = start();
    withProfile(services);
    const { copy, dir } = workDir();
    const broken = join(dir, 'broken.xml');
    writeFileSync(broken, '<melding><unclosed></melding>');
    picks.next.push([
      copy('rf1086-hovedskjema-example.xml'),
      copy('rf1086-underskjema-example.xml'),
      broken,
      join(dir, 'gone.xml'),
    ]);
    const { checks } = await call<{ checks: CheckedReport[] }>(services, 'reports.pick');
    expect(checks.map((c) => c.result.kind).sort()).toEqual(['rf1086', 'unreadable', 'unreadable']);
    const rf1086 = checks.find((c) => c.result.kind === 'rf1086')?.result;
    expect(rf1086?.files).toHaveLength(2);
    // The profile is the a-melding's organisation, not the company's: the check says so, with where.
    expect(rf1086?.findings).toContainEqual(
      expect.objectContaining({ code: 'RF1086_COMPANY_NOT_PROFILE', severity: 'error', line: 5 }),
    );
    expect(rf1086?.kind === 'rf1086' && rf1086.summary?.selskap.organisasjonsnummer).toBe(RF1086_ORG);
    const codes = checks.filter((c) => c.result.kind === 'unreadable').map((c) => c.result.findings[0]?.code);
    expect(codes.sort()).toEqual(['REPORT_FILE_NOT_FOUND', 'XML_MALFORMED']);
  });

  it('saves a check as a draft that lists, opens without its bytes, and survives a restart', async () => {
    const { services, picks, dataDir } = start();
    withProfile(services);
    const { copy } = workDir();
    picks.next.push([copy('amelding-example-v2_2.xml')]);
    const [check] = (await call<{ checks: CheckedReport[] }>(services, 'reports.pick')).checks;

    const saved = await call<DraftDetail>(services, 'reports.saveDraft', { checkId: check?.checkId });
    expect(saved).toMatchObject({ kind: 'amelding', sourceStatus: 'unchanged' });
    expect(saved.files[0]).not.toHaveProperty('contentBase64');
    expect(saved.files[0]?.origin).toBe('path');

    await services.dispose();
    const again = start(dataDir).services;
    const { drafts } = await call<{ drafts: DraftOverview[] }>(again, 'reports.listDrafts');
    expect(drafts).toEqual([
      expect.objectContaining({
        id: saved.id,
        kind: 'amelding',
        valid: true,
        errorCount: 0,
        warningCount: 0,
        period: '2026-01',
        organisationNumber: FIXTURE_ORG,
        sourceStatus: 'unchanged',
      }),
    ]);
    const opened = await call<DraftDetail>(again, 'reports.getDraft', { id: saved.id });
    expect(opened.result.findings).toEqual(saved.result.findings);
    expect(JSON.stringify(opened)).not.toContain('contentBase64');
  });

  it('detects a changed and a deleted source file; re-checks the stored bytes and can check the new file', async () => {
    const { services, picks } = start();
    withProfile(services);
    const { copy } = workDir();
    const source = copy('amelding-example-v2_2.xml');
    picks.next.push([source]);
    const [check] = (await call<{ checks: CheckedReport[] }>(services, 'reports.pick')).checks;
    const draft = await call<DraftDetail>(services, 'reports.saveDraft', { checkId: check?.checkId });

    writeFileSync(source, readFileSync(source, 'utf8').replace('<sumForskuddstrekk>12000', '<sumForskuddstrekk>13000'));
    const listed = (await call<{ drafts: DraftOverview[] }>(services, 'reports.listDrafts')).drafts;
    expect(listed[0]?.sourceStatus).toBe('changed');

    // Re-checking keeps to what was saved (the bytes that would be sent), and says the source moved on.
    const rechecked = await call<DraftDetail>(services, 'reports.recheckDraft', { id: draft.id });
    expect(rechecked).toMatchObject({ id: draft.id, sourceStatus: 'changed', result: { valid: true } });

    const { checks } = await call<{ checks: CheckedReport[] }>(services, 'reports.checkDraftSource', { id: draft.id });
    expect(checks[0]?.result.valid).toBe(false);
    expect(checks[0]?.result.findings.map((f) => f.code)).toContain('AMELDING_SUM_FORSKUDDSTREKK');

    rmSync(source);
    expect((await call<DraftDetail>(services, 'reports.getDraft', { id: draft.id })).sourceStatus).toBe('missing');
  });

  it('checks dropped content by name, saves it as a draft whose source is not followed', async () => {
    const { services } = start();
    withProfile(services);
    const contentBase64 = readFileSync(fixturePath('amelding-example.json')).toString('base64');
    const { checks } = await call<{ checks: CheckedReport[] }>(services, 'reports.checkContent', {
      files: [{ name: 'januar.json', contentBase64 }],
    });
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({
      origin: 'dropped',
      result: { kind: 'amelding', format: 'json', valid: true, files: [{ path: 'januar.json' }] },
    });

    const draft = await call<DraftDetail>(services, 'reports.saveDraft', { checkId: checks[0]?.checkId });
    expect(draft).toMatchObject({
      sourceStatus: 'not-tracked',
      files: [{ sourcePath: 'januar.json', origin: 'dropped' }],
    });
    const stored = await services.reports.drafts.get(draft.profileId, draft.id);
    expect(Buffer.from(stored?.files[0]?.contentBase64 ?? '', 'base64').toString('base64')).toBe(contentBase64);

    const rechecked = await call<DraftDetail>(services, 'reports.recheckDraft', { id: draft.id });
    expect(rechecked.result.valid).toBe(true);
    expect(await failure(services, 'reports.checkDraftSource', { id: draft.id })).toMatchObject({
      code: 'DRAFT_SOURCE_NOT_TRACKED',
    });
  });

  it('keeps two dropped files with the same name apart', async () => {
    const { services } = start();
    withProfile(services);
    const xml = readFileSync(fixturePath('amelding-example-v2_2.xml')).toString('base64');
    const { checks } = await call<{ checks: CheckedReport[] }>(services, 'reports.checkContent', {
      files: [
        { name: 'a.xml', contentBase64: xml },
        { name: 'a.xml', contentBase64: xml },
      ],
    });
    expect(checks.map((c) => c.result.files[0]?.path)).toEqual(['a.xml', 'a.xml (2)']);
  });

  it('refuses dropped content that is too large, names with folders, and malformed ids before any handler runs', async () => {
    const { services } = start();
    withProfile(services);
    const tooLarge = 'A'.repeat(Math.ceil(MAX_DROPPED_BYTES / 3) * 4 + 4);
    for (const payload of [
      { files: [{ name: 'big.xml', contentBase64: tooLarge }] },
      { files: [{ name: '../etc/passwd', contentBase64: 'AAAA' }] },
      { files: [{ name: 'x.xml', contentBase64: 'not base64!' }] },
      { files: [] },
    ]) {
      expect(await failure(services, 'reports.checkContent', payload)).toMatchObject({ code: 'IPC_INVALID_INPUT' });
    }
    expect(await failure(services, 'reports.getDraft', { id: '../../settings' })).toMatchObject({
      code: 'IPC_INVALID_INPUT',
    });
    expect(await failure(services, 'reports.saveDraft', { checkId: 'x' })).toMatchObject({
      code: 'IPC_INVALID_INPUT',
    });
  });

  it('answers with codes a person can act on: expired check, unreadable file, changed file, other profile, no profile', async () => {
    const { services, picks } = start();
    const { copy, dir } = workDir();

    // No profile: checks still run (production rules), drafts cannot be saved.
    const source = copy('amelding-example-v2_2.xml');
    picks.next.push([source]);
    const [unowned] = (await call<{ checks: CheckedReport[] }>(services, 'reports.pick')).checks;
    expect((await call<{ drafts: DraftOverview[] }>(services, 'reports.listDrafts')).drafts).toEqual([]);
    expect(await failure(services, 'reports.saveDraft', { checkId: unowned?.checkId })).toMatchObject({
      code: 'PROFILE_REQUIRED',
      message: { nb: expect.stringContaining('virksomhet'), en: expect.stringContaining('organisation') },
    });

    const profile = withProfile(services);
    expect(await failure(services, 'reports.saveDraft', { checkId: unowned?.checkId })).toMatchObject({
      code: 'REPORT_CHECKED_FOR_OTHER_PROFILE',
    });
    expect(await failure(services, 'reports.saveDraft', { checkId: 'f'.repeat(32) })).toMatchObject({
      code: 'REPORT_CHECK_EXPIRED',
    });

    writeFileSync(join(dir, 'x.xml'), '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>');
    picks.next.push([join(dir, 'x.xml')], [source]);
    const [unreadable] = (await call<{ checks: CheckedReport[] }>(services, 'reports.pick')).checks;
    expect(unreadable?.result.findings[0]?.code).toBe('XML_DOCTYPE_FORBIDDEN');
    expect(await failure(services, 'reports.saveDraft', { checkId: unreadable?.checkId })).toMatchObject({
      code: 'REPORT_UNREADABLE_NOT_SAVABLE',
    });

    const [check] = (await call<{ checks: CheckedReport[] }>(services, 'reports.pick')).checks;
    writeFileSync(source, 'changed after the check');
    expect(await failure(services, 'reports.saveDraft', { checkId: check?.checkId })).toMatchObject({
      code: 'DRAFT_SOURCE_CHANGED',
    });

    expect(await failure(services, 'reports.getDraft', { id: '0'.repeat(32) })).toMatchObject({
      code: 'DRAFT_NOT_FOUND',
    });
    expect(await call(services, 'reports.deleteDraft', { id: '0'.repeat(32) })).toEqual({ deleted: false });
    expect(profile.orgNumber).toBe(FIXTURE_ORG);
  });

  it('deletes a draft from the active profile only', async () => {
    const { services, picks } = start();
    const first = withProfile(services);
    const { copy } = workDir();
    picks.next.push([copy('amelding-example-v2_2.xml')]);
    const [check] = (await call<{ checks: CheckedReport[] }>(services, 'reports.pick')).checks;
    const draft = await call<DraftDetail>(services, 'reports.saveDraft', { checkId: check?.checkId });

    const other = services.profiles.create({
      orgNumber: '974761076',
      displayName: 'Fjellstue AS',
      environment: 'test',
    });
    services.profiles.activate(other.id);
    expect((await call<{ drafts: DraftOverview[] }>(services, 'reports.listDrafts')).drafts).toEqual([]);
    expect(await call(services, 'reports.deleteDraft', { id: draft.id })).toEqual({ deleted: false });

    services.profiles.activate(first.id);
    expect(await call(services, 'reports.deleteDraft', { id: draft.id })).toEqual({ deleted: true });
    expect((await call<{ drafts: DraftOverview[] }>(services, 'reports.listDrafts')).drafts).toEqual([]);
  });

  it('accepts synthetic (Tenor) people in sandbox and test, and treats a custom environment like production', async () => {
    for (const [environment, accepted] of [
      ['sandbox', true],
      ['test', true],
      ['production', false],
      ['custom', false],
    ] as const) {
      const { services, picks } = start();
      withProfile(services, environment);
      picks.next.push([fixturePath('amelding-example-v2_2.xml')]);
      const [check] = (await call<{ checks: CheckedReport[] }>(services, 'reports.pick')).checks;
      const synthetic = check?.result.findings.some((f) => f.code.endsWith('_SYNTHETIC') && f.severity === 'error');
      expect({ environment, accepted: !synthetic }).toEqual({ environment, accepted });
    }
  });
});
