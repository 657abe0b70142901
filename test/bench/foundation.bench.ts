import { bench, describe } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices } from '../../main/app-services';
import { silentLogger } from '../../main/log/logger';
import { startEmulator } from '../../main/sandbox/host';

const noDesktop = {
  openExternal: async () => {},
  pickFiles: async () => [],
  saveFile: async () => null,
  writeClipboard: async () => {},
  notify: () => {},
};

const services = createAppServices({
  dataDir: mkdtempSync(join(tmpdir(), 'innsender-bench-')),
  host: 'node',
  version: 'bench',
  desktop: noDesktop,
  log: silentLogger,
  modules: () => [],
});
services.profiles.create({ orgNumber: '974761076', displayName: 'Bench AS', environment: 'test' });

const emulator = await startEmulator({
  modules: [
    {
      name: 'echo',
      routes: () => [{ method: 'GET', path: '/echo', handle: () => ({ status: 200, body: { ok: true } }) }],
    },
  ],
});

describe('IPC dispatch (schema in, handler, schema out)', () => {
  bench('profiles.list', async () => {
    await services.dispatch('profiles.list', undefined);
  });
  bench('profiles.create refused by the schema (invalid org number)', async () => {
    await services.dispatch('profiles.create', { orgNumber: '123456789', displayName: 'X', environment: 'sandbox' });
  });
});

describe('emulator host round trip on loopback', () => {
  bench('GET /echo', async () => {
    const res = await fetch(`${emulator.baseUrl}/echo`);
    await res.arrayBuffer();
  });
});
