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
import { createProfileChanges } from '../../../main/settings/profile-changes';
import { EventHub } from '../../../main/ipc/event-hub';
import type { Submission } from '../../../shared/outbox/submission';
import type { FirmClient } from '../../../shared/domain/firm';
import type { ClientPeriod } from '../../../main/store/store';
import { outboxByOrgFromRecords } from '../support/outbox-by-org';
import { recordingDesktop, type Notified } from '../support/test-app-services';

/** A received a-melding for `org` and `month`, as the outbox stores it. */
function receivedAMelding(org: string, month: string, n: number, at: Date): Submission {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    id,
    idempotencyKey: id,
    payloadSha256: '0'.repeat(64),
    payloadBytes: 1,
    label: `a-melding ${month}`,
    target: { service: 'a-melding', kalendermaaned: month, opplysningspliktig: org, meldingsId: `m${n}` },
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
    attempts: 1,
    checkpoint: {},
    state: { kind: 'received', at: at.toISOString(), receipt: { dialogId: `d${n}`, forsendelseId: `f${n}` } },
  };
}

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
  let clients: FirmClient[];
  let received: ClientPeriod[];
  let language: 'nb' | 'en';
  let sandboxStarts: number;
  /** The events a click sends, in order: a switch of profile (to which) and the page opened. */
  let told: unknown[];

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
      profileChanges: createProfileChanges({
        profiles,
        settings,
        sandbox: { ensureRunning: async () => void sandboxStarts++ },
        events,
        log: silentLogger,
      }),
      language: () => language,
      firmClients: { list: async () => clients },
      store: { receivedPeriods: async () => received },
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
    sandboxStarts = 0;
    told = [];
    events.subscribe((event, payload) => {
      if (event === 'profiles.changed') told.push({ shown: (payload as { activeProfileId: string }).activeProfileId });
      if (event === 'deadlines.open' || event === 'overview.open') told.push({ [event]: payload });
    });
    submissions = [];
    clients = [];
    received = [];
    language = 'nb';
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
    expect(notes[0]?.body).toBe(
      'A-melding mars 2026 for Fjellstue AS (974 761 076) har frist om 7 dager (7. april 2026).',
    );
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
    now = new Date('2026-03-31T07:00:00Z');
    expect(await warnings.check()).toBe(1);
    expect(clicks).toHaveLength(1);
    expect(told).toEqual([]);
    clicks[0]?.();
    // Its profile is the one shown: no switch.
    expect(told).toEqual([{ 'deadlines.open': { deadlineId: 'a-melding:2026-03' } }]);
  });

  it("switches to the warning's profile when another is shown, then opens Frister", async () => {
    const warned = profiles.active()!;
    now = new Date('2026-03-31T07:00:00Z');
    expect(await warnings.check(warned)).toBe(1);
    const other = profiles.create({ orgNumber: '211785462', displayName: 'Kløver AS', environment: 'sandbox' });
    profiles.activate(other.id);
    clicks[0]?.();
    expect(profiles.active()?.id).toBe(warned.id);
    expect(told).toEqual([{ shown: warned.id }, { 'deadlines.open': { deadlineId: 'a-melding:2026-03' } }]);
    expect(sandboxStarts).toBe(1);
  });

  it('does not warn about a deadline already met', async () => {
    now = new Date('2026-04-02T07:00:00Z');
    submissions = [receivedAMelding('974761076', '2026-03', 1, now)];
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

  describe('for a firm', () => {
    const client = (orgNumber: string, name: string, change: Partial<FirmClient> = {}): FirmClient => ({
      orgNumber,
      name,
      services: ['a-melding'],
      delegation: { state: 'delegated', checkedAt: '2026-11-01T08:00:00.000Z' },
      addedAt: '2026-01-05T08:00:00.000Z',
      ...change,
    });
    const FIVE = [
      client('211785462', 'Fjellstue AS'),
      client('311000004', 'Kløver AS'),
      client('312000008', 'Vestvind AS'),
      client('313000001', 'Fjordbris AS'),
      client('314000005', 'Lauvhytta AS'),
    ];
    /** What the store answers for the firm's received submissions (the overview's input, worked out from them). */
    const receive = (...sent: Submission[]) => {
      received = [...outboxByOrgFromRecords(sent).received];
    };
    let firmId: string;
    // Not the open profile: the job runs for every profile.
    const firm = () => profiles.state().profiles.find((p) => p.id === firmId) ?? null;

    beforeEach(() => {
      // Tuesday 1 December 2026: November's a-melding is due Saturday 5 December, moved to Monday 7 December.
      now = new Date('2026-12-01T08:00:00Z');
      firmId = profiles.create({
        orgNumber: '315000009',
        displayName: 'Regnskap AS',
        environment: 'sandbox',
        kind: 'firm',
      }).id;
      clients = [...FIVE];
    });

    it('warns once per deadline, naming how many clients have not sent and the first of them', async () => {
      // Kløver's October does not meet November's deadline; Vestvind's and Lauvhytta's November do.
      receive(
        receivedAMelding('312000008', '2026-11', 1, now),
        receivedAMelding('314000005', '2026-11', 2, now),
        receivedAMelding('311000004', '2026-10', 3, now),
      );
      expect(await warnings.check(firm())).toBe(1);
      expect(notes).toEqual([
        {
          title: 'Innsender: frist snart',
          body:
            'A-melding for november 2026 er ikke sendt for 3 klienter: Fjellstue AS (211 785 462), ' +
            'Kløver AS (311 000 004) og 1 til. Frist om 6 dager (7. desember 2026).',
        },
      ]);
      // Clicked while the business is shown: the firm is shown first, then its overview filtered to Frist snart.
      expect(profiles.active()?.id).not.toBe(firmId);
      clicks[0]?.();
      expect(profiles.active()?.id).toBe(firmId);
      expect(told).toEqual([{ shown: firmId }, { 'overview.open': { filter: 'deadline' } }]);
      // Clicked again with the firm shown: only the overview.
      clicks[0]?.();
      expect(told.slice(2)).toEqual([{ 'overview.open': { filter: 'deadline' } }]);

      // A rerun the same day, and a restart, say nothing again.
      expect(await warnings.check(firm())).toBe(0);
      build();
      expect(await warnings.check(firm())).toBe(0);
      expect(notes).toHaveLength(1);
    });

    it('opens nothing when the firm was removed after the warning was raised', async () => {
      expect(await warnings.check(firm())).toBe(1);
      const shown = profiles.active()?.id;
      profiles.remove(firmId);
      clicks[0]?.();
      expect(told).toEqual([]);
      expect(profiles.active()?.id).toBe(shown);
    });

    it('says nothing when every client has sent', async () => {
      receive(...FIVE.map((c, i) => receivedAMelding(c.orgNumber, '2026-11', i + 1, now)));
      expect(await warnings.check(firm())).toBe(0);
      expect(notes).toEqual([]);
      // The next day likewise: it is not the day's log that keeps it quiet.
      now = new Date('2026-12-02T08:00:00Z');
      expect(await warnings.check(firm())).toBe(0);
    });

    it('names only delegated clients with the service, in English when asked', async () => {
      clients = [
        client('211785462', 'Fjellstue AS'),
        client('311000004', 'Kløver AS', { delegation: { state: 'not-delegated', checkedAt: null } }),
        client('312000008', 'Vestvind AS', { delegation: { state: 'removed', checkedAt: null } }),
        client('313000001', 'Fjordbris AS', { services: ['aksjonaerregisteroppgave'] }),
        client('314000005', 'Lauvhytta AS'),
      ];
      language = 'en';
      build();
      expect(await warnings.check(firm())).toBe(1);
      expect(notes.map((n) => n.body)).toEqual([
        'A-melding (employer report) for November 2026 has not been sent for 2 clients: Fjellstue AS (211 785 462) and ' +
          'Lauvhytta AS (314 000 005). Due in 6 days (7 December 2026).',
      ]);
    });
  });
});
