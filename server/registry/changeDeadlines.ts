import { Op } from 'sequelize';
import { now } from '../lib/clock';
import { addDays, countyDate } from '../lib/countyDate';
import { CalendarExceptions, workingDayDeadline, workingDaysAfter } from '../lib/workingDays';
import { AccountChange, WorkingCalendarDay } from '../models';

/** A change must be filed within this many working days of the day it took effect. */
export const FILING_WORKING_DAYS = 7;

export interface ChangeTiming {
  /** Last day to file on time. */
  dueOn: string;
  /** Filed after the deadline, or still pending past it. */
  late: boolean;
  /** Working days past the deadline: until filing, or until today while pending. */
  workingDaysLate: number;
}

/** The calendar's exceptions around the given dates (a deadline lies at most a few weeks later). */
export async function loadCalendarExceptions(from: string, to: string): Promise<CalendarExceptions> {
  const rows = await WorkingCalendarDay.findAll({ where: { day: { [Op.between]: [from, addDays(to, 90)] } } });
  return new Map(rows.map((row) => [String(row.day).slice(0, 10), Boolean(row.working)]));
}

export function changeTiming(change: AccountChange, exceptions: CalendarExceptions, today = countyDate(now())): ChangeTiming {
  const dueOn = workingDayDeadline(change.changedOn, FILING_WORKING_DAYS, exceptions);
  const until = change.state === 'filed' && change.filedAt ? countyDate(change.filedAt) : today;
  const workingDaysLate = workingDaysAfter(dueOn, until, exceptions);
  return { dueOn, late: until > dueOn, workingDaysLate };
}

/** Timings of many changes with one calendar read. */
export async function changeTimings(changes: AccountChange[]): Promise<Map<number, ChangeTiming>> {
  const timings = new Map<number, ChangeTiming>();
  if (!changes.length) return timings;
  const today = countyDate(now());
  const earliest = changes.reduce((min, c) => (c.changedOn < min ? c.changedOn : min), changes[0]!.changedOn);
  const exceptions = await loadCalendarExceptions(earliest, today > earliest ? today : earliest);
  for (const change of changes) timings.set(change.id, changeTiming(change, exceptions, today));
  return timings;
}
