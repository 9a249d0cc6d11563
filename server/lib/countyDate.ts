/**
 * Calendar dates as the county lives them. China has one time zone and no daylight saving, so a
 * fixed +08:00 offset gives the local date of any instant. Dates travel as 'YYYY-MM-DD' strings.
 */
const OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDateString(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** The county date of an instant. */
export function countyDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The county time of day of an instant, as HH:MM. */
export function countyDayTime(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(11, 16);
}

/** The instant a county date begins (00:00 in China). */
export function countyDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

function utcMidnight(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

export function addDays(day: string, days: number): string {
  return new Date(utcMidnight(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return new Date(utcMidnight(day)).getUTCDay();
}

/** The Monday of the week a date falls in (weeks run Monday to Sunday, as in Chinese offices). */
export function mondayOf(day: string): string {
  return addDays(day, -((weekdayOf(day) + 6) % 7));
}

/** First and last day of a month given as 'YYYY-MM'. */
export function monthBounds(month: string): { first: string; last: string; next: string } {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const first = `${month}-01`;
  const next = new Date(Date.UTC(year, mon, 1)).toISOString().slice(0, 10);
  return { first, last: addDays(next, -1), next };
}

/** A DATE column or a date string as 'YYYY-MM-DD' (null stays null). */
export function asDateString(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value.slice(0, 10);
}
