import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../main/app-services';
import { silentLogger } from '../../../main/log/logger';
import { knownAMeldingerOf, profileSubmissions } from '../../../main/reports/known-messages';
import { AppError } from '../../../shared/domain/app-error';
import type { SubmissionState } from '../../../shared/outbox/submission';
import type { CheckedReport } from '../../../shared/reports/report-views';
import { fixturePath, fixtureText } from '../../shared/reports/fixtures';
import { writeAMeldingRecord } from './outbox-records';

const ORG = '211785462';
const FIXTURE_ID = /<meldingsId>([^<]+)<\/meldingsId>/.exec(fixtureText('amelding-example-v2_2.xml'))![1]!;
const RECEIVED: SubmissionState = {
  kind: 'received',
  at: '2026-01-20T09:01:00.000Z',
  receipt: { dialogId: 'dialog-1', forsendelseId: 'forsendelse-1', meldingsId: FIXTURE_ID },
};
const QUEUED: SubmissionState = { kind: 'queued', since: '2026-01-20T09:00:00.000Z' };
const REJECTED: SubmissionState = {
  kind: 'rejected',
  at: '2026-01-20T09:01:00.000Z',
  error: { code: 'SKATTEETATEN_AMLD_010', message: { nb: 'Avvist', en: 'Rejected' } },
};

const opened: AppServices[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.dispose()));
});

function start() {
  const dataDir = mkdtempSync(join(tmpdir(), 'innsender-known-messages-'));
  const services = createAppServices({
    dataDir,
    host: 'node',
    version: '0.0.0-test',
    log: silentLogger,
    now: () => new Date('2026-01-25T12:00:00Z'),
    desktop: {
      openExternal: async () => {},
      pickFiles: async () => [],
      saveFile: async () => null,
      writeClipboard: async () => {},
      notify: () => {},
    },
  });
  opened.push(services);
  const profile = services.profiles.create({ orgNumber: ORG, displayName: 'Eksempel AS', environment: 'sandbox' });
  return { services, dataDir, profile };
}

const codesOf = (report: CheckedReport | undefined) => report?.result.findings.map((f) => [f.code, f.severity]) ?? [];

describe('the known a-meldinger, from the outbox', () => {
  it('are the received (sent) and unfinished (on their way) a-meldinger; rejected and cancelled ones are not', () => {
    const base = {
      id: '',
      idempotencyKey: '',
      payloadSha256: '',
      payloadBytes: 0,
      label: '',
      createdAt: 'c',
      updatedAt: 'u',
      attempts: 1,
      checkpoint: {},
    };
    const month = { kalendermaaned: '2026-01', opplysningspliktig: ORG };
    const target = { service: 'a-melding' as const, ...month };
    const known = knownAMeldingerOf([
      { ...base, target: { ...target, meldingsId: 'a' }, state: RECEIVED },
      { ...base, target: { ...target, meldingsId: 'b', erstatterMeldingsId: 'a' }, state: QUEUED },
      { ...base, target: { ...target, meldingsId: 'c' }, state: REJECTED },
      { ...base, target: { ...target, meldingsId: 'd' }, state: { kind: 'cancelled', at: 'x' } },
      {
        ...base,
        target: { ...target, meldingsId: 'e' },
        state: { ...REJECTED, kind: 'failed', reason: 'offline', attempt: 1, retryAt: null },
      },
      {
        ...base,
        target: { service: 'aksjonaerregisteroppgave', inntektsaar: '2025', oppgavegiver: ORG, underskjemaer: 1 },
        state: RECEIVED,
      },
    ]);
    expect(known).toEqual([
      {
        ...month,
        meldingsId: 'a',
        status: { kind: 'sent', at: '2026-01-20T09:01:00.000Z', receipt: 'forsendelse-1' },
      },
      { ...month, meldingsId: 'b', erstatterMeldingsId: 'a', status: { kind: 'on-its-way', since: 'c' } },
      { ...month, meldingsId: 'e', status: { kind: 'on-its-way', since: 'c' } },
    ]);
  });

  it('are none without an active profile, but a broken outbox is not mistaken for an empty one', async () => {
    const noProfile = new AppError('OUTBOX_NO_PROFILE', { nb: '', en: '' });
    expect(await profileSubmissions({ list: () => Promise.reject(noProfile) })).toEqual([]);
    await expect(profileSubmissions({ list: () => Promise.reject(new Error('EIO')) })).rejects.toThrow('EIO');
  });
});

describe('the Reports service checks against what the profile has sent', () => {
  it('does not flag a new a-melding, nor a saved draft re-checked: drafts are not sent messages', async () => {
    const { services } = start();
    const [checked] = await services.reports.checkPaths([fixturePath('amelding-example-v2_2.xml')]);
    expect(checked?.result.valid).toBe(true);
    expect(codesOf(checked).filter(([code]) => String(code).includes('MELDINGSID'))).toEqual([]);
    const draft = await services.reports.saveDraft(checked!.checkId);
    const rechecked = await services.reports.recheckDraft(draft.id);
    expect(rechecked.result.valid).toBe(true);
  });

  it('flags a meldingsId the outbox has received as an error, with the date and the receipt', async () => {
    const { services, dataDir, profile } = start();
    await writeAMeldingRecord(dataDir, profile.id, {
      meldingsId: FIXTURE_ID,
      kalendermaaned: '2026-01',
      opplysningspliktig: ORG,
      state: RECEIVED,
    });
    const [checked] = await services.reports.checkPaths([fixturePath('amelding-example-v2_2.xml')]);
    expect(checked?.result.valid).toBe(false);
    const finding = checked?.result.findings.find((f) => f.code === 'AMELDING_MELDINGSID_NOT_UNIQUE');
    expect(finding?.severity).toBe('error');
    expect(finding?.message.en).toContain(
      `Message ID ${FIXTURE_ID} was sent on 20 January 2026 (receipt forsendelse-1)`,
    );
    expect(finding?.line).toBeGreaterThan(0);
  });

  it('warns about a meldingsId still in the outbox, and ignores one Skatteetaten rejected', async () => {
    const { services, dataDir, profile } = start();
    await writeAMeldingRecord(dataDir, profile.id, {
      meldingsId: FIXTURE_ID,
      kalendermaaned: '2026-01',
      opplysningspliktig: ORG,
      state: REJECTED,
    });
    const paths = [fixturePath('amelding-example-v2_2.xml')];
    const [afterRejection] = await services.reports.checkPaths(paths);
    expect(afterRejection?.result.valid).toBe(true);
    expect(codesOf(afterRejection).filter(([code]) => String(code).includes('MELDINGSID'))).toEqual([]);

    await writeAMeldingRecord(dataDir, profile.id, {
      meldingsId: FIXTURE_ID,
      kalendermaaned: '2026-01',
      opplysningspliktig: ORG,
      state: QUEUED,
    });
    const [whileQueued] = await services.reports.checkPaths(paths);
    expect(whileQueued?.result.valid).toBe(true);
    expect(codesOf(whileQueued)).toContainEqual(['AMELDING_MELDINGSID_IN_OUTBOX', 'warning']);
  });
});
