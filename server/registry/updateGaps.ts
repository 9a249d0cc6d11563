import { addDays, daysBetween } from '../lib/countyDate';

/** Days an account was suspended: from the day of its suspension to the day it was resumed (null: not yet). */
export interface Pause {
  from: string;
  to: string | null;
}

export interface UpdateGap {
  days: number;
  from: string;
  to: string;
}

/**
 * The stretches of `from`…`through` in which the account was expected to post: a suspension ends
 * the stretch before it, and the day of its resumption starts a new one, as a post would.
 */
function activeStretches(from: string, through: string, pauses: readonly Pause[]): Array<[string, string]> {
  const stretches: Array<[string, string]> = [];
  let start: string | null = from;
  for (const pause of pauses) {
    if (start === null || pause.from > through) break;
    if (pause.to !== null && pause.to <= start) continue;
    if (pause.from > start) stretches.push([start, pause.from]);
    start = pause.to;
  }
  if (start !== null && start <= through) stretches.push([start, through]);
  return stretches;
}

/**
 * The longest run without a post from `from` (the last post before the period, or the day counting
 * starts) to `through`, in calendar days, leaving out the days the account was suspended.
 */
export function longestUpdateGap(from: string, through: string, postDates: readonly string[], pauses: readonly Pause[]): UpdateGap {
  let longest: UpdateGap = { days: 0, from, to: from };
  for (const [start, end] of activeStretches(from, through, pauses)) {
    const points = [start, ...postDates.filter((day) => day > start && day < end), end];
    for (let i = 1; i < points.length; i++) {
      const days = daysBetween(points[i - 1]!, points[i]!);
      if (days > longest.days) longest = { days, from: points[i - 1]!, to: points[i]! };
    }
  }
  return longest;
}

/** How many days of `from`…`through` (both included) the account was not suspended. */
export function daysNotPaused(from: string, through: string, pauses: readonly Pause[]): number {
  let days = Math.max(0, daysBetween(from, through) + 1);
  for (const pause of pauses) {
    const start = pause.from > from ? pause.from : from;
    const end = pause.to === null || pause.to > addDays(through, 1) ? addDays(through, 1) : pause.to;
    if (end > start) days -= daysBetween(start, end);
  }
  return days;
}
