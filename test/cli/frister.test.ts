import { describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCaptured } from './run-cli';
import { SetupStateFile, profileDir } from '../../main/setup/setup-state';
import { isNorwegianWorkingDay } from '../../shared/reports/calendar/norwegian-holidays';
import type { DeadlinesOverview } from '../../shared/deadlines/deadline-views';

const cli = (dataDir: string, ...args: string[]) => runCliCaptured(dataDir, args);

describe('innsender frister', () => {
  it("lists the active profile's deadlines on working days, as text and JSON, with the exit code saying if one passed", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'innsender-cli-frister-'));
    expect((await cli(dir, 'frister')).out).toMatch(/ingen: velg tjenester i oppsettet først/);

    await cli(dir, 'profiles', 'add', '974761076', 'Fjellstue AS');
    const profiles = JSON.parse((await cli(dir, '--json', 'profiles', 'list')).out) as {
      value: { activeProfileId: string };
    };
    await new SetupStateFile(profileDir(dir, profiles.value.activeProfileId)).update((s) => ({
      ...s,
      services: ['a-melding', 'aksjonaerregisteroppgave'],
    }));

    const json = await cli(dir, '--json', 'frister', '--months', '12');
    const overview = (JSON.parse(json.out) as { value: DeadlinesOverview }).value;
    const due = overview.deadlines.map((d) => d.dueDate);
    expect(due).toEqual([...due].sort());
    expect(overview.deadlines.filter((d) => d.service === 'a-melding' && d.daysLeft >= 0)).toHaveLength(12);
    // One 31 January in any twelve months (two only when today is itself a moved deadline day).
    const yearly = overview.deadlines.filter((d) => d.service === 'aksjonaerregisteroppgave' && d.daysLeft >= 0);
    expect(yearly.length === 1 || (yearly.length === 2 && yearly[0]?.daysLeft === 0)).toBe(true);
    for (const d of due) expect(isNorwegianWorkingDay(new Date(`${d}T00:00:00Z`)), d).toBe(true);
    expect(json.code).toBe(overview.deadlines.some((d) => d.status === 'overdue') ? 1 : 0);

    const text = await cli(dir, 'frister', '--months', '3');
    expect(text.out).toMatch(/^Frister fra \d{4}-\d{2}-\d{2} til \d{4}-\d{2}-\d{2} \(varsel 7 dager før\):/);
    expect(text.out).toMatch(/^\* \d{4}-\d{2}-\d{2} {2}(snart|kommer) +A-melding \d{4}-\d{2}/m);

    const english = await cli(dir, '--lang', 'en', 'frister', '--months', '3');
    expect(english.out).toMatch(/^Deadlines from /);

    const bad = await cli(dir, 'frister', '--months', '30');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/IPC_INVALID_INPUT/);
  });
});
