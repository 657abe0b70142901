import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../main/app-services';
import { ClientStore } from '../../../main/firm/client-store';
import { dataStore } from '../../../main/store/data-store';
import { silentLogger } from '../../../main/log/logger';
import { checkReportFiles } from '../../../main/reports/check-report-files';
import { identifyReportsInWorker } from '../../../main/reports/check-in-worker';
import { identifyReport } from '../../../main/reports/identify-report';
import { filesInFolders } from '../../../main/reports/report-folder';
import { routeReports } from '../../../main/reports/route-reports';
import { routingTargetsFor, type RouteTargetSources } from '../../../main/reports/route-targets';
import type { Profile } from '../../../shared/domain/profile';
import type { Submission } from '../../../shared/outbox/submission';
import { DraftSchema } from '../../../shared/reports/draft';
import { MAX_ROUTED_FILES, type RouteProgress, type RoutedReports } from '../../../shared/reports/report-routing';
import { fixtureText } from '../../shared/reports/fixtures';
import { writeAMeldingRecord } from './outbox-records';

/**
 * Files for three clients, one unknown organisation and one broken file. The a-melding is the project's v2_2
 * fixture (opplysningspliktig 211785462), RF-1086 hoved- and underskjema are the 12144/12146 fixtures (company
 * 314259521, from Skatteetaten/api-dokumentasjon's examples, see assets/schemas/PROVENANCE.md), the tredjepart file
 * is the boligsameie fixture (oppgavegiver 974761076, from Skatteetaten's innrapportering-boligsameie example).
 */
const AMELDING_ORG = '211785462';
const RF1086_ORG = '314259521';
const TREDJEPART_ORG = '974761076';
const UNKNOWN_ORG = '311000004';
const FIRM_ORG = '312000008';
const TODAY = '2026-01-25';
const NOW = () => new Date('2026-01-25T12:00:00Z');

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const aMeldingFor = (org: string, meldingsId = '6065697390f04e939e8e9cf48d812be2') =>
  fixtureText('amelding-example-v2_2.xml')
    .replace(/<meldingsId>[^<]+<\/meldingsId>/, `<meldingsId>${meldingsId}</meldingsId>`)
    .replace(
      `<norskIdentifikator>${AMELDING_ORG}</norskIdentifikator>`,
      `<norskIdentifikator>${org}</norskIdentifikator>`,
    );
const tredjepartText = () =>
  readFileSync(new URL('../../fixtures/tredjepart/boligsameie.json', import.meta.url), 'utf8');

function files() {
  return [
    { name: 'lonn-januar.xml', bytes: bytes(aMeldingFor(AMELDING_ORG)) },
    { name: 'rf1086-hoved.xml', bytes: bytes(fixtureText('rf1086-hovedskjema-example.xml')) },
    { name: 'rf1086-under.xml', bytes: bytes(fixtureText('rf1086-underskjema-example.xml')) },
    { name: 'boligsameie.json', bytes: bytes(tredjepartText()) },
    { name: 'ukjent.xml', bytes: bytes(aMeldingFor(UNKNOWN_ORG)) },
    { name: 'odelagt.xml', bytes: new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c]) },
  ];
}

function profile(orgNumber: string, name: string, kind: 'firm' | 'business', environment: Profile['environment']) {
  return {
    id: randomUUID(),
    orgNumber,
    displayName: name,
    environment,
    kind,
    createdAt: '2026-01-01T00:00:00.000Z',
  } satisfies Profile;
}

const CLIENTS = [
  { orgNumber: AMELDING_ORG, name: 'Fjellstue AS' },
  { orgNumber: RF1086_ORG, name: 'Kløver AS' },
  { orgNumber: TREDJEPART_ORG, name: 'Sameiet Fjellstue' },
];

function sources(over: Partial<RouteTargetSources> = {}): RouteTargetSources {
  return {
    profiles: () => [],
    clients: async () => CLIENTS,
    submissionsOf: async () => [],
    check: { today: TODAY, now: NOW },
    ...over,
  };
}

const inline = {
  identify: async (inputs: readonly { name: string; bytes: Uint8Array }[]) => inputs.map((i) => identifyReport(i)),
  checkFiles: checkReportFiles,
};

describe('routing files by their org number', () => {
  it("sends each file of a firm's drop to its client, lists the unknown org and the broken file", async () => {
    const firm = profile(FIRM_ORG, 'Regnskap AS', 'firm', 'test');
    const progress: RouteProgress[] = [];
    const routed = await routeReports(files(), {
      targets: await routingTargetsFor(firm, sources()),
      ...inline,
      identifyBatch: 2,
      onProgress: (p) => progress.push(p),
      now: NOW,
    });

    expect(routed.groups.map((g) => [g.target.name, g.target.orgNumber, g.target.kind])).toEqual([
      ['Fjellstue AS', AMELDING_ORG, 'client'],
      ['Kløver AS', RF1086_ORG, 'client'],
      ['Sameiet Fjellstue', TREDJEPART_ORG, 'client'],
    ]);
    const [amelding, rf1086, tredjepart] = routed.groups;
    // Checked as the firm's report for that client: the org rule passes, the a-melding's own facts stand.
    expect(amelding?.results.map((r) => [r.kind, r.files.map((f) => f.path)])).toEqual([
      ['amelding', ['lonn-januar.xml']],
    ]);
    expect(amelding?.results[0]?.findings.map((f) => f.code)).not.toContain('AMELDING_OPPLYSNINGSPLIKTIG_NOT_PROFILE');
    expect(amelding?.results[0]?.valid).toBe(true);
    // The underskjema follows its hovedskjema: one RF-1086 check of both forms.
    expect(rf1086?.results.map((r) => [r.kind, r.files.map((f) => f.path)])).toEqual([
      ['rf1086', ['rf1086-hoved.xml', 'rf1086-under.xml']],
    ]);
    expect(tredjepart?.results).toEqual([]);
    expect(tredjepart?.tredjepart).toEqual(['boligsameie.json']);

    expect(routed.unknown).toEqual([{ orgNumber: UNKNOWN_ORG, files: [{ name: 'ukjent.xml', kind: 'amelding' }] }]);
    expect(routed.unreadable.map((r) => [r.files[0]?.path, r.findings[0]?.code])).toEqual([
      ['odelagt.xml', 'REPORT_ENCODING_INVALID'],
    ]);
    expect(routed.unreadable[0]?.checkedAt).toBe('2026-01-25T12:00:00.000Z');

    // Reading moves in batches of two, then checking counts the files checked (the tredjepart file is not).
    expect(progress.filter((p) => p.phase === 'reading').map((p) => p.done)).toEqual([0, 2, 4, 6]);
    expect(progress.filter((p) => p.phase === 'reading').every((p) => p.total === 6)).toBe(true);
    const checking = progress.filter((p) => p.phase === 'checking');
    expect(checking.at(-1)).toEqual({ phase: 'checking', done: 3, total: 3 });
  });

  it("holds a client's a-melding to that client's sent messages only", async () => {
    const firm = profile(FIRM_ORG, 'Regnskap AS', 'firm', 'test');
    const dataDir = mkdtempSync(join(tmpdir(), 'innsender-route-sent-'));
    try {
      const sent = (org: string, meldingsId: string) =>
        writeAMeldingRecord(dataDir, firm.id, {
          meldingsId,
          kalendermaaned: '2026-01',
          opplysningspliktig: org,
          state: {
            kind: 'received',
            at: '2026-01-20T09:05:00.000Z',
            receipt: { dialogId: 'd-1', forsendelseId: 'f-1' },
          },
        } as Parameters<typeof writeAMeldingRecord>[2]);
      const mine = await sent(AMELDING_ORG, 'aaaa0000000000000000000000000001');
      const others = await sent(RF1086_ORG, 'aaaa0000000000000000000000000002');
      const submissions: Submission[] = [mine, others];
      const targets = await routingTargetsFor(firm, sources({ submissionsOf: async () => submissions }));
      const route = (meldingsId: string) =>
        routeReports([{ name: 'a.xml', bytes: bytes(aMeldingFor(AMELDING_ORG, meldingsId)) }], { targets, ...inline });

      const again = await route('aaaa0000000000000000000000000001');
      expect(again.groups[0]?.results[0]?.findings.map((f) => f.code)).toContain('AMELDING_MELDINGSID_NOT_UNIQUE');
      // The same meldingsId sent for another client is that client's business, not this one's.
      const otherClients = await route('aaaa0000000000000000000000000002');
      expect(otherClients.groups[0]?.results[0]?.findings.map((f) => f.code)).not.toContain(
        'AMELDING_MELDINGSID_NOT_UNIQUE',
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('routes to set-up business profiles by their org, each with its own environment', async () => {
    const active = profile(AMELDING_ORG, 'Fjellstue AS', 'business', 'test');
    const other = profile(RF1086_ORG, 'Kløver AS', 'business', 'production');
    const targets = await routingTargetsFor(active, sources({ profiles: () => [other, active] }));
    expect(targets.map((t) => [t.target.name, t.target.kind, t.target.active, t.target.profileId])).toEqual([
      ['Fjellstue AS', 'profile', true, active.id],
      ['Kløver AS', 'profile', false, other.id],
    ]);
    expect((await targets[1]!.rules()).options.environment).toBe('production');
    const routed = await routeReports(files(), { targets, ...inline });
    expect(routed.groups.map((g) => [g.target.orgNumber, g.results.length])).toEqual([
      [AMELDING_ORG, 1],
      [RF1086_ORG, 1],
    ]);
    expect(routed.unknown.map((u) => u.orgNumber)).toEqual([TREDJEPART_ORG, UNKNOWN_ORG]);
  });

  it('reads who files are for in a worker thread the same as inline', async () => {
    const input = files();
    expect(await identifyReportsInWorker(input, {})).toEqual(input.map((f) => identifyReport(f)));
  });

  it('says which organisation a file is for, and why when it cannot', () => {
    const noOrg = aMeldingFor(AMELDING_ORG).replace(/<opplysningspliktig>[\s\S]*?<\/opplysningspliktig>/, '');
    expect(identifyReport({ name: 'x.xml', bytes: bytes(noOrg) })).toMatchObject({
      kind: 'unreadable',
      finding: { code: 'REPORT_ORGANISATION_MISSING' },
    });
    expect(identifyReport({ name: 'u.xml', bytes: bytes(fixtureText('rf1086-underskjema-example.xml')) })).toEqual({
      kind: 'rf1086',
      orgNumber: RF1086_ORG,
    });
    expect(identifyReport({ name: 'b.json', bytes: bytes(tredjepartText()) })).toEqual({
      kind: 'tredjepart',
      orgNumber: TREDJEPART_ORG,
    });
    expect(identifyReport({ name: 'a.json', bytes: bytes(fixtureText('amelding-example.json')) })).toMatchObject({
      kind: 'amelding',
    });
  });

  it("takes a folder's files at every level, without hidden ones", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innsender-route-folder-'));
    try {
      mkdirSync(join(dir, 'januar'));
      mkdirSync(join(dir, '.git'));
      writeFileSync(join(dir, 'b.xml'), '<a/>');
      writeFileSync(join(dir, 'januar', 'a.xml'), '<a/>');
      writeFileSync(join(dir, '.DS_Store'), '');
      writeFileSync(join(dir, '.git', 'HEAD'), '');
      expect(await filesInFolders([dir])).toEqual([join(dir, 'b.xml'), join(dir, 'januar', 'a.xml')]);
      await expect(filesInFolders([dir], 1)).rejects.toMatchObject({ code: 'REPORT_FOLDER_TOO_MANY_FILES' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes a picked folder of an RF-1086 return with 5,000 shareholder forms (5,001 files), past what a drop carries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innsender-route-folder-'));
    try {
      writeFileSync(join(dir, 'hovedskjema.xml'), '<a/>');
      for (let i = 1; i <= 5_000; i++)
        writeFileSync(join(dir, `underskjema-${String(i).padStart(5, '0')}.xml`), '<a/>');
      expect(MAX_ROUTED_FILES).toBeLessThan(5_001);
      expect(await filesInFolders([dir])).toHaveLength(5_001);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('routing through the channels', () => {
  const opened: AppServices[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.dispose()));
  });

  function start(picks: string[][] = []) {
    const dataDir = mkdtempSync(join(tmpdir(), 'innsender-route-ipc-'));
    const services = createAppServices({
      dataDir,
      host: 'node',
      version: '0.0.0-test',
      log: silentLogger,
      now: NOW,
      desktop: {
        openExternal: async () => {},
        pickFiles: async () => picks.shift() ?? [],
        saveFile: async () => null,
        writeClipboard: async () => {},
        notify: () => {},
      },
    });
    opened.push(services);
    return { services, dataDir };
  }

  async function call<T>(services: AppServices, channel: Parameters<AppServices['dispatch']>[0], payload?: unknown) {
    const result = await services.dispatch(channel, payload);
    if (!result.ok) throw Object.assign(new Error(result.error.code), { shape: result.error });
    return result.value as T;
  }

  /** The firm profile with the three clients, delegated. */
  async function firmWithClients(services: AppServices, dataDir: string) {
    const firm = services.profiles.create({
      orgNumber: FIRM_ORG,
      displayName: 'Regnskap AS',
      environment: 'sandbox',
      kind: 'firm',
    });
    await new ClientStore(dataStore(dataDir).clients(firm.id)).update((file) => ({
      ...file,
      clients: CLIENTS.map((c) => ({
        ...c,
        services: [],
        delegation: { state: 'delegated' as const, checkedAt: null },
        addedAt: '2026-01-01T00:00:00.000Z',
      })),
    }));
    return firm;
  }

  /** A business profile set up beside the active one, Fjellstue AS (a business with two companies). */
  function withActiveFjellstue(services: AppServices, orgNumber: string, displayName: string) {
    const other = services.profiles.create({ orgNumber, displayName, environment: 'sandbox' });
    const active = services.profiles.create({
      orgNumber: AMELDING_ORG,
      displayName: 'Fjellstue AS',
      environment: 'sandbox',
    });
    services.profiles.activate(active.id);
    return other;
  }

  const dropped = () => files().map((f) => ({ name: f.name, contentBase64: Buffer.from(f.bytes).toString('base64') }));

  it("saves each routed file as its client's draft, and old drafts without a client still read", async () => {
    const { services, dataDir } = start();
    const firm = await firmWithClients(services, dataDir);
    const events: unknown[] = [];
    services.events.subscribe((event, payload) => event === 'reports.routeProgress' && events.push(payload));

    const routed = await call<RoutedReports>(services, 'reports.route', { files: dropped() });
    expect(routed.firm).toBe(true);
    expect(routed.groups.map((g) => g.target.orgNumber)).toEqual([AMELDING_ORG, RF1086_ORG, TREDJEPART_ORG]);
    expect(routed.unknown.map((u) => u.orgNumber)).toEqual([UNKNOWN_ORG]);
    expect(routed.unreadable.map((c) => c.result.files[0]?.path)).toEqual(['odelagt.xml']);
    expect(events.at(-1)).toMatchObject({ phase: 'checking', done: 3, total: 3 });

    const checkIds = routed.groups.flatMap((g) => g.checks.map((c) => c.checkId));
    const { saved } = await call<{ saved: { draftId: string }[] }>(services, 'reports.saveRouted', { checkIds });
    expect(saved).toHaveLength(2);
    const list = await call<{ drafts: { id: string; clientOrg?: string; kind: string }[] }>(
      services,
      'reports.listDrafts',
    );
    expect(list.drafts.map((d) => [d.kind, d.clientOrg]).sort()).toEqual([
      ['amelding', AMELDING_ORG],
      ['rf1086', RF1086_ORG],
    ]);
    // A draft saved before routing has no clientOrg and still reads.
    const folder = join(dataDir, 'drafts', firm.id);
    const name = readdirSync(folder).find((n) => n.endsWith('.json'))!;
    const { clientOrg: _client, ...old } = JSON.parse(readFileSync(join(folder, name), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(DraftSchema.safeParse(old).success).toBe(true);
  });

  it("saves a file for another set-up business profile in that profile's drafts", async () => {
    const { services } = start();
    const other = withActiveFjellstue(services, RF1086_ORG, 'Kløver AS');

    const routed = await call<RoutedReports>(services, 'reports.route', { files: dropped() });
    const kløver = routed.groups.find((g) => g.target.orgNumber === RF1086_ORG)!;
    expect(kløver.target).toMatchObject({ kind: 'profile', profileId: other.id, active: false });
    await call(services, 'reports.saveRouted', { checkIds: kløver.checks.map((c) => c.checkId) });

    expect((await call<{ drafts: unknown[] }>(services, 'reports.listDrafts')).drafts).toEqual([]);
    services.profiles.activate(other.id);
    const drafts = (await call<{ drafts: { organisationNumber?: string }[] }>(services, 'reports.listDrafts')).drafts;
    expect(drafts.map((d) => d.organisationNumber)).toEqual([RF1086_ORG]);
  });

  it("checks a client's tredjepart file with that client's rules, and lets the user choose when its scheme is unclear", async () => {
    const { services, dataDir } = start();
    const firm = await firmWithClients(services, dataDir);
    // Without its matrikkelnummer the boligsameie example has only the fields both housing schemes share.
    const unclear = JSON.parse(tredjepartText()) as { leveranse: { oppgave: Record<string, unknown>[] } };
    for (const oppgave of unclear.leveranse.oppgave) delete oppgave.matrikkelnummer;
    const files = [
      { name: 'sameie.json', contentBase64: Buffer.from(tredjepartText()).toString('base64') },
      { name: 'uklar.json', contentBase64: Buffer.from(JSON.stringify(unclear)).toString('base64') },
    ];

    const routed = await call<RoutedReports>(services, 'reports.route', { files });
    const [group] = routed.groups;
    expect(group?.target).toMatchObject({ kind: 'client', orgNumber: TREDJEPART_ORG, profileId: firm.id });
    const [sameie, uklar] = group!.tredjepart;
    // Its fields fit boligsameie alone: checked at once, the client as the oppgavegiver the rules expect.
    expect(sameie).toMatchObject({ name: 'sameie.json', candidates: ['boligsameie'] });
    expect(sameie?.check?.result).toMatchObject({ scheme: 'boligsameie', valid: true });
    expect(sameie?.check?.result.summary?.oppgavegiver).toBe(TREDJEPART_ORG);
    // The unclear one is not guessed: the candidates, no check until the user chooses.
    expect(uklar).toMatchObject({ name: 'uklar.json', candidates: ['boligselskap', 'boligsameie'], check: null });
    await expect(
      call(services, 'reports.checkRoutedTredjepart', { fileId: uklar!.fileId, scheme: 'aandsverk' }),
    ).rejects.toMatchObject({ shape: { code: 'ROUTED_SCHEME_NOT_CANDIDATE' } });
    const chosen = await call<{ checkId: string; result: { valid: boolean; findings: { code: string }[] } }>(
      services,
      'reports.checkRoutedTredjepart',
      { fileId: uklar!.fileId, scheme: 'boligsameie' },
    );
    expect(chosen.result.valid).toBe(false);
    expect(chosen.result.findings.map((f) => f.code)).toContain('TREDJEPART_MATRIKKEL_MISSING');

    // Saved as the firm's tredjepart draft, for the client, through the Tredjepart page's own channel.
    await call(services, 'tredjepart.saveDraft', { checkId: sameie!.check!.checkId });
    const drafts = (
      await call<{ drafts: { scheme: string; result: { summary: { oppgavegiver: string } } }[] }>(
        services,
        'tredjepart.listDrafts',
      )
    ).drafts;
    expect(drafts.map((d) => [d.scheme, d.result.summary.oppgavegiver])).toEqual([['boligsameie', TREDJEPART_ORG]]);
  });

  it("saves a tredjepart file for another set-up business profile in that profile's tredjepart drafts", async () => {
    const { services } = start();
    const sameiet = withActiveFjellstue(services, TREDJEPART_ORG, 'Sameiet Fjellstue');
    const routed = await call<RoutedReports>(services, 'reports.route', { files: dropped() });
    const group = routed.groups.find((g) => g.target.orgNumber === TREDJEPART_ORG)!;
    expect(group.target).toMatchObject({ profileId: sameiet.id, active: false });
    const check = group.tredjepart[0]!.check!;
    expect(check.result.valid).toBe(true);
    await call(services, 'tredjepart.saveDraft', { checkId: check.checkId });

    expect((await call<{ drafts: unknown[] }>(services, 'tredjepart.listDrafts')).drafts).toEqual([]);
    services.profiles.activate(sameiet.id);
    const drafts = (await call<{ drafts: { profileId: string }[] }>(services, 'tredjepart.listDrafts')).drafts;
    expect(drafts.map((d) => d.profileId)).toEqual([sameiet.id]);
  });

  it('routes a folder chosen in the native dialog', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innsender-route-picked-'));
    try {
      for (const f of files()) writeFileSync(join(dir, f.name), f.bytes);
      const { services } = start([[dir]]);
      services.profiles.create({ orgNumber: AMELDING_ORG, displayName: 'Fjellstue AS', environment: 'sandbox' });
      const routed = await call<RoutedReports>(services, 'reports.pickAndRoute', { folders: true });
      expect(routed.groups.map((g) => [g.target.orgNumber, g.checks.map((c) => c.origin)])).toEqual([
        [AMELDING_ORG, ['path']],
      ]);
      expect(routed.unreadable.map((c) => c.result.findings[0]?.code)).toEqual(['REPORT_ENCODING_INVALID']);
      expect(routed.unknown.map((u) => u.orgNumber).sort()).toEqual([RF1086_ORG, UNKNOWN_ORG, TREDJEPART_ORG].sort());
      // A file read by path is saved as the file it was: a later change to it can be seen.
      const [checkId] = routed.groups[0]!.checks.map((c) => c.checkId);
      await call(services, 'reports.saveRouted', { checkIds: [checkId] });
      const drafts = (await call<{ drafts: { files: { origin: string }[] }[] }>(services, 'reports.listDrafts')).drafts;
      expect(drafts[0]?.files[0]?.origin).toBe('path');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
