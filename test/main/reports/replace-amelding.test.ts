import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../main/app-services';
import { asReplacement } from '../../../shared/reports/amelding/replacement-body';
import type { SubmissionState } from '../../../shared/outbox/submission';
import { aMeldingBody } from '../support/report-fixtures';
import { recordingDesktop, testAppServices } from '../support/test-app-services';
import { writeAMeldingRecord } from './outbox-records';
import { dataStore } from '../../../main/store/data-store';

// The a-melding is Skatteetaten's published JSON example (test/fixtures/reports/amelding-example.json, see
// formats.md §1.1); a replacement follows formats.md §2.4 ("sets erstatterMeldingsId to the meldingsId of the message
// it replaces … same kalendermaaned … replaces the whole message") and 166B (a message is replaced only once).
const ORG = '211785462';
const MONTH = '2026-01';
const RECEIVED: SubmissionState = {
  kind: 'received',
  at: '2026-01-20T09:01:00.000Z',
  receipt: { dialogId: 'dialog-1', forsendelseId: 'forsendelse-1', meldingsId: 'original1' },
};

const opened: AppServices[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.dispose()));
});

function start(picked: string[] = []) {
  const dataDir = mkdtempSync(join(tmpdir(), 'innsender-replace-'));
  const { desktop } = recordingDesktop();
  const { services } = testAppServices(dataDir, {
    now: () => new Date('2026-01-25T12:00:00Z'),
    desktop: { ...desktop, pickFiles: async () => picked },
  });
  opened.push(services);
  const profile = services.profiles.create({ orgNumber: ORG, displayName: 'Eksempel AS', environment: 'sandbox' });
  /** A received a-melding in the profile's outbox, as the outbox keeps it. */
  const received = (meldingsId: string, state: SubmissionState = RECEIVED) =>
    writeAMeldingRecord(dataDir, profile.id, { meldingsId, kalendermaaned: MONTH, opplysningspliktig: ORG, state });
  return { services, dataDir, profile, received };
}

const dropped = (body: string) => [
  { name: 'rettet.json', contentBase64: Buffer.from(body, 'utf8').toString('base64') },
];
const leveranseOf = (report: { result: { kind: string } } | undefined) =>
  report && 'summary' in report.result
    ? (report.result as { summary: { meldingsId: string; erstatterMeldingsId?: string } | null }).summary
    : null;

describe('"Erstatt" on a received a-melding', () => {
  it('makes the corrected file its replacement and checks it against the replaced one', async () => {
    const { services, received } = start();
    const original = await received('original1');
    // The payroll system exported the corrected month with the same meldingsId: it gets a fresh one.
    const [checked] = await services.reports.replaceAMelding(original.id, dropped(aMeldingBody('original1')));
    const summary = leveranseOf(checked);
    expect(summary?.erstatterMeldingsId).toBe('original1');
    expect(summary?.meldingsId).toMatch(/^[0-9a-f]{32}$/);
    expect(checked?.result.findings.filter((f) => f.code.startsWith('AMELDING_ERSTATTER'))).toEqual([]);
    expect(checked?.result.findings.map((f) => f.code)).not.toContain('AMELDING_MELDINGSID_NOT_UNIQUE');
    // It can be kept as a draft and sent like any report.
    const draft = await services.reports.saveDraft(checked!.checkId);
    expect(draft.kind).toBe('amelding');
  });

  it('is refused by the replacement rules when the melding was already replaced (166B)', async () => {
    const { services, dataDir, profile, received } = start();
    const original = await received('original1');
    const first = await received('erstatning1');
    // The record of the first replacement names what it replaced, as draft-submission.ts keeps it.
    if (first.target.service !== 'a-melding') throw new Error('an a-melding record');
    await dataStore(dataDir)
      .submissions(profile.id)
      .write({ ...first, target: { ...first.target, erstatterMeldingsId: 'original1' } });
    const [checked] = await services.reports.replaceAMelding(original.id, dropped(aMeldingBody('nyid2')));
    expect(checked?.result.findings.map((f) => [f.code, f.severity])).toContainEqual([
      'AMELDING_ERSTATTER_ALREADY_REPLACED',
      'error',
    ]);
  });

  it('picks the file in the native dialog, and refuses a melding not received or a file for another month', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innsender-replace-pick-'));
    const path = join(dir, 'rettet.json');
    writeFileSync(path, aMeldingBody('rettet1'));
    const { services, received } = start([path]);
    const original = await received('original1');
    const [picked] = await services.reports.replaceAMelding(original.id);
    expect(leveranseOf(picked)).toMatchObject({ meldingsId: 'rettet1', erstatterMeldingsId: 'original1' });

    const queued = await received('koe1', { kind: 'queued', since: '2026-01-20T09:00:00.000Z' });
    await expect(services.reports.replaceAMelding(queued.id)).rejects.toMatchObject({
      code: 'REPORT_REPLACE_NOT_RECEIVED',
    });
    await expect(
      services.reports.replaceAMelding(original.id, dropped(aMeldingBody('x', { kalendermaaned: '2026-02' }))),
    ).rejects.toMatchObject({ code: 'REPORT_NOT_A_REPLACEMENT' });
  });
});

describe('asReplacement', () => {
  const replaced = { meldingsId: 'original1', kalendermaaned: MONTH, opplysningspliktig: ORG };
  it('keeps a new meldingsId, replaces a reused or missing one, and refuses what is not JSON', () => {
    const kept = asReplacement(aMeldingBody('ny1'), replaced, () => 'fresh');
    expect(kept).toMatchObject({ ok: true, meldingsId: 'ny1' });
    expect(JSON.parse((kept as { body: string }).body).leveranse.erstatterMeldingsId).toBe('original1');
    expect(asReplacement(aMeldingBody('original1'), replaced, () => 'fresh')).toMatchObject({ meldingsId: 'fresh' });
    expect(asReplacement('<melding/>', replaced, () => 'fresh')).toMatchObject({ ok: false });
  });
});
