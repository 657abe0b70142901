import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../main/app-services';
import type { PrerequisiteChecklist } from '../../../shared/domain/prerequisites';
import { dispatchOk, testAppServices } from '../support/test-app-services';

const ORG = '974761076';
let clock = new Date('2026-11-23T09:00:00.000Z');

let services: AppServices | undefined;
afterEach(async () => {
  await services?.dispose();
  services = undefined;
});

async function app() {
  const dataDir = join(await mkdtemp(join(tmpdir(), 'innsender-prereq-')), 'data');
  services = testAppServices(dataDir, { now: () => clock }).services;
  return { dataDir, ok: dispatchOk(services), services };
}

describe('the prerequisites checklist through its channels', () => {
  it('keeps what is ticked per profile and per environment, on disk, with when', async () => {
    const { dataDir, ok, services } = await app();
    const profile = await ok<{ id: string }>('profiles.create', {
      orgNumber: ORG,
      displayName: 'Fjellstue AS',
      environment: 'test',
    });
    expect(await ok<PrerequisiteChecklist>('prerequisites.checklist')).toEqual({ environment: 'test', done: [] });

    const ticked = await ok<PrerequisiteChecklist>('prerequisites.tick', { id: 'digdir-terms', done: true });
    expect(ticked).toEqual({ environment: 'test', done: [{ id: 'digdir-terms', at: '2026-11-23T09:00:00.000Z' }] });
    clock = new Date('2026-11-24T10:00:00.000Z');
    await ok('prerequisites.tick', { id: 'maskinporten-client', done: true });
    await ok('prerequisites.tick', { id: 'digdir-terms', done: false });
    const file = JSON.parse(await readFile(join(dataDir, 'profiles', profile.id, 'prerequisites.json'), 'utf8'));
    expect(file.done).toEqual({ test: { 'maskinporten-client': '2026-11-24T10:00:00.000Z' }, production: {} });

    // Production starts over: what was done for TT02 is not done there.
    await ok('profiles.update', { id: profile.id, environment: 'production' });
    expect(await ok<PrerequisiteChecklist>('prerequisites.checklist')).toEqual({
      environment: 'production',
      done: [],
    });

    const unknown = await services.dispatch('prerequisites.tick', { id: 'coffee', done: true });
    expect(unknown.ok).toBe(false);
  });

  it('has nothing to tick in the sandbox, and says so', async () => {
    const { ok, services } = await app();
    await ok('profiles.create', { orgNumber: ORG, displayName: 'Fjellstue AS', environment: 'sandbox' });
    expect(await ok<PrerequisiteChecklist>('prerequisites.checklist')).toEqual({ environment: 'sandbox', done: [] });
    const tick = await services.dispatch('prerequisites.tick', { id: 'digdir-terms', done: true });
    expect(tick.ok ? null : tick.error.code).toBe('PREREQUISITES_NOT_IN_SANDBOX');
  });
});
