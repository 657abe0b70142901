import { describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCaptured } from './run-cli';
import { SetupStateFile, profileDir } from '../../main/setup/setup-state';
import { isNorwegianWorkingDay } from '../../shared/reports/calendar/norwegian-holidays';
import type { DeadlinesOverview } from '../../shared/deadlines/deadline-views';

/** A profile with both yearly and monthly services, on a clock pinned to `today` (Oslo morning). */
async function fristerAt(today: string) {
  const now = () => new Date(`${today}T09:00:00+01:00`);
  const dir = await mkdtemp(join(tmpdir(), 'innsender-cli-frister-'));
  const cli = (...args: string[]) => runCliCaptured(dir, args, {}, now);
  expect((await cli('frister')).out).toMatch(/ingen: velg tjenester i oppsettet først/);
  await cli('profiles', 'add', '974761076', 'Fjellstue AS');
  const profiles = JSON.parse((await cli('--json', 'profiles', 'list')).out) as {
    value: { activeProfileId: string };
  };
  await new SetupStateFile(profileDir(dir, profiles.value.activeProfileId)).update((s) => ({
    ...s,
    services: ['a-melding', 'aksjonaerregisteroppgave'],
  }));
  return cli;
}

function upcoming(overview: DeadlinesOverview, service: string): string[] {
  return overview.deadlines.filter((d) => d.service === service && d.daysLeft >= 0).map((d) => d.dueDate);
}

// Expected dates worked out by hand from the rules (the 5th of the next month, the RF-1086 on 31 January, each
// moved to the next working day) and the calendar: Whit Monday 2028 is 5 June (Easter Sunday 16 April 2028).
const CASES: { today: string; amelding: string[]; rf1086: string[] }[] = [
  {
    // 5 December 2026 is a Saturday: that deadline moves to today, Monday 7 December, so thirteen fall due.
    today: '2026-12-07',
    amelding: [
      '2026-12-07',
      '2027-01-05',
      '2027-02-05',
      '2027-03-05',
      '2027-04-05',
      '2027-05-05',
      '2027-06-07',
      '2027-07-05',
      '2027-08-05',
      '2027-09-06',
      '2027-10-05',
      '2027-11-05',
      '2027-12-06',
    ],
    rf1086: ['2027-02-01'],
  },
  {
    today: '2028-02-29',
    amelding: [
      '2028-03-06',
      '2028-04-05',
      '2028-05-05',
      '2028-06-06',
      '2028-07-05',
      '2028-08-07',
      '2028-09-05',
      '2028-10-05',
      '2028-11-06',
      '2028-12-05',
      '2029-01-05',
      '2029-02-05',
    ],
    rf1086: ['2029-01-31'],
  },
];

describe('innsender frister', () => {
  it.each(CASES)('lists the deadlines due from $today on working days, as text and JSON', async (c) => {
    const cli = await fristerAt(c.today);
    const json = await cli('--json', 'frister', '--months', '12');
    const overview = (JSON.parse(json.out) as { value: DeadlinesOverview }).value;
    expect(overview.today).toBe(c.today);
    const due = overview.deadlines.map((d) => d.dueDate);
    expect(due).toEqual([...due].sort());
    expect(upcoming(overview, 'a-melding')).toEqual(c.amelding);
    expect(upcoming(overview, 'aksjonaerregisteroppgave')).toEqual(c.rf1086);
    for (const d of due) expect(isNorwegianWorkingDay(new Date(`${d}T00:00:00Z`)), d).toBe(true);
    expect(json.code).toBe(overview.deadlines.some((d) => d.status === 'overdue') ? 1 : 0);
  });

  it('prints text in nb and en, and refuses a range over 24 months', async () => {
    const cli = await fristerAt('2026-12-07');
    const text = await cli('frister', '--months', '3');
    expect(text.out).toMatch(/^Frister fra 7\. desember 2026 til 7\. mars 2027 \(varsel 7 dager før\):/);
    expect(text.out).toMatch(/^\* 2026-12-07 {2}snart +A-melding november 2026 \(flyttet fra 5\. desember 2026\)$/m);
    expect(text.out).toMatch(/^ {2}2027-02-01 {2}kommer +Aksjonærregisteroppgave \(RF-1086\) 2026/m);

    const english = await cli('--lang', 'en', 'frister', '--months', '3');
    expect(english.out).toMatch(/^Deadlines from 7 December 2026 /);
    expect(english.out).toMatch(/\(moved from 5 December 2026\)/);

    const bad = await cli('frister', '--months', '30');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/IPC_INVALID_INPUT/);
  });
});
