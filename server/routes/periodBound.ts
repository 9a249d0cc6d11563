import { z } from 'zod';
import { addDays, countyDayStart, isDateString } from '../lib/countyDate';

const dateTime = z.iso.datetime({ offset: true });

/**
 * A bound of a list's period in a query: a time with its offset, or a plain county date. `from`
 * (at or after) takes a date as the start of that day in China, `to` (before) as the start of the
 * next day, so that from=2026-03-01&to=2026-03-31 is the whole of March, both days included.
 */
export function periodBound(edge: 'from' | 'to') {
  return z
    .string()
    .trim()
    .refine((value) => isDateString(value) || dateTime.safeParse(value).success, '须为日期（如 2026-03-01）或带时区的时间（如 2026-03-01T08:00:00+08:00）')
    .transform((value) => (isDateString(value) ? countyDayStart(edge === 'from' ? value : addDays(value, 1)) : new Date(value)));
}

/**
 * A period that ends before it starts (从 2026-12-01 到 2026-11-01) would list nothing and not
 * say why. With plain dates `to` is the start of the day after, so the same day at both ends is a day.
 */
export function refuseReversedPeriod(period: { from?: Date; to?: Date }, context: z.RefinementCtx): void {
  if (period.from && period.to && period.from.getTime() >= period.to.getTime()) context.addIssue({ code: 'custom', message: '开始日期晚于结束日期' });
}
