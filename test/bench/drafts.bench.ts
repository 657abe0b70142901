import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import type { AppServices } from '../../main/app-services';
import { aMeldingBody } from '../main/support/report-fixtures';
import { dispatchOk, testAppServices } from '../main/support/test-app-services';

const DRAFTS = 500;

/**
 * A firm's 500 drafts (one a client) counted for the overview (issue 14): `listDrafts` hashes each draft's source
 * files for `sourceStatus`; `listDraftErrors`, what the overview asks, does not, and both take what the draft store
 * remembers of each unchanged draft file (before it did, reading and checking the 500 files took 67–101 ms).
 */
describe(`the overview's draft counts, ${DRAFTS} drafts`, () => {
  let services: AppServices | undefined;
  let ready: Promise<AppServices> | null = null;
  const start = async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'innsender-bench-drafts-'));
    const made = testAppServices(dataDir).services;
    const ok = dispatchOk(made);
    const profile = await ok<{ id: string }>('profiles.create', {
      orgNumber: '974761076',
      displayName: 'Regnskap AS',
      environment: 'sandbox',
    });
    await ok('profiles.activate', { id: profile.id });
    for (let i = 0; i < DRAFTS; i++) {
      const path = join(dataDir, `report-${i}.json`);
      writeFileSync(path, aMeldingBody(randomUUID()));
      const [check] = await made.reports.checkPaths([path]);
      await ok('reports.saveDraft', { checkId: check?.checkId });
    }
    services = made;
    return made;
  };
  const setup = { setup: async () => void (await (ready ??= start())) };
  bench(
    'listDrafts (the Utkast page: each source file hashed for sourceStatus)',
    async () => {
      await (services as AppServices).reports.listDrafts();
    },
    setup,
  );
  bench(
    'listDraftErrors (the overview: unchanged drafts from memory, no source files)',
    async () => void (await (services as AppServices).reports.listDraftErrors()),
    {
      ...setup,
      teardown: async (_task, mode) => {
        if (mode === 'run') await services?.dispose();
      },
    },
  );
});
