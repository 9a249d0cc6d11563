import type { CellValue } from 'exceljs';

/** Reading cells as people type them into county spreadsheets. */

/** The text of a cell whatever it holds (rich text, hyperlink, formula result, number, date). */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText(value.result as CellValue);
    if ('error' in value) return '';
  }
  return String(value).trim();
}

/** A non-negative number; "1.2万" and "12,000" are understood. Returns undefined for empty, NaN for nonsense. */
export function cellNumber(value: CellValue | undefined): number | undefined {
  if (typeof value === 'number') return value;
  const text = cellText(value).replace(/[,，\s]/g, '');
  if (!text) return undefined;
  const match = /^(\d+(?:\.\d+)?)(万)?$/.exec(text);
  if (!match) return Number.NaN;
  return Number(match[1]) * (match[2] ? 10_000 : 1);
}

/** A date as 'YYYY-MM-DD': Excel dates, 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, 2024年3月. */
export function cellDate(value: CellValue | undefined): string | undefined | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = cellText(value);
  if (!text) return undefined;
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?|月)?$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 1)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** Header text without spaces and without what stands in brackets: '运维方式（自主运营/购买服务）' → '运维方式'. */
export function headerKey(text: string): string {
  return text.replace(/[（(][^）)]*[）)]/g, '').replace(/\s+/g, '');
}
