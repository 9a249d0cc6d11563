import { addDays, weekdayOf } from './countyDate';

/**
 * Working days: Monday to Friday, except where the county's calendar says otherwise. The calendar
 * holds the exceptions of the State Council's yearly holiday notice: public holidays that fall on
 * weekdays (working = false) and the weekend days worked in exchange (调休上班, working = true).
 */
export type CalendarExceptions = ReadonlyMap<string, boolean>;

export function isWorkingDay(day: string, exceptions: CalendarExceptions): boolean {
  const exception = exceptions.get(day);
  if (exception !== undefined) return exception;
  const weekday = weekdayOf(day);
  return weekday >= 1 && weekday <= 5;
}

/** The last day of a period of `count` working days that starts the day after `from`. */
export function workingDayDeadline(from: string, count: number, exceptions: CalendarExceptions): string {
  let day = from;
  let counted = 0;
  while (counted < count) {
    day = addDays(day, 1);
    if (isWorkingDay(day, exceptions)) counted++;
  }
  return day;
}

/** Working days after `deadline` up to and including `day` (0 when `day` is on or before it). */
export function workingDaysAfter(deadline: string, day: string, exceptions: CalendarExceptions): number {
  let late = 0;
  for (let d = addDays(deadline, 1); d <= day; d = addDays(d, 1)) {
    if (isWorkingDay(d, exceptions)) late++;
  }
  return late;
}
