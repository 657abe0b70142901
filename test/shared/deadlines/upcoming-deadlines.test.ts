import { describe, expect, it } from 'vitest';
import { addMonths, osloDate, upcomingDeadlines } from '../../../shared/deadlines/upcoming-deadlines';
import { nextWorkingDayOnOrAfter } from '../../../shared/reports/calendar/norwegian-holidays';
import { aMeldingDeadline, rf1086Deadline } from '../../../shared/reports/calendar/report-deadlines';
import { DEADLINE_RULES } from '../../../shared/deadlines/deadline-rules';
import { SERVICES } from '../../../shared/domain/services-catalogue';

const base = { months: 12, warnDays: 7, met: new Set<string>() };

describe('Norwegian working days', () => {
  it.each([
    ['2026-04-02', '2026-04-07', 'Maundy Thursday, Good Friday, the weekend and Easter Monday'],
    ['2026-05-01', '2026-05-04', '1 May (a Friday), then the weekend'],
    ['2026-05-14', '2026-05-15', 'Ascension Day 2026'],
    ['2026-05-17', '2026-05-18', '17 May on a Sunday'],
    ['2026-05-25', '2026-05-26', 'Whit Monday 2026'],
    ['2027-05-06', '2027-05-07', 'Ascension Day 2027'],
    ['2027-05-17', '2027-05-18', '17 May 2027, also Whit Monday'],
    ['2026-12-25', '2026-12-28', 'Christmas Day and Boxing Day, then the weekend'],
    ['2026-12-24', '2026-12-24', 'Christmas Eve is a working day'],
    ['2027-01-01', '2027-01-04', "New Year's Day on a Friday"],
  ])('%s moves to %s (%s)', (date, expected) => {
    expect(nextWorkingDayOnOrAfter(date)).toBe(expected);
  });
});

describe('upcoming deadlines', () => {
  it('lists each a-melding month for the next twelve months, moved past weekends and Easter', () => {
    const { deadlines, until } = upcomingDeadlines({ ...base, today: '2026-03-20', services: ['a-melding'] });
    expect(until).toBe('2027-03-20');
    expect(deadlines.map((d) => [d.period, d.dueDate, d.movedBecause])).toEqual([
      [{ kind: 'month', kalendermaaned: '2026-02' }, '2026-03-05', null],
      [{ kind: 'month', kalendermaaned: '2026-03' }, '2026-04-07', 'weekend'],
      [{ kind: 'month', kalendermaaned: '2026-04' }, '2026-05-05', null],
      [{ kind: 'month', kalendermaaned: '2026-05' }, '2026-06-05', null],
      [{ kind: 'month', kalendermaaned: '2026-06' }, '2026-07-06', 'weekend'],
      [{ kind: 'month', kalendermaaned: '2026-07' }, '2026-08-05', null],
      [{ kind: 'month', kalendermaaned: '2026-08' }, '2026-09-07', 'weekend'],
      [{ kind: 'month', kalendermaaned: '2026-09' }, '2026-10-05', null],
      [{ kind: 'month', kalendermaaned: '2026-10' }, '2026-11-05', null],
      [{ kind: 'month', kalendermaaned: '2026-11' }, '2026-12-07', 'weekend'],
      [{ kind: 'month', kalendermaaned: '2026-12' }, '2027-01-05', null],
      [{ kind: 'month', kalendermaaned: '2027-01' }, '2027-02-05', null],
      [{ kind: 'month', kalendermaaned: '2027-02' }, '2027-03-05', null],
    ]);
    // One source: the same dates as the report checks use.
    for (const d of deadlines) {
      if (d.period.kind === 'month') expect(d.dueDate).toBe(aMeldingDeadline(d.period.kalendermaaned));
    }
  });

  it('gives the a-melding for April 2027 on 5 May, and moves a 5th that is a holiday', () => {
    const april = upcomingDeadlines({ ...base, today: '2027-04-20', services: ['a-melding'] }).deadlines[1];
    expect(april).toMatchObject({ id: 'a-melding:2027-04', dueDate: '2027-05-05', movedBecause: null });
    // 5 May 2016 was Ascension Day; 5 June 2017 Whit Monday.
    const ascension = upcomingDeadlines({ ...base, today: '2016-04-20', services: ['a-melding'] }).deadlines;
    expect(ascension.find((d) => d.id === 'a-melding:2016-04')).toMatchObject({
      nominalDate: '2016-05-05',
      dueDate: '2016-05-06',
      movedBecause: 'holiday',
    });
    const whit = upcomingDeadlines({ ...base, today: '2017-05-20', services: ['a-melding'] }).deadlines;
    expect(whit.find((d) => d.id === 'a-melding:2017-05')).toMatchObject({
      dueDate: '2017-06-06',
      movedBecause: 'holiday',
    });
  });

  it('puts the yearly returns after the income year, moved off a weekend, with their sources', () => {
    const { deadlines, withoutDeadline } = upcomingDeadlines({
      ...base,
      today: '2026-03-20',
      services: [
        'aksjonaerregisteroppgave',
        'tredjepart-boligselskap',
        'tredjepart-aksjesparekonto',
        'skattekort-til-arbeidsgiver',
      ],
    });
    expect(deadlines.map((d) => [d.id, d.dueDate, d.movedBecause, d.confirmed])).toEqual([
      ['tredjepart-aksjesparekonto:2026', '2027-01-20', null, false],
      ['aksjonaerregisteroppgave:2026', '2027-02-01', 'weekend', true],
      ['tredjepart-boligselskap:2026', '2027-02-01', 'weekend', true],
    ]);
    expect(deadlines[1]?.dueDate).toBe(rf1086Deadline(2026));
    expect(deadlines[1]?.source).toContain('formats.md §3.1');
    expect(deadlines[0]?.source).toContain('UNCONFIRMED');
    expect(withoutDeadline).toEqual([
      { service: 'skattekort-til-arbeidsgiver', rule: expect.objectContaining({ kind: 'none' }) },
    ]);
  });

  it('marks met, overdue, soon and upcoming, and highlights the first one not met', () => {
    const list = upcomingDeadlines({
      ...base,
      today: '2026-03-31',
      services: ['a-melding'],
      met: new Set(['a-melding:2026-03']),
    });
    const byId = Object.fromEntries(list.deadlines.map((d) => [d.id, [d.status, d.daysLeft]]));
    expect(byId['a-melding:2026-02']).toEqual(['overdue', -26]);
    expect(byId['a-melding:2026-03']).toEqual(['met', 7]);
    expect(byId['a-melding:2026-04']).toEqual(['upcoming', 35]);
    expect(list.nextId).toBe('a-melding:2026-04');
    const unmet = upcomingDeadlines({ ...base, today: '2026-03-31', services: ['a-melding'] });
    expect(unmet.deadlines.find((d) => d.id === 'a-melding:2026-03')?.status).toBe('soon');
    expect(unmet.nextId).toBe('a-melding:2026-03');
    // Day 0 is still soon, not overdue.
    const dueToday = upcomingDeadlines({ ...base, today: '2026-04-07', services: ['a-melding'] });
    expect(dueToday.deadlines.find((d) => d.id === 'a-melding:2026-03')).toMatchObject({ status: 'soon', daysLeft: 0 });
    // Older than the lookback: history, not listed.
    expect(upcomingDeadlines({ ...base, today: '2026-05-01', services: ['a-melding'] }).deadlines[0]?.id).toBe(
      'a-melding:2026-03',
    );
  });

  it('has a rule (or an explicit "none") for every service in the catalogue today', () => {
    for (const service of SERVICES) expect(DEADLINE_RULES[service.id], service.id).toBeDefined();
  });

  it('counts days in Norway, not in the machine zone', () => {
    // 23:30 UTC on 31 March is already 1 April in Oslo (summer time).
    expect(osloDate(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
    expect(osloDate(new Date('2026-01-31T22:59:00Z'))).toBe('2026-01-31');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-20', 12)).toBe('2027-03-20');
  });
});
