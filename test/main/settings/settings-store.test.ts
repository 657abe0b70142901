import { describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, writeFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SettingsStore } from '../../../main/settings/settings-store';
import { ProfileService } from '../../../main/settings/profiles';
import { silentLogger } from '../../../main/log/logger';

const fixedNow = () => new Date('2026-11-23T10:00:00.000Z');
const tempDir = () => mkdtemp(join(tmpdir(), 'innsender-settings-'));

describe('settings on disk', () => {
  it('survive a restart: a second store over the same folder sees the profiles and the language', async () => {
    const dir = await tempDir();
    const first = SettingsStore.open(dir, silentLogger);
    const created = new ProfileService(first).create({
      orgNumber: '974761076',
      displayName: 'Fjellstue AS',
      environment: 'sandbox',
    });
    first.update((s) => ({ ...s, language: 'en' }));

    const second = SettingsStore.open(dir, silentLogger);
    expect(second.notices).toEqual([]);
    expect(second.read()).toMatchObject({ language: 'en', activeProfileId: created.id, profiles: [created] });
    // Owner-only: the file names the organisations the user acts for.
    expect((await stat(join(dir, 'settings.json'))).mode & 0o777).toBe(0o600);
  });

  it('keeps a corrupt file as a dated backup, tells the user, and starts from defaults', async () => {
    const dir = await tempDir();
    const garbage = '{"version":1,"profiles":[{"id":';
    await writeFile(join(dir, 'settings.json'), garbage);
    const store = SettingsStore.open(dir, silentLogger, fixedNow);

    expect(store.read()).toEqual({ version: 1, language: 'nb', profiles: [], activeProfileId: null });
    expect(store.notices).toHaveLength(1);
    const notice = store.notices[0]!;
    expect(notice.code).toBe('SETTINGS_CORRUPT');
    expect(notice.message.nb).toMatch(/kunne ikke leses/);
    expect(notice.backupFile).toBe(join(dir, 'settings.corrupt-2026-11-23T10-00-00-000Z.json'));
    expect(await readFile(notice.backupFile!, 'utf8')).toBe(garbage);
  });

  it('treats valid JSON that breaks the schema as corrupt too (an invalid org number, a dangling active id)', async () => {
    const dir = await tempDir();
    const bad = {
      version: 1,
      language: 'nb',
      profiles: [
        {
          id: '0b6f3b8e-3a49-4a8e-9b2f-1f6e2f7d1c11',
          orgNumber: '123456789',
          displayName: 'X',
          environment: 'sandbox',
          createdAt: '2026-11-23T09:00:00.000Z',
        },
      ],
      activeProfileId: '0b6f3b8e-3a49-4a8e-9b2f-1f6e2f7d1c12',
    };
    await writeFile(join(dir, 'settings.json'), JSON.stringify(bad));
    const store = SettingsStore.open(dir, silentLogger, fixedNow);
    expect(store.notices[0]?.message.en).toMatch(/orgNumber|activeProfileId/);
    expect((await readdir(dir)).filter((f) => f.startsWith('settings.corrupt-'))).toHaveLength(1);
    expect(store.read().profiles).toEqual([]);
  });

  it('never writes an invalid state', async () => {
    const store = SettingsStore.open(await tempDir(), silentLogger);
    expect(() => store.update((s) => ({ ...s, activeProfileId: '0b6f3b8e-3a49-4a8e-9b2f-1f6e2f7d1c11' }))).toThrow();
    expect(store.read().activeProfileId).toBeNull();
  });
});

describe('profiles', () => {
  it('validates the org number (MOD11), normalises spaces and makes the first profile active', async () => {
    const profiles = new ProfileService(SettingsStore.open(await tempDir(), silentLogger), fixedNow);
    expect(() => profiles.create({ orgNumber: '974761077', displayName: 'X', environment: 'sandbox' })).toThrow(
      expect.objectContaining({ code: 'PROFILE_INVALID' }),
    );
    const a = profiles.create({ orgNumber: '974 761 076', displayName: 'A', environment: 'sandbox' });
    const b = profiles.create({ orgNumber: '314768949', displayName: 'B', environment: 'test' });
    expect(a.orgNumber).toBe('974761076');
    expect(profiles.state().activeProfileId).toBe(a.id);
    profiles.activate(b.id);
    expect(profiles.active()?.id).toBe(b.id);
  });

  it('refuses a second profile for the same org in the same environment', async () => {
    const profiles = new ProfileService(SettingsStore.open(await tempDir(), silentLogger));
    profiles.create({ orgNumber: '974761076', displayName: 'A', environment: 'sandbox' });
    expect(() => profiles.create({ orgNumber: '974761076', displayName: 'B', environment: 'sandbox' })).toThrow(
      expect.objectContaining({ code: 'PROFILE_DUPLICATE' }),
    );
    expect(profiles.create({ orgNumber: '974761076', displayName: 'C', environment: 'test' }).displayName).toBe('C');
  });

  it('needs a file for a custom environment, and moves the active profile on when the active one is removed', async () => {
    const profiles = new ProfileService(SettingsStore.open(await tempDir(), silentLogger));
    expect(() => profiles.create({ orgNumber: '974761076', displayName: 'A', environment: 'custom' })).toThrow(
      expect.objectContaining({ code: 'PROFILE_INVALID' }),
    );
    const a = profiles.create({ orgNumber: '974761076', displayName: 'A', environment: 'sandbox' });
    const b = profiles.create({ orgNumber: '314768949', displayName: 'B', environment: 'sandbox' });
    expect(profiles.remove(a.id)).toEqual({ profiles: [b], activeProfileId: b.id });
    expect(() => profiles.activate(a.id)).toThrow(expect.objectContaining({ code: 'PROFILE_NOT_FOUND' }));
    expect(profiles.remove(b.id)).toEqual({ profiles: [], activeProfileId: null });
  });
});
