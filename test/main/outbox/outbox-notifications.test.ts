import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notifyOutboxProblems, outboxNotification } from '../../../main/outbox/outbox-notifications';
import { EventHub } from '../../../main/ipc/event-hub';
import { ProfileService } from '../../../main/settings/profiles';
import { SettingsStore } from '../../../main/settings/settings-store';
import { silentLogger } from '../../../main/log/logger';
import { routeOfOpenEvent } from '../../../shared/ipc/open-routes';
import type { Submission, SubmissionState } from '../../../shared/outbox/submission';
import type { Language } from '../../../shared/domain/localized';

const at = '2026-02-03T09:00:00.000Z';
const error = {
  code: 'SKATTEETATEN_AMLD_010',
  message: {
    nb: 'Meldings-ID lonn-1 ble sendt før.',
    en: 'Message ID lonn-1 was sent before.',
  },
};
const submission = (state: SubmissionState): Submission => ({
  id: '3f6c1e52-8a0b-4c1e-9d52-6b1f0a7c2e91',
  idempotencyKey: '9b2d7c4e-1f3a-4b5c-8d6e-7f8a9b0c1d2e',
  payloadSha256: 'a'.repeat(64),
  payloadBytes: 100,
  // The stored label, as main/outbox/draft-submission.ts makes it for the audit log: not what a notification says.
  label: 'A-melding 2026-01 (lonn-1)',
  target: { service: 'a-melding', kalendermaaned: '2026-01', opplysningspliktig: '974761076', meldingsId: 'lonn-1' },
  createdAt: at,
  updatedAt: at,
  attempts: 1,
  checkpoint: {},
  state,
});
const failed = (reason: 'offline' | 'transient' | 'needs-action' | 'gave-up') =>
  submission({ kind: 'failed', at, error, reason, attempt: 1, retryAt: null });

/** A desktop that only keeps the notifications it is asked to raise. */
const desktopInto = (raised: { title: string; body: string; onClick?: () => void }[]) => ({
  openExternal: async () => undefined,
  pickFiles: async () => [],
  saveFile: async () => null,
  writeClipboard: async () => undefined,
  notify: (n: { title: string; body: string; onClick?: () => void }) => void raised.push(n),
});

describe('notifications about submissions', () => {
  it('names the company and the reason when Skatteetaten rejects a submission, in the user’s language', () => {
    const rejected = submission({ kind: 'rejected', at, error });
    expect(outboxNotification(rejected, 'Fjellstue AS', 'nb')).toEqual({
      title: 'Skatteetaten avviste en innsending fra Fjellstue AS',
      body: 'A-melding for januar 2026: Meldings-ID lonn-1 ble sendt før.',
    });
    expect(outboxNotification(rejected, 'Fjellstue AS', 'en')).toEqual({
      title: 'Skatteetaten rejected a submission from Fjellstue AS',
      body: 'A-melding (employer report) for January 2026: Message ID lonn-1 was sent before.',
    });
  });

  it('tells about a submission that stopped trying, and keeps quiet about faults the outbox retries by itself', () => {
    expect(outboxNotification(failed('needs-action'), 'Fjellstue AS', 'nb')?.title).toBe(
      'En innsending fra Fjellstue AS ble ikke sendt',
    );
    expect(outboxNotification(failed('gave-up'), 'Fjellstue AS', 'en')?.title).toBe(
      'A submission from Fjellstue AS was not sent',
    );
    expect(outboxNotification(failed('offline'), 'Fjellstue AS', 'nb')).toBeNull();
    expect(outboxNotification(failed('transient'), 'Fjellstue AS', 'nb')).toBeNull();
    expect(
      outboxNotification(submission({ kind: 'received', at, receipt: { dialogId: 'd' } }), 'Fjellstue AS', 'nb'),
    ).toBeNull();
  });

  describe('raised from the outbox’s events', () => {
    let dir: string;
    beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'innsender-notify-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('once per change, opening the submission on Utboks when clicked', () => {
      const profiles = new ProfileService(SettingsStore.open(dir, silentLogger));
      const profile = profiles.create({ orgNumber: '974761076', displayName: 'Fjellstue AS', environment: 'sandbox' });
      const events = new EventHub();
      const opened: unknown[] = [];
      events.subscribe((event, payload) => event === 'outbox.open' && opened.push(payload));
      const raised: { title: string; body: string; onClick?: () => void }[] = [];
      let language: Language = 'nb';
      notifyOutboxProblems({
        events,
        profiles,
        desktop: desktopInto(raised),
        language: () => language,
      });

      events.emit('outbox.changed', { profileId: profile.id, submission: failed('transient') });
      expect(raised).toEqual([]);
      const rejected = submission({ kind: 'rejected', at, error });
      events.emit('outbox.changed', { profileId: profile.id, submission: rejected });
      events.emit('outbox.changed', { profileId: profile.id, submission: rejected });
      expect(raised.map((n) => n.title)).toEqual(['Skatteetaten avviste en innsending fra Fjellstue AS (974 761 076)']);

      raised[0]!.onClick!();
      expect(opened).toEqual([{ submissionId: rejected.id }]);
      expect(routeOfOpenEvent('outbox.open', opened[0])).toBe(`/outbox?submission=${rejected.id}`);

      language = 'en';
      events.emit('outbox.changed', {
        profileId: profile.id,
        submission: { ...failed('gave-up'), updatedAt: '2026-02-03T10:00:00.000Z' },
      });
      expect(raised.at(-1)?.title).toBe('A submission from Fjellstue AS (974 761 076) was not sent');
    });

    it('names a firm’s client the submission is for, with its org number', async () => {
      const profiles = new ProfileService(SettingsStore.open(dir, silentLogger));
      const firm = profiles.create({
        orgNumber: '974761076',
        displayName: 'Regnskap AS',
        environment: 'sandbox',
        kind: 'firm',
      });
      const events = new EventHub();
      const raised: { title: string; body: string }[] = [];
      notifyOutboxProblems({
        events,
        profiles,
        desktop: desktopInto(raised),
        language: () => 'nb',
        clientName: async (_profile, org) => (org === '311000004' ? 'Kløver AS' : null),
      });
      const forClient = submission({ kind: 'rejected', at, error });
      forClient.target = { ...forClient.target, opplysningspliktig: '311000004' } as Submission['target'];
      events.emit('outbox.changed', { profileId: firm.id, submission: forClient });
      await new Promise((r) => setTimeout(r, 0));
      expect(raised.map((n) => n.title)).toEqual(['Skatteetaten avviste en innsending fra Kløver AS (311 000 004)']);
    });
  });
});
