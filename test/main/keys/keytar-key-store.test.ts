import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assertKeychainUsable, createKeytarKeyStore } from '../../../main/keys/keytar-key-store';

describe('the keytar key store (real Secret Service)', () => {
  it('stores, lists and deletes secrets by account', async () => {
    const store = createKeytarKeyStore({ service: `no.innsender.test.${randomUUID()}` });
    await assertKeychainUsable(store);
    await store.set('p:a', 'secret-a');
    await store.set('p:b', 'secret-b');
    expect(await store.get('p:a')).toBe('secret-a');
    expect((await store.list()).sort()).toEqual(['p:a', 'p:b']);
    expect(await store.delete('p:a')).toBe(true);
    expect(await store.get('p:a')).toBeNull();
    await store.delete('p:b');
    await expect(store.set('p:big', 'x'.repeat(2561))).rejects.toMatchObject({ code: 'KEYCHAIN_SECRET_TOO_LARGE' });
  });

  it('refuses to run without a Secret Service, saying what to do', () => {
    const module = fileURLToPath(new URL('../../../main/keys/keytar-key-store.ts', import.meta.url));
    const script = `import { createKeytarKeyStore, assertKeychainUsable } from ${JSON.stringify(module)};
      assertKeychainUsable(createKeytarKeyStore({ timeoutMs: 5000 })).then(() => console.log('WORKED'), (e) => console.log(JSON.stringify({ code: e.code, details: e.details, nb: e.localized?.nb })));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    const line = run.stdout.trim().split('\n').pop() ?? '';
    expect(line).not.toBe('WORKED');
    const result = JSON.parse(line) as { code: string; nb: string };
    expect(result.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(result.nb).toContain('aldri nøkler i en vanlig fil');
  });
});
