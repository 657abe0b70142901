import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './run-cli';
import { fixturePath, fixtureText } from '../shared/reports/fixtures';
import { writeAMeldingRecord } from '../main/reports/outbox-records';

const ORG = '211785462';
const FIXTURE_ID = /<meldingsId>([^<]+)<\/meldingsId>/.exec(fixtureText('amelding-example-v2_2.xml'))![1]!;
const cli = (dataDir: string, ...args: string[]) => runCliCaptured(dataDir, args);

/** A data folder with a test profile for the fixture's organisation; its id, for writing its outbox. */
async function withProfile() {
  const dir = mkdtempSync(join(tmpdir(), 'innsender-cli-validate-known-'));
  await cli(dir, 'profiles', 'add', ORG, 'Eksempel AS', '--env', 'test');
  const listed = JSON.parse((await cli(dir, '--json', 'profiles', 'list')).out) as {
    value: { activeProfileId: string };
  };
  return { dir, profileId: listed.value.activeProfileId };
}

describe('innsender validate, against what the active profile has sent', () => {
  it('exits 0 while nothing with the meldingsId has been sent', async () => {
    const { dir } = await withProfile();
    const run = await cli(dir, '--lang', 'en', 'validate', fixturePath('amelding-example-v2_2.xml'));
    expect(run.code).toBe(0);
    expect(run.out).not.toContain('MELDINGSID');
  });

  it("exits 1 and says when and with what receipt when the profile's outbox has received the meldingsId", async () => {
    const { dir, profileId } = await withProfile();
    await writeAMeldingRecord(dir, profileId, {
      meldingsId: FIXTURE_ID,
      kalendermaaned: '2026-01',
      opplysningspliktig: ORG,
      state: {
        kind: 'received',
        at: '2026-01-20T09:01:00.000Z',
        receipt: { dialogId: 'dialog-1', forsendelseId: 'forsendelse-1' },
      },
    });
    const run = await cli(dir, '--lang', 'en', 'validate', fixturePath('amelding-example-v2_2.xml'));
    expect(run.code).toBe(1);
    expect(run.out).toContain('[AMELDING_MELDINGSID_NOT_UNIQUE]');
    expect(run.out).toContain(`Message ID ${FIXTURE_ID} was sent on 20 January 2026 (receipt forsendelse-1)`);
    expect(run.out).toContain(`set erstatterMeldingsId to ${FIXTURE_ID} if it replaces that message`);
  });

  it('exits 0 with a warning while the meldingsId is still in the outbox', async () => {
    const { dir, profileId } = await withProfile();
    await writeAMeldingRecord(dir, profileId, {
      meldingsId: FIXTURE_ID,
      kalendermaaned: '2026-01',
      opplysningspliktig: ORG,
      state: { kind: 'queued', since: '2026-01-20T09:00:00.000Z' },
    });
    const run = await cli(dir, 'validate', fixturePath('amelding-example-v2_2.xml'));
    expect(run.code).toBe(0);
    expect(run.out).toContain('[AMELDING_MELDINGSID_IN_OUTBOX]');
    expect(run.out).toContain('ligger allerede i utboksen');
  });
});
