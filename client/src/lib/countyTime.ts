/**
 * Times as the county reads them: Beijing time (UTC+8, no daylight saving), whatever time zone
 * the computer is set to, as the server counts the county's days (server/lib/countyDate.ts).
 * The console shows an instant as 「2026/3/2 09:30:00」 and takes one typed the same way.
 */
const COUNTY_TIME_ZONE = 'Asia/Shanghai';

/** "2026/3/2 09:30:00" (h23: midnight is 00, never 24). */
export function countyTimeText(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { timeZone: COUNTY_TIME_ZONE, hourCycle: 'h23' });
}

/** "09:30:00": the time of day only, for a deadline later today. */
export function countyClockText(iso: string): string {
  return new Date(iso).toLocaleTimeString('zh-CN', { timeZone: COUNTY_TIME_ZONE, hourCycle: 'h23' });
}

/** Today in the county, as YYYY-MM-DD: the server's countyDate of now. */
export function countyToday(now = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: COUNTY_TIME_ZONE });
}

/** How a time is typed, shown beside the box. */
export const COUNTY_TIME_EXAMPLE = '2026/3/2 09:30';

// 2026/3/2 09:30, 2026-03-02 09:30:15, 2026.3.2 9:30, a full-width colon as a Chinese keyboard types it,
// and 2026-03-02T09:30 as a date-time box wrote it (a copy kept from before).
const TYPED_TIME = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\s+|T)(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?$/;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A time typed in Beijing time as the instant it names, written with its offset
 * (2026-03-02T09:30:00+08:00), or null when the text is no such time (2026/2/30 or 25:00 included).
 */
export function parseCountyTime(text: string): string | null {
  const match = TYPED_TIME.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}+08:00`;
}
