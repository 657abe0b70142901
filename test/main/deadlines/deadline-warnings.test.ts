import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SettingsStore } from '../../../main/settings/settings-store';
import { ProfileService } from '../../../main/settings/profiles';
import { silentLogger } from '../../../main/log/logger';
import { SetupStateFile, profileDir } from '../../../main/setup/setup-state';
import { DeadlineService } from '../../../main/deadlines/deadline-service';
import { DeadlineWarnings } from '../../../main/deadlines/deadline-warnings';
import { EventHub } from '../../../main/ipc/event-hub';
import type { Submission } from '../../../shared/outbox/submission';
import { recordingDesktop, type Notified } from '../support/test-app-services';

describe('deadline warnings', () => {
  let dataDir: string;
  let now: Date;
  let desktop: ReturnType<typeof recordingDesktop>;
  let notes: Notified[];
  let submissions: Submission[];
  let warnings: DeadlineWarnings;
  let profiles: ProfileService;
  let events: EventHub;
  let clicks: (() => void)[];

  const build = () => {
    const settings = SettingsStore.open(dataDir, silentLogger, () => now);
    profiles = new ProfileService(settings, () => now);
    const deadlines = new DeadlineService({
      dataDir,
      profiles,
      submissions: async () => submissions,
      desktop: desktop.desktop,
      now: () => now,
    });
    warnings = new DeadlineWarnings({
      deadlines,
      profiles,
      log: silentLogger,
      desktop: desktop.desktop,
      events,
    });
  };

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-warnings-'));
    now = new Date('2026-03-25T07:00:00Z');
    desktop = recordingDesktop();
    notes = desktop.notified;
    // The recording desktop keeps title and body; keep each warning's click too.
    clicks = [];
    const notify = desktop.desktop.notify;
    desktop.desktop.notify = (n) => {
      notify(n);
      if (n.onClick) clicks.push(n.onClick);
    };
    events = new EventHub();
    submissions = [];
    build();
    const profile = profiles.create({ orgNumber: '974761076', displayName: 'Fjellstue AS', environment: 'sandbox' });
    await new SetupStateFile(profileDir(dataDir, profile.id)).update((s) => ({ ...s, services: ['a-melding'] }));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('says nothing while the next deadline is further away than the warning days', async () => {
    // 25 March: the March a-melding is due 7 April, 13 days away.
    expect(await warnings.check()).toBe(0);
    expect(notes).toEqual([]);
  });

  it('warns once per deadline per day, again the next day, and never after a restart the same day', async () => {
    now = new Date('2026-03-31T07:00:00Z');
    expect(await warnings.check()).toBe(1);
    expect(notes[0]?.body).toBe('A-melding 2026-03 for Fjellstue AS (974 761 076) har frist om 7 dager (2026-04-07).');
    expect(await Promise.all([warnings.check(), warnings.check()])).toEqual([0, 0]);
    build(); // the app restarted: the log on disk still knows
    expect(await warnings.check()).toBe(0);
    now = new Date('2026-04-01T06:00:00Z');
    expect(await warnings.check()).toBe(1);
    now = new Date('2026-04-06T22:30:00Z'); // 00:30 on 7 April in Oslo: the deadline day
    expect(await warnings.check()).toBe(1);
    expect(notes.at(-1)?.body).toContain('har frist i dag');
    expect(notes).toHaveLength(3);
  });

  it('opens the Frister page at the deadline a clicked warning names', async () => {
    const opened: unknown[] = [];
    events.subscribe((event, payload) => {
      if (event === 'deadlines.open') opened.push(payload);
    });
    now = new Date('2026-03-31T07:00:00Z');
    expect(await warnings.check()).toBe(1);
    expect(clicks).toHaveLength(1);
    expect(opened).toEqual([]);
    clicks[0]?.();
    expect(opened).toEqual([{ deadlineId: 'a-melding:2026-03' }]);
  });

  it('does not warn about a deadline already met', async () => {
    now = new Date('2026-04-02T07:00:00Z');
    submissions = [
      {
        id: '00000000-0000-4000-8000-000000000001',
        idempotencyKey: '00000000-0000-4000-8000-000000000002',
        payloadSha256: '0'.repeat(64),
        payloadBytes: 1,
        label: 'a-melding mars',
        target: { service: 'a-melding', kalendermaaned: '2026-03', opplysningspliktig: '974761076', meldingsId: 'm' },
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        attempts: 1,
        checkpoint: {},
        state: { kind: 'received', at: now.toISOString(), receipt: { dialogId: 'd', forsendelseId: 'f' } },
      },
    ];
    expect(await warnings.check()).toBe(0);
  });

  it('follows the warning-days setting and has nothing to say without a profile', async () => {
    now = new Date('2026-03-31T07:00:00Z');
    const profile = profiles.active();
    if (!profile) throw new Error('no profile');
    await new DeadlineService({
      dataDir,
      profiles,
      submissions: async () => [],
      desktop: {} as never,
    })
      .settingsOf(profile)
      .update((s) => ({ ...s, warnDays: 3 }));
    expect(await warnings.check()).toBe(0);
    profiles.remove(profile.id);
    expect(await warnings.check()).toBe(0);
  });
});
