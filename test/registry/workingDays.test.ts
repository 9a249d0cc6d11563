import assert from 'node:assert/strict';
import { addDays, countyDate, countyDayStart, daysBetween, mondayOf, monthBounds } from '../../server/lib/countyDate';
import { isWorkingDay, workingDayDeadline, workingDaysAfter } from '../../server/lib/workingDays';

describe('working days and county dates', () => {
  const none = new Map<string, boolean>();

  it('counts Monday to Friday as working days', () => {
    assert.equal(isWorkingDay('2026-03-06', none), true, 'Friday');
    assert.equal(isWorkingDay('2026-03-07', none), false, 'Saturday');
    assert.equal(isWorkingDay('2026-03-08', none), false, 'Sunday');
    assert.equal(isWorkingDay('2026-03-09', none), true, 'Monday');
  });

  it('puts the 7th working day after a change on the right date, across weekends', () => {
    // Monday 2 March → Tue 3 … Fri 6 (4), Mon 9, Tue 10, Wed 11 (7).
    assert.equal(workingDayDeadline('2026-03-02', 7, none), '2026-03-11');
    // Friday 6 March → Mon 9 … Fri 13 (5), Mon 16, Tue 17 (7).
    assert.equal(workingDayDeadline('2026-03-06', 7, none), '2026-03-17');
    // A change made on a Saturday counts from the next working day.
    assert.equal(workingDayDeadline('2026-03-07', 7, none), '2026-03-17');
  });

  it('moves the deadline for holidays and counts make-up weekend days (调休)', () => {
    // National Day 2026: 1–7 October off, Saturday 10 October worked.
    const calendar = new Map<string, boolean>([
      ['2026-10-01', false], ['2026-10-02', false], ['2026-10-05', false], ['2026-10-06', false], ['2026-10-07', false],
      ['2026-10-10', true],
    ]);
    // Change on Wednesday 30 September: Thu 8, Fri 9, Sat 10 (调休), Mon 12, Tue 13, Wed 14, Thu 15.
    assert.equal(workingDayDeadline('2026-09-30', 7, calendar), '2026-10-15');
    assert.equal(workingDayDeadline('2026-09-30', 7, none), '2026-10-09', 'without the calendar the holiday week would count');
  });

  it('counts the working days past a deadline', () => {
    assert.equal(workingDaysAfter('2026-03-11', '2026-03-11', none), 0);
    assert.equal(workingDaysAfter('2026-03-11', '2026-03-12', none), 1);
    assert.equal(workingDaysAfter('2026-03-13', '2026-03-16', none), 1, 'the weekend between does not count');
    assert.equal(workingDaysAfter('2026-03-11', '2026-03-10', none), 0);
  });

  it('gives instants their date in China (UTC+8) and does date arithmetic on plain dates', () => {
    assert.equal(countyDate(new Date('2026-03-01T15:59:59Z')), '2026-03-01');
    assert.equal(countyDate(new Date('2026-03-01T16:00:00Z')), '2026-03-02');
    assert.equal(countyDayStart('2026-03-02').toISOString(), '2026-03-01T16:00:00.000Z');
    assert.equal(daysBetween('2026-02-27', '2026-03-02'), 3);
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(mondayOf('2026-03-01'), '2026-02-23', 'a Sunday belongs to the week that began on Monday');
    assert.deepEqual(monthBounds('2026-02'), { first: '2026-02-01', last: '2026-02-28', next: '2026-03-01' });
  });
});
