import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../main/app-services';
import { ActiveRegister } from '../../../main/enhetsregisteret/active-register';
import { silentLogger } from '../../../main/log/logger';
import { createReportsService } from '../../../main/reports/reports-service';
import { realOnlyResolver } from '../../../main/environments/resolve';
import type { Profile } from '../../../shared/domain/profile';
import type { RegisterLookup } from '../../../shared/domain/register-facts';
import { aMeldingBody, fixtureText } from '../support/report-fixtures';
import { AMELDING_ORG } from '../support/skatteetaten-sandbox';
import { dispatchOk, testAppServices, waitUntil } from '../support/test-app-services';

const NOW = new Date('2026-02-03T09:00:00.000Z');

/** The fixture's a-melding with its one virksomhet moved to another organisation number. */
function aMeldingWithVirksomhet(org: string): string {
  const leveranse = (
    JSON.parse(fixtureText('amelding-example.json')) as { leveranse: { oppgave: { virksomhet: object[] } } }
  ).leveranse;
  const [first] = leveranse.oppgave.virksomhet;
  return aMeldingBody('e1e2e3', {
    oppgave: { ...leveranse.oppgave, virksomhet: [{ ...first, norskIdentifikator: org }] },
  });
}

// The sandbox's Enhetsregisteret through the app: the profile's organisation is fetched when the profile is
// created, a number is looked up for a form, and a check gets the cached facts.
describe('Enhetsregisteret in the app, against the emulator', () => {
  let dataDir: string;
  let services: AppServices;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-register-'));
    ({ services } = testAppServices(dataDir, { now: () => NOW, registerPrefetch: true }));
    await dispatchOk(services)('profiles.create', {
      orgNumber: AMELDING_ORG,
      displayName: 'Arbeidsgiver',
      environment: 'sandbox',
    });
  });
  afterAll(async () => {
    await services?.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prefetches the activated profile’s organisation with its underenheter, kept on disk with the fetch time', async () => {
    const profile = services.profiles.active()!;
    const facts = await waitUntil(
      () => services.register.factsFor(profile),
      (kept) => kept[AMELDING_ORG] !== undefined,
      'the prefetched employer',
      { attempts: 100, everyMs: 50 },
    );
    expect(facts[AMELDING_ORG]).toMatchObject({
      status: 'found',
      unit: { name: 'Syntetisk arbeidsgiver AS', organisationForm: 'AS', kind: 'enhet', foundedOn: '2018-03-01' },
      subUnits: ['314768949'],
      fetchedAt: NOW.toISOString(),
    });
    // The answer is in memory as soon as it arrives; the file follows from the chained write.
    const onDisk = await waitUntil(
      () => readFile(join(dataDir, 'enhetsregisteret.json'), 'utf8').catch(() => ''),
      (text) => text.includes(AMELDING_ORG),
      'the cache file',
      { attempts: 100, everyMs: 20 },
    );
    expect(Object.keys((JSON.parse(onDisk) as { byKey: object }).byKey)).toEqual(['sandbox']);
  });

  it('looks a number up for a form (register.lookup), and refuses an invalid one in both languages', async () => {
    const found = await dispatchOk(services)<RegisterLookup>('register.lookup', { orgNumber: '314 768 949' });
    expect(found).toMatchObject({
      fromCache: false,
      answer: { status: 'found', unit: { kind: 'underenhet', parent: AMELDING_ORG, organisationForm: 'BEDR' } },
    });
    const invalid = await services.dispatch('register.lookup', { orgNumber: '123' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'REGISTER_ORG_INVALID' } });
  });

  it('warns in a check about a virksomhet that is not the employer’s underenhet, and says when the data is from', async () => {
    const path = join(dataDir, 'a-melding.json');
    await writeFile(path, aMeldingWithVirksomhet('973861778'));
    const [checked] = await services.reports.checkPaths([path]);
    const finding = checked?.result.findings.find((f) => f.code === 'AMELDING_VIRKSOMHET_NOT_UNDERENHET');
    expect(finding).toMatchObject({ severity: 'warning' });
    expect(finding?.message.nb).toContain('opplysninger hentet 2026-02-03');

    await writeFile(path, aMeldingWithVirksomhet('314768949'));
    const [fine] = await services.reports.checkPaths([path]);
    expect(fine?.result.findings.map((f) => f.code)).not.toContain('AMELDING_VIRKSOMHET_NOT_UNDERENHET');
  });
});

describe('ActiveRegister when the register is slow or gone', () => {
  let dataDir: string;
  afterEach(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const profile: Profile = {
    id: '8a7f1f5e-5b0e-4f3e-9d1a-7f1c2b3d4e5f',
    orgNumber: AMELDING_ORG,
    displayName: 'Arbeidsgiver',
    environment: 'test',
    createdAt: NOW.toISOString(),
  };
  /** The public register, answered from memory until `offline`, then never answering at all. */
  function register() {
    // `ended[i]`: whether the i-th request has been answered or given up on.
    const state = { offline: false, asked: 0, ended: [] as boolean[] };
    const fetch = (async (input: string | URL, init?: RequestInit) => {
      const request = state.asked++;
      state.ended[request] = !state.offline;
      if (state.offline) {
        return new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => {
            state.ended[request] = true;
            reject(init.signal!.reason as Error);
          }),
        );
      }
      const url = String(input);
      if (url.endsWith(`/enheter/${AMELDING_ORG}`)) {
        return Response.json({
          organisasjonsnummer: AMELDING_ORG,
          navn: 'ARBEIDSGIVER AS',
          organisasjonsform: { kode: 'AS' },
          stiftelsesdato: '2018-03-01',
        });
      }
      if (url.includes('/underenheter?')) return Response.json({ page: { totalPages: 0, number: 0 } });
      return new Response('{}', { status: 404 });
    }) as typeof globalThis.fetch;
    return { state, fetch };
  }

  it('gives a form the last answer, marked as from the cache, and a check never waits for the network', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-register-'));
    const { state, fetch } = register();
    const active = new ActiveRegister({
      dataDir,
      endpoints: realOnlyResolver,
      activeProfile: () => profile,
      log: silentLogger,
      fetch,
      timeoutMs: 1000,
      now: () => NOW,
    });
    await active.prefetch(profile);
    state.offline = true;

    expect(await active.lookup(AMELDING_ORG)).toMatchObject({ fromCache: true, answer: { status: 'found' } });
    await expect(active.lookup('973861778')).rejects.toMatchObject({ code: 'REGISTER_UNAVAILABLE' });

    const reports = createReportsService({
      draftsDir: join(dataDir, 'drafts'),
      activeProfile: () => profile,
      desktop: { pickFiles: async () => [] },
      language: () => 'nb',
      register: active,
      check: { now: () => NOW },
    });
    const path = join(dataDir, 'a-melding.json');
    await writeFile(path, aMeldingWithVirksomhet('973861778'));
    const asked = state.asked;
    const [checked] = await reports.checkPaths([path]);
    // Offline, a request ends only when it is given up on, so a check that waited for one would find it ended.
    expect(state.ended.slice(asked), 'requests the check waited for').not.toContain(true);
    expect(checked?.result.findings.map((f) => f.code)).toContain('AMELDING_VIRKSOMHET_NOT_UNDERENHET');
    await waitUntil(
      async () => state.asked,
      (n) => n > asked,
      'the prefetch the check started',
      { attempts: 100, everyMs: 20 },
    );
  });
});
